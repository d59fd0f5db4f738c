package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The handler on its own, with a ticker the test moves: how often a refused token is warned. Its behaviour over
 * HTTP in a real application: {@link WebhookEndpointTest}, {@link FormReports}.
 */
class WebhookHandlerTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<Object> published = new ArrayList<>();
    private final WebhookHandler handler = new WebhookHandler(WebhookHandler.Kind.DELIVERY_REPORT, "/mitto/reports",
            "s3cret-t0ken", 1024, published::add, nanos::get);

    private int get(String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/mitto/reports");
        request.setQueryString(query);
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.handleRequest(request, response);
        return response.getStatus();
    }

    @Test
    void aScanOfTokensIsWarnedOnceAMinuteWithTheCountOfThoseHeldBack() throws Exception {
        List<String> warnings;
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            for (int i = 0; i < 100; i++) {
                assertThat(get("ID=d8d9&token=guess-" + i)).isEqualTo(401);
            }
            nanos.addAndGet(Duration.ofSeconds(59).toNanos());
            assertThat(get("ID=d8d9")).isEqualTo(401);
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(get("ID=d8d9&token=guess-last")).isEqualTo(401);
            assertThat(get("ID=d8d9&token=s3cret-t0ken")).as("the right token still gets through").isEqualTo(200);
            warnings = log.messages(Level.WARN);
        }

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("with 401 on GET /mitto/reports: the query parameter token is wrong")
                .contains("at most once a minute").doesNotContain("more requests");
        assertThat(warnings.get(1)).contains("with 401").contains("100 more requests were refused with 401 since the"
                + " last one");
        assertThat(String.join("\n", warnings)).doesNotContain("guess").doesNotContain("s3cret").doesNotContain("d8d9");
        assertThat(published).hasSize(1);
    }
}
