package net.mittoapi.sms.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waits that end when they should, or at once when the timer closes; and no thread left behind. */
class RetryTimerTest {

    @Test
    void aScheduledTaskRunsOnTheTimerThreadAfterItsDelay() throws Exception {
        try (RetryTimer timer = new RetryTimer()) {
            CompletableFuture<String> ran = new CompletableFuture<>();

            timer.schedule(Duration.ofMillis(20), () -> ran.complete(Thread.currentThread().getName()));

            assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("mitto-sms-retry-timer");
        }
    }

    @Test
    void closeRunsEveryWaitingTaskAtOnceOnTheClosingThreadAndEndsTheTimerThread() throws Exception {
        RetryTimer timer = new RetryTimer();
        AtomicInteger ran = new AtomicInteger();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            timer.schedule(Duration.ofHours(1), () -> {
                ran.incrementAndGet();
                threads.add(Thread.currentThread().getName());
            });
        }
        assertThat(timerThreads()).isNotEmpty();

        timer.close();

        assertThat(ran).hasValue(3);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!timerThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(timerThreads()).as("shutdownNow, not shutdown: no thread waits for the hour").isEmpty();
    }

    @Test
    void aCancelledTaskNeverRunsNotEvenOnClose() {
        RetryTimer timer = new RetryTimer();
        AtomicInteger ran = new AtomicInteger();
        Runnable cancel = timer.schedule(Duration.ofHours(1), ran::incrementAndGet);

        cancel.run();
        timer.close();

        assertThat(ran).hasValue(0);
    }

    @Test
    void afterCloseATaskRunsAtOnceOnTheCallersThread() {
        RetryTimer timer = new RetryTimer();
        timer.close();
        AtomicInteger ran = new AtomicInteger();

        timer.schedule(Duration.ofHours(1), ran::incrementAndGet);

        assertThat(ran).hasValue(1);
    }

    @Test
    void closeWakesASleeperAtOnce() throws Exception {
        RetryTimer timer = new RetryTimer();
        CountDownLatch sleeping = new CountDownLatch(1);
        CompletableFuture<Boolean> slept = CompletableFuture.supplyAsync(() -> {
            sleeping.countDown();
            try {
                return timer.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();

        timer.close();

        assertThat(slept.get(10, TimeUnit.SECONDS)).as("woken before the hour was over").isFalse();
        assertThat(timer.sleep(Duration.ofHours(1))).as("after close, no wait at all").isFalse();
    }

    @Test
    void aSleepThatIsNotInterruptedLastsItsDelay() throws Exception {
        try (RetryTimer timer = new RetryTimer()) {
            long start = System.nanoTime();

            assertThat(timer.sleep(Duration.ofMillis(50))).isTrue();

            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static List<String> timerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.equals("mitto-sms-retry-timer")).toList();
    }
}
