package net.mittoapi.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.mittoapi.sms.Format;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one place URLs are built: base + path + format suffix. */
class EndpointTest {

    @ParameterizedTest
    @CsvSource({
        "https://rest.mittoapi.net, SMS, JSON, https://rest.mittoapi.net/sms.json",
        "https://rest.mittoapi.net/, SMS_BULK, XML, https://rest.mittoapi.net/smsbulk.xml",
        "https://rest-fra.mittoapi.net, USAGE_BY_COUNTRY, JSON, https://rest-fra.mittoapi.net/usage/bycountry.json",
        "http://127.0.0.1:8080, CONVERSION, XML, http://127.0.0.1:8080/sms/converted.xml",
        "https://proxy.example.com/mitto, SMS, JSON, https://proxy.example.com/mitto/sms.json",
        "https://proxy.example.com/mitto/, CONVERSION, JSON, https://proxy.example.com/mitto/sms/converted.json"})
    void buildsTheUrl(String base, Endpoint endpoint, Format format, String url) {
        assertThat(endpoint.url(HttpUrl.get(base), format)).hasToString(url);
    }
}
