package net.mittoapi.sms.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, read from {@code version.properties} (filtered by Maven), and the User-Agent built on it. */
public final class SdkVersion {

    /** The version, such as {@code 0.1.0}, or {@code unknown} when the resource is missing or unfiltered. */
    public static final String VERSION = load("version");
    /** The OkHttp version the SDK is built and tested with, such as {@code 5.5.1}, or {@code unknown}. */
    public static final String OKHTTP_VERSION = load("okhttp");

    private SdkVersion() {
    }

    /** @return {@code mitto-sms-java/<sdk version> Java/<java version>} */
    public static String userAgent() {
        return "mitto-sms-java/" + VERSION + " Java/" + System.getProperty("java.version", "unknown");
    }

    private static String load(String key) {
        try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty(key, "").strip();
            return version.isEmpty() || version.contains("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
