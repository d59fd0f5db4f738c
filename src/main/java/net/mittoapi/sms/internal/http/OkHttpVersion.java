package net.mittoapi.sms.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Which OkHttp is on the class path, and whether the SDK can run on it.
 *
 * <p>The SDK is built with OkHttp 5 and uses only API that OkHttp 4.12 has too, since many applications get
 * OkHttp 4 from Retrofit 2 or a vendor SDK, and Maven cannot see the clash (OkHttp 5's JVM jar is
 * {@code okhttp-jvm}, OkHttp 4's is {@code okhttp}). Older lines lack parts of that API and would fail
 * later, call by call, with a {@link LinkageError}; {@code MittoClient.Builder.build()} refuses them at once
 * with a message that names the fix.
 *
 * <p>The version is read reflectively: OkHttp 4's {@code okhttp3.OkHttp.VERSION} is a compile-time
 * constant, which a plain reference would copy into the SDK's class file at build time. OkHttp 3 has no such
 * class; its {@code okhttp3.internal.Version.userAgent()} says {@code okhttp/3.14.9}.
 */
public final class OkHttpVersion {

    /** The oldest OkHttp the SDK runs on. */
    public static final String MINIMUM = "4.12";

    private static final Pattern MAJOR_MINOR = Pattern.compile("(?:okhttp/)?(\\d+)\\.(\\d+)(?:[.-].*)?");

    /** The version on the class path, such as {@code 4.12.0}, or {@code null} when it cannot be read. */
    private static final @Nullable String FOUND = read();

    private OkHttpVersion() {
    }

    /** @return the version on the class path, such as {@code 5.5.1}, or {@code null} when it cannot be read */
    public static @Nullable String found() {
        return FOUND;
    }

    /**
     * Checks the OkHttp on the class path.
     *
     * @throws MittoValidationException when it is older than {@value #MINIMUM}
     */
    public static void check() {
        check(FOUND);
    }

    /**
     * Checks a version; the seam for tests, which cannot put an old OkHttp on their own class path.
     *
     * @param version the version found, such as {@code 4.9.3}, or {@code null} when none could be read
     * @throws MittoValidationException when it is older than {@value #MINIMUM}, or unreadable
     */
    static void check(@Nullable String version) {
        if (supported(version)) {
            return;
        }
        String builtWith = SdkVersion.OKHTTP_VERSION;
        throw new MittoValidationException("OkHttp " + (version == null ? "older than 4 (its version is unreadable)"
                : version) + " is on the class path, but mitto-sms needs OkHttp " + MINIMUM + " or later (it is built"
                + " and tested with " + builtWith + "). Another dependency of your application brings the older"
                + " OkHttp: import com.squareup.okhttp3:okhttp-bom:" + builtWith + " in your dependencyManagement"
                + " (Gradle: implementation(platform(\"com.squareup.okhttp3:okhttp-bom:" + builtWith + "\"))), or"
                + " depend on com.squareup.okhttp3:okhttp:4.12.0 or later yourself");
    }

    static boolean supported(@Nullable String version) {
        if (version == null) {
            return false;
        }
        Matcher matcher = MAJOR_MINOR.matcher(version.strip());
        if (!matcher.matches()) {
            return false;
        }
        int major;
        int minor;
        try {
            major = Integer.parseInt(matcher.group(1));
            minor = Integer.parseInt(matcher.group(2));
        } catch (NumberFormatException tooLong) {
            return false;
        }
        return major > 4 || (major == 4 && minor >= 12);
    }

    private static @Nullable String read() {
        try {
            Object version = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
            if (version instanceof String text) {
                return text;
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notFourOrLater) {
            // OkHttp 3 has no okhttp3.OkHttp: ask its user agent below
        }
        try {
            Object agent = Class.forName("okhttp3.internal.Version").getMethod("userAgent").invoke(null);
            if (agent instanceof String text) {
                return text.startsWith("okhttp/") ? text.substring("okhttp/".length()) : text;
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unknown) {
            // nothing to read: reported as unreadable
        }
        return null;
    }
}
