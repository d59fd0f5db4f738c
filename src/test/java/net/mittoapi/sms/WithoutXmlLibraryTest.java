package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The SDK on a class path that truly lacks jackson-dataformat-xml (its optional dependency): the classes
 * are loaded afresh from the SDK's own jar contents and its required dependencies only.
 */
class WithoutXmlLibraryTest {

    @Test
    void jsonWorksAndXmlFailsInBuildNamingTheArtifact() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {
            location(MittoClient.class), location(okhttp3.OkHttpClient.class), location(okio.Buffer.class),
            location(kotlin.Unit.class), location(com.fasterxml.jackson.databind.ObjectMapper.class),
            location(com.fasterxml.jackson.core.JsonParser.class),
            location(com.fasterxml.jackson.annotation.JsonProperty.class), location(org.slf4j.Logger.class),
            location(ch.qos.logback.classic.Logger.class), location(ch.qos.logback.core.Appender.class)},
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.dataformat.xml.XmlMapper", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> client = Class.forName(MittoClient.class.getName(), true, loader);
            assertThat(client).isNotSameAs(MittoClient.class);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object xml = Enum.valueOf((Class) Class.forName(Format.class.getName(), true, loader), "XML");

            Object jsonClient = build(client, null);
            client.getMethod("close").invoke(jsonClient);

            assertThatThrownBy(() -> build(client, xml))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(MittoValidationException.class.getName()))
                    .hasMessageContaining("com.fasterxml.jackson.dataformat:jackson-dataformat-xml");
        }
    }

    private static Object build(Class<?> client, Object format) throws ReflectiveOperationException {
        Object builder = client.getMethod("builder").invoke(null);
        Class<?> type = builder.getClass();
        type.getMethod("apiKey", String.class).invoke(builder, "k");
        if (format != null) {
            Method setFormat = type.getMethod("format", format.getClass());
            setFormat.invoke(builder, format);
        }
        return type.getMethod("build").invoke(builder);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
