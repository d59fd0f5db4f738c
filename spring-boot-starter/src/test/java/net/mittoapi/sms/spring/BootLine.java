package net.mittoapi.sms.spring;

import java.util.Arrays;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/**
 * What differs between the Spring Boot lines the starter is tested under: the names of Boot's own
 * auto-configurations, which Boot 4 moved into modules of their own.
 */
final class BootLine {

    private BootLine() {
    }

    /** @return 3 or 4, from the running Spring Boot */
    static int major() {
        return Integer.parseInt(SpringBootVersion.getVersion().split("\\.")[0]);
    }

    /** @return Boot's MeterRegistry auto-configurations of the running line, in no particular order */
    static AutoConfigurations metrics() {
        return major() >= 4
                ? of("org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration")
                : of("org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
                        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
                        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration");
    }

    private static AutoConfigurations of(String... names) {
        return AutoConfigurations.of(Arrays.stream(names).map(BootLine::load).toArray(Class<?>[]::new));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the test class path of Spring Boot "
                    + SpringBootVersion.getVersion(), e);
        }
    }
}
