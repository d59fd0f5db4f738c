package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoClientListener.AttemptEnded;
import net.mittoapi.sms.MittoClientListener.CallEnded;
import net.mittoapi.sms.MittoClientListener.CallStarted;
import net.mittoapi.sms.segments.GsmNormalizer;
import net.mittoapi.sms.segments.Normalization;
import net.mittoapi.sms.segments.Replacement;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.webhook.DeliveryReport;
import net.mittoapi.sms.webhook.InboundSms;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nullness contract as the class files carry it, for users' checkers (NullAway, IntelliJ, Kotlin): every
 * package {@code @NullMarked}, and {@code @Nullable} exactly on what may be null. NullAway checks the SDK's own
 * code against these annotations at compile time; this test pins the public promises themselves, so that
 * dropping one (or marking a required value nullable) is a visible change.
 */
class NullnessContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"net.mittoapi.sms.SmsResponse", "net.mittoapi.sms.segments.SegmentInfo",
        "net.mittoapi.sms.webhook.DeliveryReport", "net.mittoapi.sms.internal.codec.Codec",
        "net.mittoapi.sms.internal.http.Transport", "net.mittoapi.sms.internal.validation.Validation",
        "net.mittoapi.sms.internal.events.CallEvents"})
    void everyPackageIsNullMarked(String typeInPackage) throws ClassNotFoundException {
        Package pkg = Class.forName(typeInPackage).getPackage();

        assertThat(pkg.isAnnotationPresent(NullMarked.class)).as(pkg.getName()).isTrue();
    }

    static Stream<Arguments> components() {
        return Stream.of(
                Arguments.of(SmsResponse.class, List.of("id", "timestamp", "to", "responseText")),
                Arguments.of(BulkMessage.class, List.of("id", "timestamp", "to")),
                Arguments.of(BulkSmsResponse.class, List.of("responseText")),
                Arguments.of(UsageResponse.class, List.of()),
                Arguments.of(CountryUsage.class, List.of("country")),
                Arguments.of(CallStarted.class, List.of("segments")),
                Arguments.of(AttemptEnded.class, List.of("failure")),
                Arguments.of(CallEnded.class, List.of("failure", "segments")),
                Arguments.of(MittoClientListener.Segments.class, List.of()),
                Arguments.of(MittoClientListener.RetryScheduled.class, List.of()),
                Arguments.of(Normalization.class, List.of()),
                Arguments.of(Replacement.class, List.of()));
    }

    @ParameterizedTest
    @MethodSource("components")
    void recordComponentsAreNullableExactlyWhereTheAnswerMayLackThem(Class<?> record, List<String> nullable) {
        for (RecordComponent component : record.getRecordComponents()) {
            assertThat(isNullable(component.getAnnotatedType()))
                    .as("%s.%s() nullable", record.getSimpleName(), component.getName())
                    .isEqualTo(nullable.contains(component.getName()));
        }
    }

    @Test
    void returnValuesThatMayBeNullSaySo() throws NoSuchMethodException {
        assertThat(isNullable(MittoApiException.class.getMethod("responseText").getAnnotatedReturnType())).isTrue();
        assertThat(isNullable(MittoApiException.class.getMethod("body").getAnnotatedReturnType())).isTrue();
        assertThat(isNullable(MittoApiException.class.getMethod("retryAfter").getAnnotatedReturnType())).isFalse();
        assertThat(isNullable(DeliveryReport.class.getMethod("messageId").getAnnotatedReturnType())).isFalse();
        assertThat(isNullable(SegmentCalculator.class.getMethod("calculate", String.class).getAnnotatedReturnType()))
                .isFalse();
        assertThat(isNullable(GsmNormalizer.class.getMethod("normalize", String.class).getAnnotatedReturnType()))
                .isFalse();
        assertThat(isNullable(GsmNormalizer.class.getMethod("explain", String.class, boolean.class)
                .getAnnotatedReturnType())).isFalse();
    }

    @Test
    void rawWebhookFieldsKeepAJsonNullAsANullValue() throws NoSuchMethodException {
        for (Class<?> reader : List.of(DeliveryReport.class, InboundSms.class)) {
            AnnotatedType raw = reader.getMethod("raw").getAnnotatedReturnType();
            AnnotatedType[] arguments = ((AnnotatedParameterizedType) raw).getAnnotatedActualTypeArguments();

            assertThat(isNullable(raw)).as("%s.raw()", reader.getSimpleName()).isFalse();
            assertThat(isNullable(arguments[0])).as("%s.raw() names", reader.getSimpleName()).isFalse();
            assertThat(isNullable(arguments[1])).as("%s.raw() values", reader.getSimpleName()).isTrue();
        }
    }

    @Test
    void setterParametersAcceptNullWhereNullMeansNoneAndNowhereElse() throws NoSuchMethodException {
        Class<?> client = MittoClient.Builder.class;
        assertThat(firstParameterNullable(client, "httpClient", OkHttpClient.class)).isTrue();
        assertThat(firstParameterNullable(client, "listener", MittoClientListener.class)).isTrue();
        assertThat(firstParameterNullable(client, "baseUrl", String.class)).isTrue();
        // Refused in build() whenever null: a checker should flag the null before it gets there.
        assertThat(firstParameterNullable(client, "apiKey", String.class)).isFalse();
        assertThat(firstParameterNullable(client, "region", Region.class)).isFalse();
        assertThat(firstParameterNullable(client, "format", Format.class)).isFalse();
        assertThat(firstParameterNullable(client, "connectTimeout", Duration.class)).isFalse();

        for (Class<?> request : List.of(SmsRequest.Builder.class, BulkSmsRequest.Builder.class)) {
            assertThat(firstParameterNullable(request, "type", MessageType.class)).isTrue();
            assertThat(firstParameterNullable(request, "reference", String.class)).isTrue();
            assertThat(firstParameterNullable(request, "callback", String.class)).isTrue();
            assertThat(firstParameterNullable(request, "udh", String.class)).isTrue();
            assertThat(firstParameterNullable(request, "from", String.class)).isFalse();
            assertThat(firstParameterNullable(request, "text", String.class)).isFalse();
        }
        assertThat(firstParameterNullable(SmsRequest.Builder.class, "to", String.class)).isFalse();
        assertThat(firstParameterNullable(BulkSmsRequest.Builder.class, "to", List.class)).isFalse();
        assertThat(firstParameterNullable(UsageRequest.Builder.class, "accountName", String.class)).isTrue();
        assertThat(firstParameterNullable(UsageRequest.Builder.class, "startDate", java.time.LocalDate.class))
                .isFalse();
    }

    @Test
    void reportConversionAsyncCompletesWithANullableVoid() throws NoSuchMethodException {
        AnnotatedType future = MittoClient.class.getMethod("reportConversionAsync", String.class)
                .getAnnotatedReturnType();

        assertThat(isNullable(((AnnotatedParameterizedType) future).getAnnotatedActualTypeArguments()[0])).isTrue();
    }

    private static boolean firstParameterNullable(Class<?> type, String name, Class<?> parameter)
            throws NoSuchMethodException {
        Method method = type.getMethod(name, parameter);
        return isNullable(method.getAnnotatedParameterTypes()[0]);
    }

    private static boolean isNullable(AnnotatedType type) {
        return Arrays.stream(type.getAnnotations()).anyMatch(a -> a.annotationType() == Nullable.class);
    }
}
