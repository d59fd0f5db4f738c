package net.mittoapi.sms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A callback named {@code localhost} or {@code *.localhost} must reach loopback whatever name resolution
 * says (issue 8, item 6: the sandbox trusted {@code evil.localhost} by its name, then resolved it through
 * DNS, and a remote host received the report). Name resolution is taken over with a hosts file, which the
 * JDK reads once per JVM: hence a JVM of its own ({@link SpoofedLoopbackProbe}).
 */
class MittoSandboxSpoofedLoopbackIT {

    @Test
    void loopbackNamesAreCalledOnLoopbackWhateverTheyResolveTo(@TempDir Path dir) throws Exception {
        String remote = standInForARemoteHost();
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, remote + " localhost evil.localhost\n", StandardCharsets.US_ASCII);

        Process probe = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", classPath(),
                SpoofedLoopbackProbe.class.getName(), remote).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();

        assertThat(output).as("the stand-in remote host %s got nothing; loopback got all three reports", remote)
                .contains("remote=0 loopback=3");
    }

    @Test
    void aLoopbackNameNoResolverKnowsIsStillDelivered() throws Exception {
        String unknown = "mitto-" + UUID.randomUUID() + ".localhost";
        try (CallbackServer callbacks = CallbackServer.start(200); MittoSandbox sandbox = MittoSandbox.start()) {
            String url = callbacks.url().replace("127.0.0.1", unknown);
            RawHttp.post(sandbox, "/sms", "{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hi\","
                    + "\"callback\":\"" + url + "\"}");

            assertThat(callbacks.next(Duration.ofSeconds(30)).path()).isEqualTo("/dlr");
            assertThat(sandbox.awaitDeliveries(1, Duration.ofSeconds(30))).singleElement()
                    .satisfies(attempt -> assertThat(attempt.status()).isEqualTo(200));
        }
    }

    /** This JVM's class path and module path as one class path (failsafe puts the SDK on the module path). */
    private static String classPath() {
        return Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
                .filter(path -> !path.isEmpty()).collect(Collectors.joining(File.pathSeparator));
    }

    /** A non-loopback address of this machine if it has one (a real remote stand-in), else 127.0.0.2. */
    private static String standInForARemoteHost() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            List<InetAddress> addresses = Collections.list(network.getInetAddresses());
            for (InetAddress address : addresses) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        return "127.0.0.2";
    }
}
