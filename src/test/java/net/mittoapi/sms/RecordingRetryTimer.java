package net.mittoapi.sms;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.mittoapi.sms.internal.http.RetryTimer;

/** Records the waits the client asks for instead of waiting, so tests can check them without sleeping. */
final class RecordingRetryTimer extends RetryTimer {

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<Duration> scheduled = new CopyOnWriteArrayList<>();

    @Override
    public boolean sleep(Duration delay) {
        sleeps.add(delay);
        return true;
    }

    @Override
    public Runnable schedule(Duration delay, Runnable task) {
        scheduled.add(delay);
        task.run();
        return () -> { };
    }
}
