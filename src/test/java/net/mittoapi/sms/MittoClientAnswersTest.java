package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How answers are read end to end, through a real client and a real server: hostile numbers never escape as
 * anything but a {@link MittoException}, sync or async, and never take a dispatcher thread down.
 */
class MittoClientAnswersTest {

    private static final String OVERFLOW = "{\"responseCode\":1e9999999999}";
    private static final String XML_OVERFLOW = "<r><responseCode>1e9999999999</responseCode></r>";

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202})
    void anOverflowingNumberInASuccessfulAnswerIsATransportExceptionThatMayHaveBeenDelivered(int status) {
        try (MittoClient client = api.client().maxRetries(0).build()) {
            api.json(status, OVERFLOW);

            Throwable thrown = catchThrowable(() -> client.send(SMS));

            assertThat(thrown).isInstanceOfSatisfying(MittoTransportException.class,
                    e -> assertThat(e.maybeDelivered()).isTrue());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 429, 500, 503})
    void anOverflowingNumberInAnErrorAnswerIsAnApiExceptionWithoutCode(int status) {
        try (MittoClient client = api.client().maxRetries(0).build()) {
            api.json(status, OVERFLOW);

            Throwable thrown = catchThrowable(() -> client.send(SMS));

            assertThat(thrown).isInstanceOfSatisfying(MittoApiException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(status);
                assertThat(e.responseCode()).isEqualTo(-1);
                assertThat(e.body()).isEqualTo(OVERFLOW);
            });
        }
    }

    @Test
    void anOverflowingNumberInAnXmlAnswerIsAMittoException() {
        try (MittoClient client = api.client().format(Format.XML).maxRetries(0).build()) {
            api.xml(200, XML_OVERFLOW);
            api.xml(200, "<r><usagesByCountry><u><country>DEU</country><cost>1e9999999999</cost></u></usagesByCountry></r>");

            assertThat(catchThrowable(() -> client.send(SMS))).isInstanceOf(MittoTransportException.class);
            assertThat(catchThrowable(() -> client.usageByCountry(UsageRequest.builder()
                    .startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 15)).build())))
                    .isInstanceOf(MittoTransportException.class);
        }
    }

    @Test
    void asyncAnOverflowingNumberFailsTheFutureWithAMittoExceptionAndTheClientKeepsWorking() throws Exception {
        try (MittoClient client = api.client().maxRetries(0).build()) {
            for (int i = 0; i < 3; i++) {
                api.json(200, OVERFLOW);
                api.json(400, OVERFLOW);
            }
            api.json(200, "{\"id\":\"after\",\"responseCode\":0}");

            for (int i = 0; i < 3; i++) {
                CompletableFuture<SmsResponse> ok = client.sendAsync(SMS);
                Throwable okFailure = catchThrowable(() -> ok.get(10, TimeUnit.SECONDS));
                assertThat(okFailure).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(MittoTransportException.class);
                CompletableFuture<SmsResponse> bad = client.sendAsync(SMS);
                Throwable badFailure = catchThrowable(() -> bad.get(10, TimeUnit.SECONDS));
                assertThat(badFailure).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(MittoApiException.class);
            }

            assertThat(client.sendAsync(SMS).get(10, TimeUnit.SECONDS).id()).isEqualTo("after");
        }
    }

    @Test
    void aSentMessagesIdIsReturnedWhenAnotherFieldIsUnreadableAndADebugLineSaysWhy() {
        try (CapturedLog log = new CapturedLog(Level.DEBUG); MittoClient client = api.client().maxRetries(0).build()) {
            api.json(200, "{\"id\":\"d8d9505a\",\"timestamp\":\"13.04.2019 17:51\",\"textLength\":\"" + "9".repeat(5000)
                    + "\",\"responseCode\":0}");

            SmsResponse response = client.send(SMS);

            assertThat(response.id()).isEqualTo("d8d9505a");
            assertThat(response.timestamp()).isNull();
            assertThat(response.textLength()).isEqualTo(-1);
            assertThat(log.at(Level.DEBUG)).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("timestamp is not an ISO-8601 timestamp: '13.04.2019 17:51'"))
                    .anySatisfy(line -> assertThat(line).contains("textLength is not a number (a number of 5000 characters"));
        }
    }

    @Test
    void aSuccessfulAnswerWithNeitherIdNorResponseCodeMayHaveBeenDelivered() {
        try (MittoClient client = api.client().maxRetries(0).build()) {
            api.json(200, "{\"to\":\"491725551234\",\"textLength\":2}");

            assertThat(catchThrowable(() -> client.send(SMS))).isInstanceOfSatisfying(MittoTransportException.class,
                    e -> {
                        assertThat(e.maybeDelivered()).isTrue();
                        assertThat(e).hasMessageContaining("neither an id nor a responseCode");
                    });
        }
    }

    @Test
    void aUsageAnswerInAnUnknownShapeIsAnErrorNotAnEmptyList() {
        try (MittoClient client = api.client().maxRetries(0).build()) {
            api.json(200, "{\"usage\":{\"DEU\":3}}");

            assertThat(catchThrowable(() -> client.usageByCountry(UsageRequest.builder()
                    .startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 15)).build())))
                    .isInstanceOf(MittoTransportException.class)
                    .hasMessageContaining("expected usagesByCountry, got '{\"usage\":{\"DEU\":3}}'");
        }
    }

    @Test
    void aUsageEntryWithACountButNoCountryIsKeptWithANullCountry() {
        try (MittoClient client = api.client().maxRetries(0).build()) {
            api.json(200, "{\"usagesByCountry\":[{\"messagesCount\":\"3\",\"cost\":\"0.18\"},"
                    + "{\"country\":null,\"messagesCount\":\"1\",\"cost\":\"0.06\"}]}");

            UsageResponse usage = client.usageByCountry(UsageRequest.builder()
                    .startDate(LocalDate.of(2020, 4, 1)).endDate(LocalDate.of(2020, 4, 15)).build());

            assertThat(usage.usagesByCountry()).extracting(CountryUsage::country).containsExactly(null, null);
            assertThat(usage.usagesByCountry()).extracting(CountryUsage::messagesCount).containsExactly(3L, 1L);
        }
    }
}
