package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How each kind of error answer reaches the caller (retries off, so each test sees one exchange). */
class MittoClientErrorsTest {

    private final MockApi api = new MockApi();
    private final MittoClient client = api.client().maxRetries(0).build();

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    @Test
    void aNonZeroResponseCodeOnHttp200IsAnApiException() {
        api.json(200, "{\"responseCode\":6,\"responseText\":\"Invalid sender\"}");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

        assertThat(e.getClass()).isEqualTo(MittoApiException.class);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.responseCode()).isEqualTo(6);
        assertThat(e.code()).isEqualTo(ResponseCode.INVALID_SENDER);
        assertThat(e.responseText()).isEqualTo("Invalid sender");
        assertThat(e.body()).isEqualTo("{\"responseCode\":6,\"responseText\":\"Invalid sender\"}");
        assertThat(e).hasMessage("Mitto API answered HTTP 200, responseCode 6: Invalid sender");
    }

    @Test
    void aNonZeroResponseCodeInABulkAnswerIsAnApiException() {
        api.json(200, "{\"responseCode\":\" 7\",\"responseText\":\"Empty receiver\",\"messages\":[]}");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.sendBulk(
                BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build()));

        assertThat(e.responseCode()).isEqualTo(7);
        assertThat(e.code()).isEqualTo(ResponseCode.EMPTY_RECEIVER);
    }

    @Test
    void anUnknownResponseCodeIsKept() {
        api.json(400, "{\"responseCode\":42,\"responseText\":\"Something new\"}");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.responseCode()).isEqualTo(42);
        assertThat(e.code()).isEqualTo(ResponseCode.UNKNOWN);
        assertThat(e.responseText()).isEqualTo("Something new");
    }

    @Test
    void http400KeepsTheBodysCodeAndText() {
        api.json(400, "{\"responseCode\":8,\"responseText\":\"Invalid receiver\"}");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(ResponseCode.INVALID_RECEIVER);
        assertThat(e.responseText()).isEqualTo("Invalid receiver");
    }

    @Test
    void http400WithoutBodyHasNoCodeNoTextNoBody() {
        api.enqueue(400, null, "");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.responseCode()).isEqualTo(-1);
        assertThat(e.responseText()).isNull();
        assertThat(e.body()).isNull();
    }

    @Test
    void http401IsAnAuthenticationExceptionWithoutTheKey() {
        api.enqueue(401, "text/plain", "Invalid or no API Key specified");

        MittoAuthenticationException e = catchThrowableOfType(MittoAuthenticationException.class, () -> client.send(SMS));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.responseCode()).isEqualTo(-1);
        assertThat(e.body()).isEqualTo("Invalid or no API Key specified");
        assertThat(e.getMessage()).contains("401").doesNotContain(MockApi.KEY);
    }

    @Test
    void http401And429KeepTheBodysCodeAndTextLikeAnyOtherError() {
        api.json(401, "{\"responseCode\":1,\"responseText\":\"Invalid or no API Key specified\"}");
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"responseCode\":1,\"responseText\":\"Too many requests\"}").build());

        MittoAuthenticationException auth = catchThrowableOfType(MittoAuthenticationException.class, () -> client.send(SMS));
        MittoRateLimitException limit = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));

        assertThat(auth.httpStatus()).isEqualTo(401);
        assertThat(auth.responseCode()).isEqualTo(1);
        assertThat(auth.responseText()).isEqualTo("Invalid or no API Key specified");
        assertThat(limit.httpStatus()).isEqualTo(429);
        assertThat(limit.responseCode()).isEqualTo(1);
        assertThat(limit.responseText()).isEqualTo("Too many requests");
        assertThat(limit.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void http429IsARateLimitExceptionWithRetryAfterInSeconds() {
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("Too many requests").build());

        MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.body()).isEqualTo("Too many requests");
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void http429ReadsRetryAfterAsAnHttpDate() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", inAMinute).build());

        MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));

        assertThat(e.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61)));
    }

    @Test
    void http429WithARetryAfterTooLongForMillisecondsIsStillARateLimitException() {
        api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "99999999999999999999").build());

        MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(e).hasMessageContaining("429").hasMessageContaining("retry after " + Long.MAX_VALUE + " s");
    }

    @Test
    void http429WithoutRetryAfterHasNone() {
        api.enqueue(429, null, "");

        MittoRateLimitException e = catchThrowableOfType(MittoRateLimitException.class, () -> client.send(SMS));

        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void http404OnConversionKeepsThePlainTextBody() {
        api.enqueue(404, "text/plain", "No convertible message found for id \"d8d9\"");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.reportConversion("d8d9"));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.responseCode()).isEqualTo(-1);
        assertThat(e.responseText()).isNull();
        assertThat(e.body()).isEqualTo("No convertible message found for id \"d8d9\"");
        assertThat(e.getMessage()).contains("404").contains("No convertible message found");
    }

    @Test
    void aNonZeroResponseCodeOnAConversionIsAnApiException() {
        api.json(200, "{\"responseCode\":1,\"responseText\":\"Internal error\"}");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.reportConversion("d8d9"));

        assertThat(e.code()).isEqualTo(ResponseCode.INTERNAL_ERROR);
    }

    @Test
    void http500KeepsATruncatedBody() {
        api.enqueue(500, "text/html", "<html>" + "x".repeat(20_000) + "</html>");

        MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.usageByCountry(
                UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 2)).build()));

        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.responseCode()).isEqualTo(-1);
        assertThat(e.body()).startsWith("<html>xxx").endsWith("…[truncated]")
                .hasSize(MittoApiException.MAX_BODY_CHARS + "…[truncated]".length());
    }

    @Test
    void aMalformedSuccessfulAnswerIsATransportFailureThatMayHaveDelivered() {
        api.json(200, "{\"id\":\"abc\",\"responseCode\":0,");

        MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

        assertThat(e.maybeDelivered()).isTrue();
        assertThat(e.getMessage()).contains("HTTP 200").contains("could not be read");
    }

    @Test
    void anHtmlPageOnHttp200IsATransportFailure() {
        api.enqueue(200, "text/html", "<html><body>Proxy login</body></html>");

        MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

        assertThat(e.maybeDelivered()).isTrue();
        assertThat(e.getMessage()).contains("XML");
    }

    @Test
    void withoutAnIdAFieldThatIsNoNumberIsATransportFailureNamingIt() {
        api.json(200, "{\"responseCode\":0,\"textLength\":\"thirteen\"}");

        MittoTransportException e = catchThrowableOfType(MittoTransportException.class, () -> client.send(SMS));

        assertThat(e.maybeDelivered()).isTrue();
        assertThat(e.getMessage()).contains("textLength").contains("thirteen");
    }

    @Test
    void withoutAnIdABadTimestampIsATransportFailureNamingIt() {
        api.json(200, "{\"responseCode\":0,\"timestamp\":\"yesterday\"}");

        assertThatThrownBy(() -> client.send(SMS)).isInstanceOf(MittoTransportException.class)
                .hasMessageContaining("timestamp").hasMessageContaining("yesterday");
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyGoesNowhereElse() {
        try (MockApi elsewhere = new MockApi()) {
            api.enqueue(new MockResponse.Builder().code(307).setHeader("Location", elsewhere.baseUrl() + "/sms.json")
                    .build());

            MittoApiException e = catchThrowableOfType(MittoApiException.class, () -> client.send(SMS));

            assertThat(e.httpStatus()).isEqualTo(307);
            assertThat(elsewhere.server.getRequestCount()).isZero();
        }
    }
}
