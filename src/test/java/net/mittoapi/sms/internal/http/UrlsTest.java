package net.mittoapi.sms.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClientListener.Endpoint;
import net.mittoapi.sms.Region;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The one place URLs are built: region (or base URL) + path + format suffix. */
class UrlsTest {

    @ParameterizedTest
    @CsvSource({
        "https://rest.mittoapi.net, SMS, JSON, https://rest.mittoapi.net/sms.json",
        "https://rest.mittoapi.net/, SMS_BULK, XML, https://rest.mittoapi.net/smsbulk.xml",
        "https://rest-fra.mittoapi.net, USAGE_BY_COUNTRY, JSON, https://rest-fra.mittoapi.net/usage/bycountry.json",
        "http://127.0.0.1:8080, CONVERSION, XML, http://127.0.0.1:8080/sms/converted.xml",
        "https://proxy.example.com/mitto, SMS, JSON, https://proxy.example.com/mitto/sms.json",
        "https://proxy.example.com/mitto/, CONVERSION, JSON, https://proxy.example.com/mitto/sms/converted.json"})
    void buildsTheUrlFromBasePathAndFormat(String base, Endpoint endpoint, Format format, String url) {
        assertThat(Urls.url(HttpUrl.get(base), endpoint, format)).hasToString(url);
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void theRegionServesSendingAndTheDefaultRegionTheRest(Region region) {
        Urls urls = new Urls(region, null, Format.JSON);

        assertThat(urls.get(Endpoint.SMS)).hasToString(region.baseUrl() + "/sms.json");
        assertThat(urls.get(Endpoint.SMS_BULK)).hasToString(region.baseUrl() + "/smsbulk.json");
        assertThat(urls.get(Endpoint.USAGE_BY_COUNTRY)).hasToString("https://rest.mittoapi.net/usage/bycountry.json");
        assertThat(urls.get(Endpoint.CONVERSION)).hasToString("https://rest.mittoapi.net/sms/converted.json");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aBaseUrlWinsOverTheRegionForEveryCall(Endpoint endpoint) {
        Urls urls = new Urls(Region.SINGAPORE, HttpUrl.get("https://proxy.example.com/mitto/"), Format.XML);

        assertThat(urls.get(endpoint)).hasToString("https://proxy.example.com/mitto" + endpoint.path() + ".xml");
        assertThat(urls.sendingBase()).isEqualTo(urls.accountBase());
    }
}
