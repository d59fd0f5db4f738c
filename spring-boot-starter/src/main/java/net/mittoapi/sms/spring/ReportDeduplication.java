package net.mittoapi.sms.spring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;

/**
 * Lets the delivery-report endpoint publish each report once per (message id, status) within a window, although
 * Mitto sends a report again when the endpoint did not answer 2xx, and the network may deliver one request twice.
 *
 * <p><b>The flow.</b> Between reading a report and publishing it the endpoint {@linkplain #claim claims} it:
 * <ul>
 *   <li>{@link Verdict#FIRST}: not seen within the window. The claim is stored (for {@link #CLAIM} at most), the
 *       report published; once its listeners succeeded it is {@linkplain Claim#published() marked seen} for the
 *       window, and if one failed the claim is {@linkplain Claim#failed() released}, so that Mitto's retry (the
 *       endpoint answers 500) is published again.</li>
 *   <li>{@link Verdict#DUPLICATE}: seen, its listeners succeeded, within the window: answered 200, not published.</li>
 *   <li>{@link Verdict#IN_PROGRESS}: another copy of it is being published right now (two copies arriving at once,
 *       at one instance or at two sharing the store). Answered 503 without publishing: Mitto tries again later, and
 *       by then the first copy was either published (the retry is a duplicate) or failed (the retry publishes it).
 *       Answering 200 instead could lose the report, should the first copy's listeners fail after Mitto took the
 *       200 as final; publishing it would deliver it twice.</li>
 * </ul>
 *
 * <p><b>What "once" means.</b> At most once per (message id, status) within the window <em>as far as the store
 * remembers</em>, and at least once as far as Mitto retries: a report whose listeners failed is never marked seen.
 * The store is either
 * <ul>
 *   <li>local (the default): a map in this JVM of at most {@code max-entries} entries, about 100 bytes each
 *       (128-bit digests, never the ids themselves, so an entry's size does not depend on what a caller sent).
 *       Atomic. It is not shared: instances behind a load balancer each publish a report they have not seen, a
 *       restart forgets everything, and when more distinct reports arrive within the window than it holds, the
 *       oldest are forgotten first (a retry of one of them is published again);</li>
 *   <li>a cache of the application's Spring {@code CacheManager} ({@code mitto.webhook.deduplication.cache}), which
 *       instances share through the application's distributed cache. The claim relies on the cache's
 *       {@link Cache#putIfAbsent} being atomic across instances, as Spring's {@code Cache} contract describes for the
 *       usual providers (the starter's tests share an embedded Hazelcast cluster); a cache that evicts early (by size or a time-to-live shorter than the window) forgets early, like the
 *       local store; a cache that is down makes the endpoint publish without deduplication (warned at most once a
 *       minute) rather than lose reports.</li>
 * </ul>
 * A claim whose instance died while publishing blocks its report for {@link #CLAIM} (answered 503), then counts as
 * released; in a shared cache, two copies that take over one expired claim at the same moment may both be published
 * (Spring's {@code Cache} has no compare-and-set), and so may a report whose listeners ran longer than the claim.
 * Listeners that run asynchronously ({@code @Async}, an asynchronous event multicaster) have succeeded, as far as the
 * endpoint can tell, once they were handed the event. Keys are the SHA-256 of the message id and the status (none when the report has no status field: then
 * every report of one message counts as the same, and the first is logged at INFO once).
 *
 * <p>Thread-safe.
 */
final class ReportDeduplication {

    /** How long a claim holds a report for the instance publishing it; longer-running listeners lose the claim. */
    static final Duration CLAIM = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(ReportDeduplication.class);
    private static final Duration STORE_WARNING_INTERVAL = Duration.ofMinutes(1);

    /** Where a report stands. */
    enum Verdict {
        /** Not seen within the window: publish it. */
        FIRST,
        /** Published within the window: answer 200 without publishing. */
        DUPLICATE,
        /** Being published by another request right now: answer 503, so that Mitto tries again later. */
        IN_PROGRESS
    }

    /** A report's claim, from {@link #claim} to its end: {@link #published()} or {@link #failed()}. */
    final class Claim {

        private final byte[] digest;
        private final Verdict verdict;
        private final long claimedUntil;
        private final boolean stored;

        private Claim(byte[] digest, Verdict verdict, long claimedUntil, boolean stored) {
            this.digest = digest;
            this.verdict = verdict;
            this.claimedUntil = claimedUntil;
            this.stored = stored;
        }

        /** @return what to do with the report */
        Verdict verdict() {
            return verdict;
        }

        /** Its listeners succeeded: the report is seen for the window. */
        void published() {
            if (verdict == Verdict.FIRST && stored) {
                try {
                    store.seen(digest, clock.millis() + windowMillis);
                } catch (RuntimeException e) {
                    warnStore("mark a published report as seen (a copy of it will be published again)", e);
                }
            }
        }

        /** A listener failed: the claim is released, and the next copy of the report is published. */
        void failed() {
            if (verdict == Verdict.FIRST && stored) {
                try {
                    store.release(digest, claimedUntil);
                } catch (RuntimeException e) {
                    warnStore("release the claim of a report whose listener failed (its copies are answered 503"
                            + " for up to " + CLAIM.toSeconds() + " s)", e);
                }
            }
        }
    }

    private final Store store;
    private final long windowMillis;
    private final Clock clock;
    private final WarningThrottle storeWarnings;
    private final AtomicBoolean statusless = new AtomicBoolean();

    /**
     * @param store  where claims and seen reports are kept
     * @param window how long a published report is remembered
     * @param clock  the wall clock (instances sharing a cache compare its times)
     * @param ticker a monotonic ticker in nanoseconds, for the throttle of store warnings
     */
    ReportDeduplication(Store store, Duration window, Clock clock, LongSupplier ticker) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.store = store;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.storeWarnings = new WarningThrottle(STORE_WARNING_INTERVAL, ticker);
    }

    /**
     * @param report a report read from a callback
     * @return its claim, whose verdict says whether to publish it
     */
    Claim claim(DeliveryReport report) {
        String status = report.status().orElse(null);
        if (status == null && statusless.compareAndSet(false, true)) {
            LOG.info("Mitto delivery reports arrive without a status field: deduplication keys them by message id"
                    + " alone, so a message's later reports are taken for copies of its first. Add ~status~ to the"
                    + " account's callback template, or set mitto.webhook.deduplication.enabled=false");
        }
        byte[] digest = digest(report.messageId(), status);
        long now = clock.millis();
        long claimedUntil = now + Math.min(CLAIM.toMillis(), windowMillis);
        try {
            return new Claim(digest, store.claim(digest, now, claimedUntil), claimedUntil, true);
        } catch (RuntimeException e) {
            warnStore("look the report up; it is published without deduplication", e);
            return new Claim(digest, Verdict.FIRST, claimedUntil, false);
        }
    }

    /** @return the store, for its description */
    Store store() {
        return store;
    }

    private void warnStore(String what, RuntimeException e) {
        long heldBack = storeWarnings.admit();
        if (heldBack >= 0) {
            LOG.warn("The deduplication store of Mitto delivery reports ({}) failed to {}: {}. This warning comes at"
                    + " most once a minute{}", store, what, e.toString(), heldBack == 0 ? ""
                            : "; " + heldBack + " more failures since the last one", e);
        }
    }

    /** @return SHA-256 of the message id, a NUL and the status (nothing for none), in UTF-8 */
    static byte[] digest(String messageId, String status) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(messageId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            if (status != null) {
                sha256.update(status.getBytes(StandardCharsets.UTF_8));
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ReportDeduplication[" + store + ", window=" + Duration.ofMillis(windowMillis) + "]";
    }

    /** Where claims and seen reports are kept: this JVM's {@link LocalStore}, or a shared {@link CacheStore}. */
    interface Store {

        /**
         * Claims a report unless it is seen or claimed and not expired.
         *
         * @param digest       the report's key
         * @param now          the wall clock's time, in epoch milliseconds
         * @param claimedUntil when the claim expires if not marked seen or released first
         * @return the verdict
         */
        Verdict claim(byte[] digest, long now, long claimedUntil);

        /** Marks the report seen until {@code until} (epoch milliseconds). */
        void seen(byte[] digest, long until);

        /** Releases the claim that expires at {@code claimedUntil}, if it still holds. */
        void release(byte[] digest, long claimedUntil);
    }

    /** A claim or a seen mark, and when it expires. */
    record Mark(boolean claimed, long until) {

        private static final String CLAIMED = "claimed-until:";
        private static final String SEEN = "seen-until:";

        /** @return the mark as a cache stores it: plain text, which every cache serializes */
        String text() {
            return (claimed ? CLAIMED : SEEN) + until;
        }

        /** @return the mark of a cache's value, or {@code null} for none or a value not written by this class */
        static Mark parse(Object value) {
            if (value instanceof String text) {
                try {
                    if (text.startsWith(CLAIMED)) {
                        return new Mark(true, Long.parseLong(text.substring(CLAIMED.length())));
                    }
                    if (text.startsWith(SEEN)) {
                        return new Mark(false, Long.parseLong(text.substring(SEEN.length())));
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }

        Verdict verdict() {
            return claimed ? Verdict.IN_PROGRESS : Verdict.DUPLICATE;
        }
    }

    /**
     * The default store: this JVM's memory, bounded. A map from the first 128 bits of each digest to its mark, in
     * the order of the last write, which for marks of one window is the order in which they expire: the eldest
     * entry goes first when the map is full, and expired entries at its head go on each claim. About 100 bytes an
     * entry on a 64-bit JVM with compressed pointers (a map entry, a two-long key, a mark, a table slot). One lock.
     */
    static final class LocalStore implements Store {

        private final int maxEntries;
        private final LinkedHashMap<Key, Mark> entries;

        /** @param maxEntries the most entries kept */
        LocalStore(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
            }
            this.maxEntries = maxEntries;
            this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1 << 16), 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Mark> eldest) {
                    return size() > LocalStore.this.maxEntries;
                }
            };
        }

        @Override
        public synchronized Verdict claim(byte[] digest, long now, long claimedUntil) {
            Key key = Key.of(digest);
            Mark mark = entries.get(key);
            if (mark != null && mark.until() > now) {
                return mark.verdict();
            }
            dropExpired(now);
            entries.remove(key);
            entries.put(key, new Mark(true, claimedUntil));
            return Verdict.FIRST;
        }

        @Override
        public synchronized void seen(byte[] digest, long until) {
            Key key = Key.of(digest);
            entries.remove(key); // so that it moves to the tail: the order stays the order of expiry
            entries.put(key, new Mark(false, until));
        }

        @Override
        public synchronized void release(byte[] digest, long claimedUntil) {
            entries.remove(Key.of(digest), new Mark(true, claimedUntil));
        }

        /** @return how many entries the store holds */
        synchronized int size() {
            return entries.size();
        }

        private void dropExpired(long now) {
            Iterator<Mark> marks = entries.values().iterator();
            while (marks.hasNext() && marks.next().until() <= now) {
                marks.remove();
            }
        }

        @Override
        public String toString() {
            return "local, at most " + maxEntries + " entries";
        }

        /** The first 128 bits of a digest: collisions come at about 2^64 entries, never within a store's bound. */
        record Key(long high, long low) {
            static Key of(byte[] digest) {
                ByteBuffer bytes = ByteBuffer.wrap(digest);
                return new Key(bytes.getLong(0), bytes.getLong(8));
            }
        }
    }

    /**
     * A cache of the application's Spring {@code CacheManager}, shared by the instances that share that cache. Keys
     * are {@code mitto-report:} and the digest in hex; values the text of a {@link Mark}. Expired marks are replaced
     * (a cache without a time-to-live keeps them until then: give the cache one of at least the window).
     */
    static final class CacheStore implements Store {

        static final String KEY_PREFIX = "mitto-report:";

        private final Cache cache;

        /** @param cache the application's cache */
        CacheStore(Cache cache) {
            this.cache = cache;
        }

        @Override
        public Verdict claim(byte[] digest, long now, long claimedUntil) {
            String key = key(digest);
            Cache.ValueWrapper found = cache.get(key);
            Mark mark = found == null ? null : Mark.parse(found.get());
            if (mark != null && mark.until() > now) {
                return mark.verdict();
            }
            if (found != null) {
                cache.evictIfPresent(key); // expired: the one copy whose putIfAbsent wins below takes it over
            }
            Cache.ValueWrapper prior = cache.putIfAbsent(key, new Mark(true, claimedUntil).text());
            if (prior == null) {
                return Verdict.FIRST;
            }
            Mark other = Mark.parse(prior.get());
            return other != null && !other.claimed() && other.until() > now ? Verdict.DUPLICATE : Verdict.IN_PROGRESS;
        }

        @Override
        public void seen(byte[] digest, long until) {
            cache.put(key(digest), new Mark(false, until).text());
        }

        @Override
        public void release(byte[] digest, long claimedUntil) {
            String key = key(digest);
            Cache.ValueWrapper found = cache.get(key);
            if (found != null && new Mark(true, claimedUntil).equals(Mark.parse(found.get()))) {
                cache.evictIfPresent(key); // not atomic with the check: a claim taken over in between is lost
            }
        }

        static String key(byte[] digest) {
            return KEY_PREFIX + HexFormat.of().formatHex(digest);
        }

        @Override
        public String toString() {
            return "the cache " + cache.getName();
        }
    }
}
