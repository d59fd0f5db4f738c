package net.mittoapi.sms.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the sandbox has seen and issued. Lock-free: concurrent queues and a concurrent map, so that hundreds
 * of simultaneous requests never wait for each other here.
 */
final class SandboxState {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SentMessage> sent = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, SentMessage> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> conversions = new ConcurrentLinkedQueue<>();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void record(ReceivedRequest request) {
        received.add(request);
    }

    List<ReceivedRequest> received() {
        List<ReceivedRequest> snapshot = new ArrayList<>(received);
        snapshot.sort(Comparator.comparingLong(ReceivedRequest::sequence));
        return List.copyOf(snapshot);
    }

    void clearReceived() {
        received.clear();
    }

    /**
     * Gives the message a fresh id, unique among every id this sandbox has issued since it was last reset:
     * random (UUID version 4 layout, as the API's ids look), and checked against the issued ones.
     */
    SentMessage issue(Function<String, SentMessage> withId) {
        while (true) {
            SentMessage message = withId.apply(randomId());
            if (byId.putIfAbsent(message.id(), message) == null) {
                sent.add(message);
                return message;
            }
        }
    }

    private static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L;
        long low = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        char[] id = new char[32];
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(id);
    }

    List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    @Nullable SentMessage message(String id) {
        return byId.get(id);
    }

    void enqueueFault(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
    }

    @Nullable Fault nextFault() {
        return faults.poll();
    }

    int pendingFaults() {
        return faults.size();
    }

    void clearFaults() {
        faults.clear();
    }

    void convert(String id) {
        conversions.add(id);
    }

    List<String> conversions() {
        return List.copyOf(conversions);
    }

    void reset() {
        received.clear();
        sent.clear();
        byId.clear();
        faults.clear();
        conversions.clear();
    }
}
