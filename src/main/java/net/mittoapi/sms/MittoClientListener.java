package net.mittoapi.sms;

import java.time.Duration;
import net.mittoapi.sms.segments.Encoding;
import org.jspecify.annotations.Nullable;

/**
 * Observes a client's calls, for metrics, tracing or logs of the application's own. Set one with
 * {@link MittoClient.Builder#listener(MittoClientListener)}; by default a client has none and pays nothing.
 *
 * <p><b>The events of one call,</b> synchronous or asynchronous alike, in this order: one
 * {@link #callStarted(CallStarted)} once the request passed validation; one {@link #attemptEnded(AttemptEnded)}
 * per HTTP attempt, each but the last followed by one {@link #retryScheduled(RetryScheduled)}; and exactly one
 * {@link #callEnded(CallEnded)}, whatever happens (success, error, cancellation, {@code close()}). A request
 * refused by validation throws before any event. All events of a call carry the same call number
 * ({@code call()}), so a listener can pair them (to open and close a span, say).
 *
 * <p><b>Threads.</b> The events of one call never overlap, and none follows its {@code callEnded}; events of
 * different calls arrive concurrently, so an implementation must be thread-safe. Each event arrives on a
 * thread the call is using anyway (the client starts no thread of its own to deliver events):
 * <ul>
 *   <li><b>A synchronous call</b> ({@code send}, …): every event on the calling thread, inside the call,
 *       retries included (the caller's thread waits between attempts), and also when {@link MittoClient#close()}
 *       ends a call waiting to be retried.</li>
 *   <li><b>An asynchronous call</b> ({@code sendAsync}, …):
 *     <ul>
 *       <li>{@code callStarted} on the calling thread, inside {@code sendAsync} before it returns the future.
 *           So it sees the caller's context (a thread-local trace context, to find the parent span) and comes
 *           first without any hand-over; in exchange, the time it takes delays {@code sendAsync}'s return. On a
 *           client already closed, {@code callEnded} follows there too.</li>
 *       <li>{@code attemptEnded}, then {@code retryScheduled} or {@code callEnded}, on the thread on which the
 *           attempt ended: an OkHttp dispatcher thread (the client's own, named {@code mitto-sms-dispatcher-N},
 *           which OkHttp renames {@code OkHttp <url>} while it runs a call; with
 *           {@link MittoClient.Builder#httpClient(okhttp3.OkHttpClient)}, a thread of that client's dispatcher
 *           executor). An attempt that cannot start (the client was closed meanwhile, or the application's
 *           OkHttp {@code EventListener} threw) ends on the thread that started it: the caller's, the retry
 *           timer's or the closing thread.</li>
 *       <li>A retry starts on the client's retry timer thread ({@code mitto-sms-retry-timer}) once the wait is
 *           over; its events then arrive as above.</li>
 *       <li>{@code callEnded} of a call that ends while it waits to be retried: on the thread that ends it. That
 *           is the thread that completes the returned future (a {@code cancel()}, a {@code complete(…)}, the
 *           JDK's delay scheduler thread for {@code orTimeout}), or the thread that calls
 *           {@link MittoClient#close()}; a {@code close()} that comes while the retry is still being scheduled
 *           (between {@code retryScheduled} and the wait) ends the call on the thread that schedules it, as
 *           above.</li>
 *     </ul></li>
 * </ul>
 * An implementation must be fast and must not block: {@code callStarted} delays the caller; the other events
 * hold up a dispatcher thread (and the answers of other calls waiting for one), the retry timer (and every
 * retry of the client) or {@code close()}.
 *
 * <p><b>The end, and the outcome the caller sees.</b> {@code callEnded} comes before the caller sees the
 * result: a synchronous call returns or throws once {@code callEnded} has returned; an asynchronous call's
 * future is completed right after {@code callEnded} returns, on the same thread, so the caller's dependent
 * stages run after it. The outcome {@code callEnded} reports is exactly what the caller sees. Once the call
 * has its outcome, the returned future's {@code cancel()}, {@code complete(…)} and
 * {@code completeExceptionally(…)} return {@code false} and change nothing, also while {@code callEnded}
 * runs. When the caller completes the future first (by cancelling it, by a timeout set with
 * {@code orTimeout}, or by completing it by hand), the call stops (its HTTP call or its retry is cancelled) and
 * {@code callEnded} reports {@link Outcome#CANCELED}.
 *
 * <p><b>Failures.</b> No failure of a listener, of any kind, changes a call's outcome or leaves it incomplete:
 * whatever a method throws (an exception, an {@link Error} such as {@link OutOfMemoryError} or
 * {@link StackOverflowError}, or a checked exception thrown undeclared, as Kotlin does) is caught. The call
 * then goes on exactly as it would have without a listener: a synchronous call returns or throws what it would
 * have, an asynchronous call's future completes, {@code close()} ends every waiting call, and the listener
 * still receives the call's remaining events. The client logs the first failure at WARN (logger
 * {@code net.mittoapi.sms.MittoClient}) and ignores it and later ones.
 *
 * <p>Every method does nothing by default: implement those you need.
 */
public interface MittoClientListener {

    /**
     * A call passed validation and is about to be sent. For an asynchronous call, this runs on the caller's
     * thread before {@code sendAsync} returns (see the interface's Javadoc for each event's thread).
     *
     * @param event what is being sent
     */
    default void callStarted(CallStarted event) {
    }

    /**
     * One HTTP attempt of a call ended, with an answer or a failure.
     *
     * @param event how it ended
     */
    default void attemptEnded(AttemptEnded event) {
    }

    /**
     * The attempt that just ended will be followed by another, after a wait. Only failures that certainly
     * sent nothing are retried (see {@link MittoClient}).
     *
     * @param event the delay and its reason
     */
    default void retryScheduled(RetryScheduled event) {
    }

    /**
     * A call ended: once this returns, its result is returned, its exception thrown or its future completed,
     * with exactly the outcome the event reports.
     *
     * @param event how it ended
     */
    default void callEnded(CallEnded event) {
    }

    /** The API's calls. */
    enum Endpoint {
        /** {@code POST /sms}: {@link MittoClient#send(SmsRequest)}. */
        SMS("/sms"),
        /** {@code POST /smsbulk}: {@link MittoClient#sendBulk(BulkSmsRequest)}. */
        SMS_BULK("/smsbulk"),
        /** {@code POST /usage/bycountry}: {@link MittoClient#usageByCountry(UsageRequest)}. */
        USAGE_BY_COUNTRY("/usage/bycountry"),
        /** {@code POST /sms/converted}: {@link MittoClient#reportConversion(String)}. */
        CONVERSION("/sms/converted");

        private final String path;

        Endpoint(String path) {
            this.path = path;
        }

        /** @return the API's path, without a format suffix, such as {@code /sms}: a fine metrics tag */
        public String path() {
            return path;
        }
    }

    /** How a call ended, one value per type of result a caller sees. */
    enum Outcome {
        /** A result was returned. */
        SUCCESS,
        /** A {@link MittoApiException} that is neither of the two below: the server refused the call. */
        API_ERROR,
        /** A {@link MittoAuthenticationException}: HTTP 401, the key is missing or wrong. */
        AUTHENTICATION,
        /** A {@link MittoRateLimitException}: HTTP 429 after the client's own retries. */
        RATE_LIMITED,
        /** A {@link MittoTransportException}: no usable answer (see its {@code maybeDelivered()}). */
        TRANSPORT,
        /**
         * The caller completed the returned future itself before the call ended (asynchronous calls only): it
         * cancelled it, a timeout set with {@code orTimeout} or {@code completeOnTimeout} fired, or it completed
         * it by hand. The caller sees what that put there (a {@link java.util.concurrent.CancellationException}
         * after {@code cancel()}); the call stopped, and {@link CallEnded#failure()} is a
         * {@link MittoTransportException} that says whether the request may have reached the server.
         */
        CANCELED
    }

    /** Why a retry was scheduled. */
    enum RetryReason {
        /** The server answered 429. */
        RATE_LIMITED,
        /** The server answered 503. */
        SERVICE_UNAVAILABLE,
        /** The connection failed before any byte of the request was written. */
        CONNECTION_FAILED
    }

    /**
     * What the segment calculator predicts a send will cost: its encoding and parts per recipient. Absent for
     * calls that send no message, for {@link MessageType#BINARY}, and for {@link MessageType#GSM} with a text
     * GSM-7 cannot carry (the server refuses such a send).
     *
     * @param encoding   the encoding the text travels in: GSM-7 for {@link MessageType#GSM}, UCS-2 for
     *                   {@link MessageType#UNICODE}, and for {@link MessageType#AUTO} or no type whichever
     *                   the text needs
     * @param parts      the SMS parts one message costs, at least 1
     * @param recipients how many messages the call sends: 1 for {@code /sms}, the number of recipients for
     *                   {@code /smsbulk} (duplicates counted, as the API sends to each)
     */
    record Segments(Encoding encoding, int parts, int recipients) {

        /** @return the parts the whole call costs: {@code parts * recipients} */
        public long totalParts() {
            return (long) parts * recipients;
        }
    }

    /**
     * A call passed validation and is about to be sent.
     *
     * @param call     the call's number, unique within the client, shared by all its events
     * @param endpoint the API call
     * @param url      the URL it goes to (never carries the key), such as {@code https://rest.mittoapi.net/sms.json}
     * @param segments for sends, what the calculator predicts; {@code null} otherwise (see {@link Segments})
     */
    record CallStarted(long call, Endpoint endpoint, String url, @Nullable Segments segments) {
    }

    /**
     * One HTTP attempt ended.
     *
     * @param call        the call's number
     * @param endpoint    the API call
     * @param attempt     1 for the first attempt, 2 for the first retry, and so on
     * @param httpStatus  the answer's HTTP status, or -1 when no answer came (see {@code failure})
     * @param failure     why no usable answer came, or {@code null} when one did (whatever its status): the
     *                    {@link java.io.IOException} of a connection, timeout or cancellation, or the
     *                    {@link MittoTransportException} of an answer that could not be read (then
     *                    {@code httpStatus} is the answer's)
     * @param requestSent whether any byte of the request was written: {@code false} means the server certainly
     *                    did not process this attempt
     * @param duration    from the start of the attempt to its end
     */
    record AttemptEnded(long call, Endpoint endpoint, int attempt, int httpStatus, @Nullable Throwable failure,
            boolean requestSent, Duration duration) {
    }

    /**
     * A retry was scheduled.
     *
     * @param call     the call's number
     * @param endpoint the API call
     * @param retry    1 for the first retry, and so on; the next attempt's number is {@code retry + 1}
     * @param delay    how long the client waits before it
     * @param reason   why
     */
    record RetryScheduled(long call, Endpoint endpoint, int retry, Duration delay, RetryReason reason) {
    }

    /**
     * A call ended.
     *
     * @param call           the call's number
     * @param endpoint       the API call
     * @param outcome        how it ended
     * @param httpStatus     the HTTP status of the last attempt's answer, or -1 when the last attempt got none
     *                       (a connection failure, a timeout, no attempt at all)
     * @param responseCode   the API's {@code responseCode} of a {@link MittoApiException}, -1 when it had
     *                       none or the call ended otherwise, 0 on success
     * @param maybeDelivered whether the request may have been processed: {@code true} on success; for
     *                       {@link Outcome#TRANSPORT} and {@link Outcome#CANCELED}, the exception's
     *                       {@link MittoTransportException#maybeDelivered()}; for an API error, {@code true}
     *                       only for HTTP 500, 502, 504 and other 5xx but 503 (the server may have failed after
     *                       processing it; treat as possibly delivered), {@code false} for 4xx, 503 and a
     *                       refusal on HTTP 200
     * @param attempts       how many HTTP attempts were made, 0 when none was (the client was closed)
     * @param duration       from {@link CallStarted} to now, waits between attempts included
     * @param failure        the exception the caller gets, or {@code null} on success; for
     *                       {@link Outcome#CANCELED}, a {@link MittoTransportException} describing the
     *                       cancellation
     * @param segments       as in {@link CallStarted#segments()}
     */
    record CallEnded(long call, Endpoint endpoint, Outcome outcome, int httpStatus, int responseCode,
            boolean maybeDelivered, int attempts, Duration duration, @Nullable MittoException failure,
            @Nullable Segments segments) {
    }
}
