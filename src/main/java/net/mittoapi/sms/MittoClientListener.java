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
 * <p><b>Threads.</b> Events arrive on the thread that runs the call: the caller's for a synchronous call, an
 * OkHttp dispatcher thread or the client's retry timer for an asynchronous one; the thread that cancels the
 * future or calls {@link MittoClient#close()} when that ends a call waiting to be retried. The events of one
 * call never overlap, and none follows its {@code callEnded}. Events of different calls arrive concurrently:
 * an implementation must be thread-safe, fast and must not block.
 *
 * <p><b>Failures.</b> An exception thrown by a listener never breaks a call and never changes its result: the
 * client logs the first one at WARN (logger {@code net.mittoapi.sms.MittoClient}) and ignores it and later
 * ones.
 *
 * <p>Every method does nothing by default: implement those you need.
 */
public interface MittoClientListener {

    /**
     * A call passed validation and is about to be sent.
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
     * A call ended: its result is about to be returned, or its exception thrown.
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
         * The caller cancelled the returned future (asynchronous calls only): the caller sees a
         * {@link java.util.concurrent.CancellationException}, and {@link CallEnded#failure()} is a
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
