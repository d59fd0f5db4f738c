package net.mittoapi.sms.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain http only to a host that is loopback by itself, resolved here and nowhere else. */
class LoopbackPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8080, 127.0.0.1",
        "http://127.255.255.254, 127.255.255.254",
        "http://[0:0:0:0:0:0:0:1]:8080, 0:0:0:0:0:0:0:1",
        "http://localhost, 127.0.0.1 0:0:0:0:0:0:0:1",
        "http://LOCALHOST:1, 127.0.0.1 0:0:0:0:0:0:0:1"})
    void aLoopbackHostIsPinnedToItsAddresses(String url, String addresses) throws UnknownHostException {
        HttpUrl base = HttpUrl.get(url);
        Dns dns = LoopbackPolicy.pinnedDns(base);

        assertThat(LoopbackPolicy.permits(base)).isTrue();
        assertThat(dns).isNotNull();
        assertThat(dns.lookup(base.host())).extracting(InetAddress::getHostAddress)
                .containsExactly(addresses.split(" "));
        assertThatThrownBy(() -> dns.lookup("example.com")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("calls nothing else");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.999", "http://127.000.000.001", "http://127.1", "http://0x7f.0.0.1",
        "http://localhost.", "http://evil.localhost", "http://2130706433", "http://128.0.0.1", "http://[::2]"})
    void aNameThatOnlyLooksLikeLoopbackIsRefused(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        assertThat(parsed == null || !LoopbackPolicy.permits(parsed)).isTrue();
    }

    @Test
    void httpsKeepsTheResolverInForce() {
        HttpUrl https = HttpUrl.get("https://proxy.example.com/mitto");
        assertThat(LoopbackPolicy.permits(https)).isTrue();
        assertThat(LoopbackPolicy.pinnedDns(https)).isNull();
    }

    @Test
    void pinnedResolversOfOneHostAreEqualSoThatClientsShareConnections() {
        HttpUrl base = HttpUrl.get("http://localhost:8080");
        assertThat(LoopbackPolicy.pinnedDns(base)).isEqualTo(LoopbackPolicy.pinnedDns(HttpUrl.get("http://localhost:9/x")))
                .isNotEqualTo(LoopbackPolicy.pinnedDns(HttpUrl.get("http://127.0.0.1:8080")));
    }
}
