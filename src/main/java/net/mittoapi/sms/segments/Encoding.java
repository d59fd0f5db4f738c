package net.mittoapi.sms.segments;

/**
 * The two data coding schemes an SMS text is sent in (3GPP TS 23.038 section 4).
 */
public enum Encoding {
    /**
     * The GSM 7-bit default alphabet and its extension table: 160 septets in one part, 153 per part of a
     * concatenated message. Extension-table characters cost two septets each.
     */
    GSM_7(160, 153),
    /**
     * UCS-2 (sent as UTF-16 by Mitto and modern handsets): 70 UTF-16 code units in one part, 67 per part
     * of a concatenated message. A character outside the Basic Multilingual Plane, such as most emoji,
     * costs two units.
     */
    UCS_2(70, 67);

    private final int singleLimit;
    private final int multiLimit;

    Encoding(int singleLimit, int multiLimit) {
        this.singleLimit = singleLimit;
        this.multiLimit = multiLimit;
    }

    /** @return the units one part holds when the message is a single part: 160 or 70 */
    public int singleSegmentLimit() {
        return singleLimit;
    }

    /**
     * @return the units each part holds when the message is concatenated (the 6-octet user data header
     *         takes the rest): 153 or 67
     */
    public int multiSegmentLimit() {
        return multiLimit;
    }
}
