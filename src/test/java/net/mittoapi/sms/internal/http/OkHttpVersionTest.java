package net.mittoapi.sms.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OkHttp line check of {@code MittoClient.Builder.build()}, through its seam: a test cannot put an old
 * OkHttp on its own class path, so it hands the check the version an application would have.
 */
class OkHttpVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"4.12.0", "4.12.1", "4.13.0", "5.0.0", "5.0.0-alpha.14", "5.5.1", "6.0.0"})
    void okHttp412AndLaterAreAccepted(String version) {
        assertThatCode(() -> OkHttpVersion.check(version)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.11.0", "4.9.3", "4.0.0", "3.14.9", "3.12.13", "okhttp/3.14.9", "2.7.5"})
    void anOlderOkHttpIsRefusedNamingTheVersionAndTheFix(String version) {
        assertThatThrownBy(() -> OkHttpVersion.check(version)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("OkHttp " + version + " is on the class path")
                .hasMessageContaining("needs OkHttp 4.12 or later")
                .hasMessageContaining("com.squareup.okhttp3:okhttp-bom:" + SdkVersion.OKHTTP_VERSION)
                .hasMessageContaining("com.squareup.okhttp3:okhttp:4.12.0");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "unknown", "4", "99999999999.1.0"})
    void anUnreadableVersionIsRefusedToo(String version) {
        assertThatThrownBy(() -> OkHttpVersion.check(version)).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("okhttp-bom");
    }

    @Test
    void theOkHttpOnThisClassPathIsReadAndAccepted() {
        assertThat(OkHttpVersion.found()).isEqualTo(okhttp3.OkHttp.VERSION);
        assertThat(SdkVersion.OKHTTP_VERSION).as("filtered from the pom").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThatCode(OkHttpVersion::check).doesNotThrowAnyException();
    }
}
