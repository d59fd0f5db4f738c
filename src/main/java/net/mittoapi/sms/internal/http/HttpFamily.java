package net.mittoapi.sms.internal.http;

import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp side of a family of clients: a client built by {@code MittoClient.builder()} and every client derived
 * from it with {@code newBuilder()}, and from those. The family holds what its members share (one connection pool and
 * one set of dispatcher threads); each member gets an {@link OkHttpClient} of its own ({@link #newMember}).
 *
 * <p><b>Each member's client</b> is derived from the family's with {@link OkHttpClient#newBuilder()}, as OkHttp
 * recommends for clients that share a pool, and changes only its own copy:
 * <ul>
 *   <li>its timeouts;</li>
 *   <li>{@code retryOnConnectionFailure} off, since OkHttp may replay a POST whose first copy arrived, and no
 *       redirects, which would carry the key elsewhere;</li>
 *   <li>{@link Transport#NETWORK_INTERCEPTOR} last among the network interceptors, closest to the socket;</li>
 *   <li>a {@link Dispatcher} of its own (its own queue, {@value #MAX_REQUESTS} calls in all and
 *       {@value #MAX_REQUESTS_PER_HOST} per host instead of OkHttp's 64 and 5, for bulk async sending) that runs
 *       on the family's threads through a {@link SharedExecutor} view, which its {@code close()} shuts;</li>
 *   <li>for a plain-http base URL, the pinned resolver of {@link LoopbackPolicy} and no proxy.</li>
 * </ul>
 *
 * <p><b>Whose threads and pool.</b> Without an injected client the SDK creates them: a pool, and daemon threads
 * named {@code mitto-sms-dispatcher-N} that start with the first async call and end after 60 idle seconds. With an
 * injected {@code OkHttpClient} they are the application's (its pool, its dispatcher's executor), and the member
 * also keeps the injected client's resolver, proxy, TLS setup, interceptors and event listeners; its dispatcher's
 * limits are the higher of the SDK's and the application's.
 *
 * <p><b>Releasing: a reference count.</b> Every member built counts one, every member closed one less. When the
 * last member closes, the SDK's threads are shut down (they end as their last calls end) and the pool's idle
 * connections closed, whichever member was built first and whichever closes last: closing the client others were
 * derived from leaves them working. An injected client's threads and pool are never shut down by the SDK. A family
 * whose last member has closed takes no new one ({@link #join} says so): a client derived afterwards starts a
 * family of its own.
 */
public final class HttpFamily {

    /** Concurrent calls per host on a member's dispatcher, instead of OkHttp's 5: bulk async sending. */
    public static final int MAX_REQUESTS_PER_HOST = 64;
    /** Concurrent calls in all on a member's dispatcher. */
    public static final int MAX_REQUESTS = 128;

    private final @Nullable OkHttpClient injected;
    /** What members derive from: the injected client, or one that holds the SDK's pool. */
    private final OkHttpClient base;
    private final ExecutorService threads;
    private final int maxRequests;
    private final int maxRequestsPerHost;
    /** Members built and not yet closed; guarded by {@code this}. 0 once released, for good. */
    private int members = 1;

    private HttpFamily(@Nullable OkHttpClient injected) {
        this.injected = injected;
        if (injected == null) {
            this.base = new OkHttpClient.Builder().connectionPool(new ConnectionPool()).build();
            this.threads = newDispatcherExecutor();
            this.maxRequests = MAX_REQUESTS;
            this.maxRequestsPerHost = MAX_REQUESTS_PER_HOST;
        } else {
            Dispatcher shared = injected.dispatcher();
            this.base = injected;
            this.threads = shared.executorService();
            this.maxRequests = Math.max(MAX_REQUESTS, shared.getMaxRequests());
            this.maxRequestsPerHost = Math.max(MAX_REQUESTS_PER_HOST, shared.getMaxRequestsPerHost());
        }
    }

    /**
     * Starts a family for a client about to be built: it counts as its first member.
     *
     * @param injected the application's client, or {@code null} for a pool and threads of the SDK's own
     * @return the family
     */
    public static HttpFamily create(@Nullable OkHttpClient injected) {
        return new HttpFamily(injected);
    }

    /**
     * Counts one more member, for a client derived from one of this family.
     *
     * @param injected the derived client's injected OkHttp client, or {@code null}
     * @return this family; or {@code null} when the derived client cannot join it: its injected client is another
     *         (or it has one where the family has none, or none where it has one), or every member has closed
     */
    public synchronized @Nullable HttpFamily join(@Nullable OkHttpClient injected) {
        if (injected != this.injected || members == 0) {
            return null;
        }
        members++;
        return this;
    }

    /**
     * @param connectTimeout as the builder's
     * @param readTimeout    as the builder's
     * @param writeTimeout   as the builder's
     * @param callTimeout    as the builder's
     * @param pinnedDns      for a plain-http base URL, {@link LoopbackPolicy#pinnedDns}; {@code null} for https
     * @return a member's own OkHttp client, on the family's pool and threads (see the class Javadoc)
     */
    public OkHttpClient newMember(Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
            Duration callTimeout, @Nullable Dns pinnedDns) {
        Dispatcher dispatcher = new Dispatcher(new SharedExecutor(threads));
        dispatcher.setMaxRequests(maxRequests);
        dispatcher.setMaxRequestsPerHost(maxRequestsPerHost);
        OkHttpClient.Builder http = base.newBuilder();
        if (pinnedDns != null) {
            http.dns(pinnedDns).proxy(Proxy.NO_PROXY); // plain http: the key must not leave the machine
        }
        return http.dispatcher(dispatcher)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(writeTimeout)
                .callTimeout(callTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addNetworkInterceptor(Transport.NETWORK_INTERCEPTOR)
                .build();
    }

    /**
     * A member closed (or was never built): counts one less, and with the last releases the SDK's threads and
     * idle connections. Each member calls it once.
     */
    public void leave() {
        synchronized (this) {
            if (members == 0 || --members > 0) {
                return;
            }
        }
        if (injected == null) {
            threads.shutdown(); // running calls end as OkHttp ends them; idle threads end now
            base.connectionPool().evictAll();
        }
    }

    /** @return whether the pool and threads are an injected client's */
    public boolean injected() {
        return injected != null;
    }

    private static ExecutorService newDispatcherExecutor() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "mitto-sms-dispatcher-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
