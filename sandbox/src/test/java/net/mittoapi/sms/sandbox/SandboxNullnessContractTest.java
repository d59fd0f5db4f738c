package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Consumer;
import net.mittoapi.sms.sandbox.junit.MittoSandboxExtension;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox's nullness contract as its class files carry it, as the SDK's {@code NullnessContractTest} pins the
 * SDK's: both packages {@code @NullMarked}, {@code @Nullable} exactly where null is allowed.
 */
class SandboxNullnessContractTest {

    @ParameterizedTest
    @ValueSource(classes = {MittoSandbox.class, MittoSandboxExtension.class})
    void everyPackageIsNullMarked(Class<?> typeInPackage) {
        Package pkg = typeInPackage.getPackage();

        assertThat(pkg.isAnnotationPresent(NullMarked.class)).as(pkg.getName()).isTrue();
    }

    @Test
    void nullableExactlyWhereNullMeansNone() throws NoSuchMethodException {
        Class<?> builder = MittoSandbox.Builder.class;
        assertThat(isNullable(MittoSandbox.class.getMethod("apiKey").getAnnotatedReturnType())).isFalse();
        assertThat(isNullable(builder.getMethod("apiKey", String.class).getAnnotatedParameterTypes()[0])).isTrue();
        assertThat(isNullable(builder.getMethod("defaultCallback", String.class).getAnnotatedParameterTypes()[0]))
                .isTrue();
        assertThat(isNullable(builder.getMethod("accessLog", Consumer.class).getAnnotatedParameterTypes()[0]))
                .isTrue();
        assertThat(isNullable(builder.getMethod("clock", Clock.class).getAnnotatedParameterTypes()[0])).isFalse();
        assertThat(isNullable(MittoSandbox.class.getMethod("message", String.class).getAnnotatedParameterTypes()[0]))
                .isTrue();
    }

    @Test
    void aReceivedBodyKeepsAJsonNullAsANullValue() throws NoSuchMethodException {
        AnnotatedType body = ReceivedRequest.class.getMethod("body").getAnnotatedReturnType();

        assertThat(isNullable(((AnnotatedParameterizedType) body).getAnnotatedActualTypeArguments()[1])).isTrue();
    }

    private static boolean isNullable(AnnotatedType type) {
        return Arrays.stream(type.getAnnotations()).anyMatch(a -> a.annotationType() == Nullable.class);
    }
}
