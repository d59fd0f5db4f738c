package net.mittoapi.sms;

import static net.mittoapi.sms.MockApi.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import net.mittoapi.sms.internal.http.SdkVersion;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's checks, where each call goes, and what the client owns and releases. */
class MittoClientBuilderTest {

    private static final BulkSmsRequest BULK = BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build();
    private static final UsageRequest USAGE = UsageRequest.builder().startDate(LocalDate.of(2020, 4, 1))
            .endDate(LocalDate.of(2020, 4, 15)).build();

    private final MockApi api = new MockApi();

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void anApiKeyIsRequired() {
        assertThatThrownBy(() -> MittoClient.builder().build()).isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("apiKey must be set").hasMessageContaining("not set");
        assertThatThrownBy(() -> MittoClient.builder().apiKey(" \t").build())
                .isInstanceOf(MittoValidationException.class).hasMessageContaining("blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\ndef-SECRETPART", "abc def-SECRETPART", "abc\u00e9def-SECRETPART", "abc\u0000-SECRETPART"})
    void anApiKeyThatCannotBeAHeaderIsRefusedWithoutQuotingIt(String key) {
        assertThatThrownBy(() -> MittoClient.builder().apiKey(key).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("apiKey must be printable ASCII")
                .hasMessageNotContaining("SECRETPART");
    }

    @Test
    void surroundingWhitespaceIsStrippedFromTheKey() {
        api.json(200, "{\"responseCode\":0}");
        try (MittoClient client = api.client().apiKey("  " + MockApi.KEY + "\n").build()) {
            client.send(SMS);
        }
        assertThat(api.take().getHeaders().get("X-Mitto-API-Key")).isEqualTo(MockApi.KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://rest.mittoapi.net", "http://10.0.0.1:8080", "http://128.0.0.1",
        "http://localhost.example.com", "http://[::2]:80"})
    void plainHttpIsRefusedForAnyHostButLoopback(String url) {
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").baseUrl(url).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("baseUrl must use https")
                .hasMessageContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:1", "http://127.1.2.3",
        "http://[::1]:8080", "https://example.com", "https://proxy.example.com/mitto/"})
    void loopbackHttpAndAnyHttpsAreAccepted(String url) {
        try (MittoClient client = MittoClient.builder().apiKey("k").baseUrl(url).build()) {
            assertThat(client.toString()).contains("baseUrl=");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.999", "http://127.256.256.256", "http://127.000.000.001",
        "http://127.0.0.1.", "http://127.1", "http://0x7f.0.0.1", "http://localhost.", "http://localhost.localdomain",
        "http://evil.localhost", "http://[::1%25lo]", "http://2130706433"})
    void plainHttpToANameThatOnlyLooksLikeLoopbackIsRefused(String url) {
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").baseUrl(url).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("baseUrl must");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[0:0:0:0:0:0:0:1]:8080", "http://[::0:1]", "http://[0000::0001]", "http://127.255.255.254",
        "http://127.0.0.0", "http://[::ffff:127.0.0.1]"})
    void everySpellingOfALiteralLoopbackAddressIsAccepted(String url) {
        try (MittoClient client = MittoClient.builder().apiKey("k").baseUrl(url).build()) {
            assertThat(client.toString()).contains("baseUrl=http://");
        }
    }

    @Test
    void plainHttpToLocalhostNeverAsksAResolverAndReachesLoopback() throws Exception {
        OkHttpClient lyingDns = new OkHttpClient.Builder().dns(host -> {
            throw new java.net.UnknownHostException("the application's resolver was asked for " + host);
        }).build();
        api.json(200, "{\"id\":\"abc\",\"responseCode\":0}");
        try (MittoClient client = MittoClient.builder().apiKey(MockApi.KEY)
                .baseUrl("http://localhost:" + api.server.getPort()).httpClient(lyingDns).build()) {

            assertThat(client.send(SMS).id()).isEqualTo("abc");
            assertThat(client.httpClient().dns().lookup("localhost")).isNotEmpty()
                    .allMatch(java.net.InetAddress::isLoopbackAddress);
            assertThatThrownBy(() -> client.httpClient().dns().lookup("example.com"))
                    .isInstanceOf(java.net.UnknownHostException.class);
        }
        try (MittoClient own = MittoClient.builder().apiKey("k").baseUrl("http://localhost:1").build()) {
            assertThat(own.httpClient().dns().lookup("localhost")).isNotEmpty()
                    .allMatch(java.net.InetAddress::isLoopbackAddress);
        }
    }

    @Test
    void plainHttpToLoopbackNeverGoesThroughAProxy() throws Exception {
        try (MockApi proxy = new MockApi()) {
            proxy.json(200, "{\"id\":\"from-the-proxy\",\"responseCode\":0}");
            api.json(200, "{\"id\":\"direct\",\"responseCode\":0}");
            OkHttpClient proxied = new OkHttpClient.Builder().proxy(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                    new java.net.InetSocketAddress("127.0.0.1", proxy.server.getPort()))).build();
            try (MittoClient client = api.client().httpClient(proxied).build()) {

                assertThat(client.send(SMS).id()).isEqualTo("direct");
                assertThat(proxy.server.getRequestCount()).as("the key went to no proxy in clear").isZero();
            }
        }
    }

    @Test
    void httpsKeepsTheInjectedClientsResolverAndProxy() {
        okhttp3.Dns appDns = okhttp3.Dns.SYSTEM::lookup;
        java.net.Proxy appProxy = new java.net.Proxy(java.net.Proxy.Type.HTTP,
                java.net.InetSocketAddress.createUnresolved("proxy.example.com", 3128));
        OkHttpClient app = new OkHttpClient.Builder().dns(appDns).proxy(appProxy).build();
        try (MittoClient client = MittoClient.builder().apiKey("k").baseUrl("https://proxy.example.com/mitto")
                .httpClient(app).build();
                MittoClient byRegion = MittoClient.builder().apiKey("k").httpClient(app).build()) {
            assertThat(client.httpClient().dns()).isSameAs(appDns);
            assertThat(client.httpClient().proxy()).isSameAs(appProxy);
            assertThat(byRegion.httpClient().dns()).isSameAs(appDns);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest.mittoapi.net", "ftp://rest.mittoapi.net", "https://", "https://h/?q=1",
        "https://h/#frag", "https://user:pw@h/"})
    void aBaseUrlThatIsNoPlainHttpUrlIsRefused(String url) {
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").baseUrl(url).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("baseUrl must")
                .hasMessageNotContaining("pw@");
    }

    @Test
    void theBuildersToStringShowsNoPasswordOfABaseUrl() {
        MittoClient.Builder builder = MittoClient.builder().apiKey("k").baseUrl("https://user:s3cret-pw@h.example/m");

        assertThat(builder.toString()).doesNotContain("s3cret-pw").contains("baseUrl=https://h.example/");
        assertThat(MittoClient.builder().baseUrl("https://h.example/m").toString()).contains("baseUrl=https://h.example/m");
    }

    @Test
    void aBaseUrlPathIsKeptAsAPrefix() {
        api.json(200, "{\"responseCode\":0}");
        try (MittoClient client = MittoClient.builder().apiKey(MockApi.KEY).baseUrl(api.baseUrl() + "/proxy/mitto/")
                .build()) {
            client.send(SMS);
        }
        assertThat(api.take().getTarget()).isEqualTo("/proxy/mitto/sms.json");
    }

    @ParameterizedTest
    @CsvSource({
        "DEFAULT, https://rest.mittoapi.net",
        "FRANKFURT, https://rest-fra.mittoapi.net",
        "SINGAPORE, https://rest-sgp.mittoapi.net",
        "HONG_KONG, https://rest-hkg.mittoapi.net",
        "US_EAST, https://rest-useast.mittoapi.net"})
    void regionsNameTheSeedsBaseUrls(Region region, String baseUrl) {
        assertThat(region.baseUrl()).isEqualTo(baseUrl);
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void aRegionServesSendingWhileUsageAndConversionGoToTheDefaultEndpoint(Region region) {
        List<HttpUrl> urls = new CopyOnWriteArrayList<>();
        try (MittoClient client = MittoClient.builder().apiKey("k").region(region)
                .httpClient(answeringWithoutNetwork(urls)).build()) {
            callEveryEndpoint(client);
        }
        assertThat(urls).extracting(HttpUrl::toString).containsExactly(
                region.baseUrl() + "/sms.json",
                region.baseUrl() + "/smsbulk.json",
                "https://rest.mittoapi.net/usage/bycountry.json",
                "https://rest.mittoapi.net/sms/converted.json");
    }

    @Test
    void aBaseUrlWinsOverTheRegionForEveryCall() {
        List<HttpUrl> urls = new CopyOnWriteArrayList<>();
        try (MittoClient client = MittoClient.builder().apiKey("k").region(Region.SINGAPORE)
                .baseUrl("https://proxy.example.com").format(Format.XML)
                .httpClient(answeringWithoutNetwork(urls)).build()) {
            callEveryEndpoint(client);
        }
        assertThat(urls).extracting(HttpUrl::toString).containsExactly(
                "https://proxy.example.com/sms.xml",
                "https://proxy.example.com/smsbulk.xml",
                "https://proxy.example.com/usage/bycountry.xml",
                "https://proxy.example.com/sms/converted.xml");
    }

    @Test
    void defaultsAreSaneAndOkHttpsOwnReplayAndRedirectsAreOff() {
        try (MittoClient client = MittoClient.builder().apiKey("k").build()) {
            OkHttpClient http = client.httpClient();
            assertThat(http.connectTimeoutMillis()).isEqualTo(10_000);
            assertThat(http.readTimeoutMillis()).isEqualTo(30_000);
            assertThat(http.writeTimeoutMillis()).isEqualTo(30_000);
            assertThat(http.callTimeoutMillis()).isEqualTo(60_000);
            assertThat(http.retryOnConnectionFailure()).isFalse();
            assertThat(http.followRedirects()).isFalse();
            assertThat(http.followSslRedirects()).isFalse();
            assertThat(http.dispatcher().getMaxRequestsPerHost()).isEqualTo(64);
            assertThat(http.dispatcher().getMaxRequests()).isEqualTo(128);
        }
    }

    @Test
    void timeoutsAreApplied() {
        try (MittoClient client = MittoClient.builder().apiKey("k").connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2)).writeTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ZERO)
                .build()) {
            OkHttpClient http = client.httpClient();
            assertThat(http.connectTimeoutMillis()).isEqualTo(1_000);
            assertThat(http.readTimeoutMillis()).isEqualTo(2_000);
            assertThat(http.writeTimeoutMillis()).isEqualTo(3_000);
            assertThat(http.callTimeoutMillis()).isZero();
        }
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").readTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("readTimeout must be");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").connectTimeout(null).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("connectTimeout must be");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").maxRetries(-1).build())
                .isInstanceOf(MittoValidationException.class).hasMessageContaining("maxRetries").hasMessageContaining("-1");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").maxRetries(11).build())
                .isInstanceOf(MittoValidationException.class).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k")
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageContaining("retryBackoff");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").region(null).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("region must be set");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").format(null).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("format must be set");
    }

    @Test
    void durationsTooLongToCountAreRefusedInBuildNamingThem() {
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").connectTimeout(forever).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("connectTimeout must be");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").callTimeout(Duration.ofMillis(Integer.MAX_VALUE + 1L))
                .build()).isInstanceOf(MittoValidationException.class).hasMessageStartingWith("callTimeout must be");
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").retryBackoff(Duration.ofMillis(1), forever).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("retryBackoff must")
                .hasMessageContaining("cap " + forever);
        assertThatThrownBy(() -> MittoClient.builder().apiKey("k")
                .retryBackoff(Duration.ofMillis(1), Duration.ofDays(365L * 300)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("retryBackoff must");
        MittoClient.builder().apiKey("k").callTimeout(Duration.ofMillis(Integer.MAX_VALUE))
                .retryBackoff(Duration.ZERO, Duration.ofMillis(Integer.MAX_VALUE)).build().close();
    }

    @Test
    void xmlWithoutTheXmlLibraryFailsInBuildNamingTheArtifact() {
        ClassLoader withoutXml = new ClassLoader(MittoClientBuilderTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("com.fasterxml.jackson.dataformat.xml.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };

        assertThatThrownBy(() -> MittoClient.builder().apiKey("k").format(Format.XML).xmlClassLoader(withoutXml).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("com.fasterxml.jackson.dataformat:jackson-dataformat-xml")
                .hasMessageContaining("Format.JSON");
        try (MittoClient json = MittoClient.builder().apiKey("k").xmlClassLoader(withoutXml).build()) {
            assertThat(json.toString()).contains("format=JSON");
        }
    }

    @Test
    void theUserAgentNamesTheSdkAndJavaVersions() {
        assertThat(SdkVersion.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(SdkVersion.userAgent()).isEqualTo("mitto-sms-java/" + SdkVersion.VERSION + " Java/"
                + System.getProperty("java.version"));
    }

    @Test
    void anInjectedClientStaysUsableAfterClose() throws Exception {
        List<String> seenByAppInterceptor = new CopyOnWriteArrayList<>();
        OkHttpClient app = new OkHttpClient.Builder().addInterceptor(chain -> {
            seenByAppInterceptor.add(chain.request().url().encodedPath());
            return chain.proceed(chain.request());
        }).build();
        api.json(200, "{\"responseCode\":0}");
        api.enqueue(200, "text/plain", "still here");

        MittoClient client = api.client().httpClient(app).build();
        client.send(SMS);
        client.close();

        try (Response response = app.newCall(new Request.Builder().url(api.baseUrl() + "/app").build()).execute()) {
            assertThat(response.body().string()).isEqualTo("still here");
        }
        assertThat(seenByAppInterceptor).containsExactly("/sms.json", "/app");
        assertThat(app.dispatcher().executorService().isShutdown()).isFalse();
        assertThat(app.dispatcher().getMaxRequestsPerHost()).as("the application's dispatcher is not changed")
                .isEqualTo(5);
        assertThat(app.retryOnConnectionFailure()).isTrue();
        assertThat(client.httpClient().connectionPool()).as("connections are shared").isSameAs(app.connectionPool());
        assertThat(client.httpClient().dispatcher()).isNotSameAs(app.dispatcher());
        assertThat(client.httpClient().dispatcher().getMaxRequestsPerHost()).isEqualTo(64);
    }

    @Test
    void closeReleasesTheClientsOwnDispatcherAndRefusesNewCalls() throws Exception {
        api.json(200, "{\"responseCode\":0}");
        MittoClient client = api.client().build();
        client.sendAsync(SMS).get(10, TimeUnit.SECONDS);
        ExecutorService threads = client.httpClient().dispatcher().executorService();

        client.close();
        client.close();

        assertThat(threads.isShutdown()).isTrue();
        assertThat(client.httpClient().connectionPool().connectionCount()).isZero();
        assertThatThrownBy(() -> client.send(SMS)).isInstanceOfSatisfying(MittoTransportException.class,
                e -> assertThat(e.maybeDelivered()).isFalse()).hasMessageContaining("closed");
        assertThat(client.sendAsync(SMS)).isCompletedExceptionally();
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void fromEnvReadsTheKeyAndTheBaseUrl() {
        api.json(200, "{\"responseCode\":0}");
        try (MittoClient client = MittoClient.fromEnv(
                Map.of("MITTO_API_KEY", MockApi.KEY, "MITTO_BASE_URL", api.baseUrl())::get)) {
            client.send(SMS);
        }
        RecordedRequest request = api.take();
        assertThat(request.getHeaders().get("X-Mitto-API-Key")).isEqualTo(MockApi.KEY);
    }

    @Test
    void fromEnvWithoutTheBaseUrlUsesTheDefaultEndpoint() {
        try (MittoClient client = MittoClient.fromEnv(Map.of("MITTO_API_KEY", "k", "MITTO_BASE_URL", " ")::get)) {
            assertThat(client.toString()).contains("baseUrl=https://rest.mittoapi.net/");
        }
    }

    @Test
    void fromEnvWithoutAKeyExplainsWhatToDo() {
        assertThatThrownBy(() -> MittoClient.fromEnv(Map.<String, String>of()::get))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("MITTO_API_KEY must be set").hasMessageContaining("not set");
    }

    @Test
    void aNullRequestIsAValidationFailure() {
        try (MittoClient client = api.client().build()) {
            assertThatThrownBy(() -> client.send(null)).isInstanceOf(MittoValidationException.class)
                    .hasMessageContaining("request must not be null");
            assertThatThrownBy(() -> client.sendBulk(null)).isInstanceOf(MittoValidationException.class);
            assertThatThrownBy(() -> client.usageByCountry(null)).isInstanceOf(MittoValidationException.class);
            assertThatThrownBy(() -> client.reportConversion(null)).isInstanceOf(MittoValidationException.class)
                    .hasMessageContaining("messageId");
        }
        assertThat(api.server.getRequestCount()).isZero();
    }

    private static void callEveryEndpoint(MittoClient client) {
        client.send(SMS);
        client.sendBulk(BULK);
        client.usageByCountry(USAGE);
        client.reportConversion("abc");
    }

    /** An application client whose interceptor answers every call itself: nothing leaves the machine. */
    private static OkHttpClient answeringWithoutNetwork(List<HttpUrl> urls) {
        return new OkHttpClient.Builder().addInterceptor(chain -> {
            HttpUrl url = chain.request().url();
            urls.add(url);
            String path = url.encodedPath();
            String body = path.contains("converted") ? "OK"
                    : path.contains("usage") ? "{\"usagesByCountry\":[]}"
                    : path.contains("bulk") ? "{\"responseCode\":0,\"messages\":[]}" : "{\"responseCode\":0}";
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create(body, MediaType.get("application/json"))).build();
        }).build();
    }
}
