package net.mittoapi.sms;

/**
 * The character encoding the API uses for a message: {@code type} on the wire, spelled as Mitto's own clients
 * spell it ({@code GSM}, {@code Unicode}, {@code Binary} in its certified connector, its C# client and its
 * Magento module; {@code auto} in the API's use-case page).
 *
 * <p>When a request names no type, the SDK sends {@link #AUTO}: Mitto recommends it, and the server's own
 * default for a request without a type is {@link #GSM}, which refuses or garbles any text outside the GSM
 * alphabet (a Cyrillic greeting, an emoji).
 */
public enum MessageType {

    /**
     * The GSM 03.38 7-bit alphabet ({@code "GSM"} on the wire): 160 characters per SMS, 153 per part of a long
     * message. A text with other characters is refused by the server (likely responseCode 4).
     */
    GSM,

    /**
     * UCS-2 ({@code "Unicode"} on the wire): any BMP character, 70 per SMS, 67 per part of a long message. The
     * SDK sends the text as it is; whether the server also expects it hex-encoded, as Mitto's Node.js client
     * sends it, is not published: prefer {@link #AUTO}, which takes raw text for certain.
     */
    UNICODE,

    /** Binary data ({@code "Binary"} on the wire); usually combined with a user data header ({@code udh}). */
    BINARY,

    /**
     * Let the server pick GSM when the text fits the GSM alphabet, Unicode otherwise ({@code "auto"} on the
     * wire). What the SDK sends when the request names no type.
     */
    AUTO
}
