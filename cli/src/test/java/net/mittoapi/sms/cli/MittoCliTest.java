package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MittoCliTest {

    @Test
    void withoutACommandItNamesTheCommandsAndExitsWithTwo() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).contains("name a command: sandbox, segments, preview or send")
                .contains("sandbox").contains("segments").contains("send");
    }

    @Test
    void helpListsEachCommandWithItsOneLineSummary() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("sandbox   Run a local emulator of the Mitto SMS API")
                .contains("segments  Show what a text costs as an SMS, and why, offline.")
                .contains("send      Send an SMS through the SDK's client")
                .contains("java -jar mitto-cli.jar sandbox --port 8080");
    }

    @Test
    void versionNamesTheToolAndTheSdkItWasBuiltWith() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("mitto-cli \\d+\\.\\d+\\.\\d+\\S*, built with mitto-sms \\d+\\.\\d+\\.\\d+")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result result = Cli.run("deliver");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).contains("deliver");
    }
}
