package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link FormReports} where no filter reads the parameters first: the endpoint reads the body itself, in the
 * charset it declares.
 */
@MittoTestApplication
class FormReportTest extends FormReports {

    @Test
    void theBodysDeclaredCharsetDecodesItsEscapes() throws Exception {
        assertThat(post("/mitto/reports?" + TOKEN, FORM + "; charset=ISO-8859-1",
                "ID=f6&Reference=Caf%E9+cr%E8me".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(200);
        assertThat(post("/mitto/reports?" + TOKEN, FORM, "ID=f7&Reference=Caf%C3%A9".getBytes(StandardCharsets.US_ASCII))
                .statusCode()).as("UTF-8 without a charset").isEqualTo(200);

        assertThat(events.all).extracting(event -> ((MittoDeliveryReportEvent) event).report().reference().orElseThrow())
                .containsExactly("Café crème", "Café");
    }
}
