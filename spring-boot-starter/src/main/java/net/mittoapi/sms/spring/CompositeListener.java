package net.mittoapi.sms.spring;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.mittoapi.sms.MittoClientListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each event to several listeners in order. One that throws (an {@link Error} too, such as an
 * {@link AssertionError} or a {@link LinkageError}, but not the JVM's own {@link VirtualMachineError}s) is logged at
 * WARN the first time (later failures at DEBUG) and never keeps the others from their event: the call's observation
 * is stopped, and its meters recorded, whatever an application's listener before them does.
 */
final class CompositeListener implements MittoClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeListener.class);

    private final List<MittoClientListener> listeners;
    private final AtomicBoolean[] failed;

    private CompositeListener(List<MittoClientListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.failed = new AtomicBoolean[this.listeners.size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = new AtomicBoolean();
        }
    }

    /** @return {@code null} for none, the listener itself for one, a composite for more */
    static MittoClientListener of(List<MittoClientListener> listeners) {
        return switch (listeners.size()) {
            case 0 -> null;
            case 1 -> listeners.get(0);
            default -> new CompositeListener(listeners);
        };
    }

    List<MittoClientListener> listeners() {
        return listeners;
    }

    @Override
    public void callStarted(CallStarted event) {
        each(listener -> listener.callStarted(event), "callStarted");
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        each(listener -> listener.attemptEnded(event), "attemptEnded");
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        each(listener -> listener.retryScheduled(event), "retryScheduled");
    }

    @Override
    public void callEnded(CallEnded event) {
        each(listener -> listener.callEnded(event), "callEnded");
    }

    private void each(Consumer<MittoClientListener> call, String method) {
        for (int i = 0; i < listeners.size(); i++) {
            MittoClientListener listener = listeners.get(i);
            try {
                call.accept(listener);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw e; // the JVM's own trouble, which no listener causes alone
                }
                if (failed[i].compareAndSet(false, true)) {
                    LOG.warn("MittoClientListener {} threw from {}; the call goes on, and later failures of this"
                            + " listener are logged at DEBUG only", listener, method, e);
                } else {
                    LOG.debug("MittoClientListener {} threw again from {}", listener, method, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "CompositeListener" + listeners;
    }
}
