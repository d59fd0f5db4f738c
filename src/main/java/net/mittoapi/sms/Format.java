package net.mittoapi.sms;

/**
 * The wire format of the API's answers, chosen by the path suffix ({@code /sms.json} or {@code /sms.xml}).
 * Requests are JSON in both cases, as the API expects.
 */
public enum Format {

    /** JSON answers ({@code .json} paths); the default, needs nothing beyond the SDK's own dependencies. */
    JSON,

    /**
     * XML answers ({@code .xml} paths). Needs {@code com.fasterxml.jackson.dataformat:jackson-dataformat-xml}
     * on the class path, which the SDK declares optional; {@link MittoClient.Builder#build()} refuses this
     * format when it is missing.
     */
    XML
}
