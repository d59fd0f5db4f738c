package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import kotlin.KotlinVersion;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * The build's profile really switched the Boot line: the other tests of this run prove the starter under the
 * versions printed here. Under Boot 3.5 the SDK runs on the kotlin-stdlib and Jackson 2 that Boot 3.5 manages,
 * as in an application with spring-boot-starter-parent 3.5.7.
 */
class BootLineTest {

    @Test
    void runsUnderTheBootLineTheBuildAskedFor() {
        String line = System.getProperty("mitto.test.boot-line");
        assertThat(line).as("set by the pom's surefire configuration").isNotNull();
        assertThat(BootLine.major()).isEqualTo(Integer.parseInt(line));
        System.out.printf("Spring Boot %s, OkHttp %s, kotlin-stdlib %s, Jackson 2 databind %s%n",
                SpringBootVersion.getVersion(), OkHttp.VERSION, KotlinVersion.CURRENT, PackageVersion.VERSION);
        if (BootLine.major() == 3) {
            assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
            // Boot 3.5 manages kotlin-stdlib below what OkHttp 5 was built with: the SDK's tests of this run
            // (the sandbox sends) prove it works there.
            assertThat(KotlinVersion.CURRENT.toString()).startsWith("1.9.");
        } else {
            assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
        }
        assertThat(OkHttp.VERSION).startsWith("5.");
    }
}
