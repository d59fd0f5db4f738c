package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link FormReports} behind a filter of the application's own that reads every request's parameters first (as
 * security filters do), in an application that lets a request's declared charset stand
 * ({@code spring.servlet.encoding.force-request=false}, in Spring Boot 3 {@code server.servlet.encoding.force-request}):
 * the container then decodes the body in that charset.
 */
@MittoTestApplication
@Import(FormReportBehindParameterFilterTest.ParameterReadingFilterConfiguration.class)
@TestPropertySource(properties = {"spring.servlet.encoding.force-request=false",
        "server.servlet.encoding.force-request=false"})
class FormReportBehindParameterFilterTest extends FormReports {

    @Test
    void theBodysDeclaredCharsetDecodedItsEscapesInTheContainer() throws Exception {
        assertThat(post("/mitto/reports?" + TOKEN, FORM + "; charset=ISO-8859-1",
                "ID=f10&Reference=Caf%E9".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(200);
        assertThat(onlyReport().reference()).contains("Café");
    }

    @Test
    void theFilterReadTheParametersBeforeTheEndpoint() throws Exception {
        int before = ParameterReadingFilter.READ.get();
        assertThat(postForm("/mitto/reports?" + TOKEN, "ID=f11").statusCode()).isEqualTo(200);
        assertThat(ParameterReadingFilter.READ.get()).isGreaterThan(before);
    }

    @Configuration(proxyBeanMethods = false)
    static class ParameterReadingFilterConfiguration {

        @Bean
        Filter parameterReadingFilter() {
            return new ParameterReadingFilter();
        }
    }

    /** Reads the request's parameters before anything else sees the request. */
    static final class ParameterReadingFilter implements Filter {

        /** How many requests' parameters it read. */
        static final AtomicInteger READ = new AtomicInteger();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!request.getParameterMap().isEmpty()) {
                READ.incrementAndGet();
            }
            chain.doFilter(request, response);
        }
    }
}
