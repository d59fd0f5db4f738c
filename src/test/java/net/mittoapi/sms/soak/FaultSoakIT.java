package net.mittoapi.sms.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fault soak at 500 calls, in the SDK's build (the 10,000-call run is a program: see {@link FaultSoak} and
 * docs/RELIABILITY.md). A fixed seed, so that a failure replays with {@code FaultSoak 500 20261129}. The report is
 * in every failure's message; a passing run prints nothing.
 */
class FaultSoakIT {

    private static final long SEED = 20261129L;

    @Test
    void fiveHundredCallsAgainstRandomFaultsNeverSendTwiceNeverHangAndLeakNothing() throws Exception {
        FaultSoak.Report report = new FaultSoak(500, SEED).run();

        assertThat(report.duplicates()).as("duplicates, seed %d:%n%s", SEED, report).isZero();
        assertThat(report.inconsistent()).as("outcomes contradicting the server, seed %d:%n%s", SEED, report).isZero();
        assertThat(report.wrongRetries()).as("retries against the rules, seed %d:%n%s", SEED, report).isZero();
        assertThat(report.notCompleted()).as("calls not completed, seed %d:%n%s", SEED, report).isZero();
        assertThat(report.threadsLeaked()).as("threads left behind, seed %d:%n%s", SEED, report).isLessThanOrEqualTo(0);
        assertThat(report.descriptorsLeaked()).as("file descriptors left open, seed %d:%n%s", SEED, report)
                .isLessThanOrEqualTo(0);
        assertThat(report.holds()).as("seed %d:%n%s", SEED, report).isTrue();
        assertThat(report.faults().keySet()).as("every fault was played, seed %d:%n%s", SEED, report)
                .hasSize(SoakFault.values().length);
    }
}
