package net.mittoapi.sms.spring;

import java.util.Arrays;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/**
 * What differs between the Spring Boot lines the starter is tested under: the names of Boot's own
 * auto-configurations, which Boot 4 moved into modules of their own, and of some of their properties.
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

    /** @return Boot's ObservationRegistry auto-configuration of the running line */
    static AutoConfigurations observation() {
        return major() >= 4
                ? of("org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
                : of("org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration");
    }

    /** @return Boot's micrometer-tracing auto-configuration of the running line (handlers for a Tracer bean) */
    static AutoConfigurations tracing() {
        return major() >= 4
                ? of("org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration")
                : of("org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration");
    }

    /** @return the property that turns off the long task timers Boot's meter handler makes of observations */
    static String noLongTaskTimers() {
        return major() >= 4 ? "management.metrics.observations.ignored-meters=long-task-timer"
                : "management.observations.long-task-timer.enabled=false";
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
