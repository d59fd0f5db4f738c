package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.filter.HiddenHttpMethodFilter;

/**
 * {@link FormReports} behind Spring's {@code HiddenHttpMethodFilter} ({@code spring.mvc.hiddenmethod.filter.enabled}),
 * which reads the parameters of every POST before the endpoint sees it, so that the body is gone by then; and
 * with Spring Boot's default of decoding every request as UTF-8 ({@code server.servlet.encoding.force-request}).
 */
@MittoTestApplication
@TestPropertySource(properties = "spring.mvc.hiddenmethod.filter.enabled=true")
class FormReportBehindHiddenMethodFilterTest extends FormReports {

    @Test
    void aBodyThatTheFilterDecodedInAnotherCharsetThanItDeclaresIs400AndSaysWhatToDo() throws Exception {
        try (LogCapture log = LogCapture.of(WebhookHandler.class)) {
            // UTF-8 for "Café", declared ISO-8859-1 ("CafÃ©"): the filter decoded it as UTF-8 without a complaint.
            assertThat(post("/mitto/reports?" + TOKEN, FORM + "; charset=ISO-8859-1",
                    "ID=f8&Reference=Caf%C3%A9".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(400);

            assertThat(events.all).isEmpty();
            assertThat(log.messages(ch.qos.logback.classic.Level.WARN)).singleElement().asString()
                    .contains("with 400 on POST /mitto/reports").contains("ISO-8859-1").contains("UTF-8")
                    .contains("spring.servlet.encoding.force-request=false")
                    .contains("server.servlet.encoding.force-request=false").doesNotContain("f8")
                    .doesNotContain("Caf");
        }
    }

    @Test
    void anAsciiBodyDecodesAlikeInEitherCharsetAndIsRead() throws Exception {
        assertThat(post("/mitto/reports?" + TOKEN, FORM + "; charset=ISO-8859-1",
                "ID=f9&Reference=Cafe".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(200);
        assertThat(onlyReport().reference()).contains("Cafe");
    }

    @Test
    void theFilterIsThere(@Autowired List<HiddenHttpMethodFilter> filters) {
        assertThat(filters).hasSize(1);
    }
}
