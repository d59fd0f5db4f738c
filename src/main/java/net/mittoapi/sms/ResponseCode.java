package net.mittoapi.sms;

/**
 * The {@code responseCode} values the API documents for {@code /sms} and {@code /smsbulk}. Zero is
 * success; every other code arrives as a {@link MittoApiException}, whose {@link MittoApiException#code()}
 * maps it here. Codes the API may add later map to {@link #UNKNOWN}; the number itself stays available
 * from {@link MittoApiException#responseCode()}.
 */
public enum ResponseCode {

    /** 0: the SMS was accepted. */
    SMS_SENT(0, "SMS sent"),
    /** 1: the server failed internally; the message was not accepted. */
    INTERNAL_ERROR(1, "Internal error"),
    /** 2: the {@code type} is not one the API knows. */
    INVALID_TYPE(2, "Invalid type"),
    /** 3: the {@code text} was empty. */
    EMPTY_MESSAGE(3, "Empty message"),
    /** 4: the text has characters the chosen encoding cannot carry; try {@link MessageType#AUTO}. */
    INVALID_TEXT(4, "Message text is invalid"),
    /** 5: the {@code from} was empty. */
    EMPTY_SENDER(5, "Empty sender"),
    /** 6: the {@code from} is not an allowed sender. */
    INVALID_SENDER(6, "Invalid sender"),
    /** 7: the {@code to} was empty. */
    EMPTY_RECEIVER(7, "Empty receiver"),
    /** 8: the {@code to} is not a valid number. */
    INVALID_RECEIVER(8, "Invalid receiver"),
    /** 9: the text could not be converted to the chosen character set. */
    CHARSET_ERROR(9, "Character set error"),
    /** Any code not listed above, or no code at all; {@link #value()} is -1. */
    UNKNOWN(-1, "Unknown response code");

    private static final ResponseCode[] BY_VALUE = {
        SMS_SENT, INTERNAL_ERROR, INVALID_TYPE, EMPTY_MESSAGE, INVALID_TEXT,
        EMPTY_SENDER, INVALID_SENDER, EMPTY_RECEIVER, INVALID_RECEIVER, CHARSET_ERROR
    };

    private final int value;
    private final String description;

    ResponseCode(int value, String description) {
        this.value = value;
        this.description = description;
    }

    /**
     * Maps a {@code responseCode} number to its constant.
     *
     * @param value the number from the API's answer
     * @return the matching constant, or {@link #UNKNOWN} for a number the API does not document
     */
    public static ResponseCode of(int value) {
        return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : UNKNOWN;
    }

    /** @return the number on the wire, 0 to 9, or -1 for {@link #UNKNOWN} */
    public int value() {
        return value;
    }

    /** @return the meaning as the API documents it, such as {@code "Invalid receiver"} */
    public String description() {
        return description;
    }
}
