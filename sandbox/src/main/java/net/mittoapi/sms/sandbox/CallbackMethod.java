package net.mittoapi.sms.sandbox;

/**
 * How {@link MittoSandbox} delivers a delivery report to a callback URL, mirroring the two forms of the
 * API's documentation.
 */
public enum CallbackMethod {
    /** {@code GET <callback>?ID=<id>&MCCMNC=<mccmnc>}, plus {@code &Reference=<reference>} when the send had one. */
    GET,
    /**
     * {@code POST <callback>} with the JSON body {@code {"Id":"<id>","MccMnc":"<mccmnc>","Price":"<price>"}},
     * plus {@code "Reference"} when the send had one.
     */
    POST
}
