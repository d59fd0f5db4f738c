package net.mittoapi.sms;

/**
 * The character encoding the API uses for a message ({@code type} on the wire, written lower-case).
 * When a request names no type the server uses {@link #GSM}; Mitto recommends {@link #AUTO}.
 */
public enum MessageType {

    /** The GSM 03.38 7-bit alphabet: 160 characters per SMS, 153 per part of a long message. */
    GSM,

    /** UCS-2: any BMP character, 70 per SMS, 67 per part of a long message. */
    UNICODE,

    /** Binary data; usually combined with a user data header ({@code udh}). */
    BINARY,

    /** Let the server pick GSM when the text fits the GSM alphabet, Unicode otherwise. */
    AUTO
}
