package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "app.localhost", "evil.localhost", "a.b.localhost"})
    void loopbackNamesGoToTheLoopbackAddressesWithoutALookup(String host) {
        assertThat(CallbackTarget.loopbackAddresses(host)).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(CallbackTarget.loopbackAddresses(host)).allMatch(InetAddress::isLoopbackAddress);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 127.0.0.1", "127.1.2.3, 127.1.2.3", "[::1], 0:0:0:0:0:0:0:1", "::1, 0:0:0:0:0:0:0:1",
        "[::ffff:127.0.0.1], 127.0.0.1"})
    void loopbackLiteralsGoToThemselves(String host, String address) {
        assertThat(CallbackTarget.loopbackAddresses(host)).extracting(InetAddress::getHostAddress)
                .containsExactly(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.example.com", "localhost.example.com", "localhostx", "evil-localhost", "10.0.0.1",
        "192.168.1.10", "[2001:db8::1]", "0.0.0.0", "128.0.0.1", "127.0.0.999", "127.256.256.256", "127.000.000.001",
        "0177.0.0.1", "127.1", "127.0.0.1.", "2130706433", "0x7f.0.0.1", "127.0.0.1x", "[]", "[127.0.0.1]"})
    void otherHostsAreNotLoopback(String host) {
        assertThat(CallbackTarget.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.com/dlr", "http://127.0.0.999:8080/dlr",
        "http://127.000.000.001:8080/dlr", "http://10.0.0.1/dlr", "http://[2001:db8::1]/dlr"})
    void withoutRemoteCallbacksOthersAreRefusedBeforeAnyLookup(String url) {
        // java.net.URI itself finds no host in 127.0.0.999 (its last label starts with a digit): refused either way.
        assertThatThrownBy(() -> CallbackTarget.judge(URI.create(url), false))
                .isInstanceOf(CallbackTarget.Refused.class)
                .hasMessageMatching(".*(is not a loopback host, and the sandbox only calls loopback callbacks unless"
                        + " built with allowRemoteCallbacks\\(true\\)|must be an absolute http or https URL)");
    }

    @Test
    void theJudgedAddressesAreTheOnesCalled() throws Exception {
        assertThat(CallbackTarget.judge(URI.create("http://evil.localhost:9000/dlr?ID=a"), false).addresses())
                .extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(CallbackTarget.judge(URI.create("http://127.0.0.5:9000/dlr"), false).addresses())
                .extracting(InetAddress::getHostAddress).containsExactly("127.0.0.5");
        assertThat(CallbackTarget.judge(URI.create("http://192.0.2.7:9000/dlr"), true).addresses())
                .extracting(InetAddress::getHostAddress).containsExactly("192.0.2.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/x", "mailto:someone@example.com", "/relative/path"})
    void onlyAbsoluteHttpUrlsAreCalled(String url) {
        assertThatThrownBy(() -> CallbackTarget.judge(URI.create(url), true))
                .isInstanceOf(CallbackTarget.Refused.class)
                .hasMessageContaining("absolute http or https URL");
    }
}
