package net.mittoapi.sms.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A failure {@link MittoSandbox} plays instead of its normal answer, for testing how an application copes
 * with a misbehaving API. Queue faults with {@link MittoSandbox#enqueueFault(Fault, int)}: each of the next
 * calls, whatever its path, takes the next fault from the queue.
 *
 * <p>A faulted call is recorded in {@link MittoSandbox#received()} (with {@link ReceivedRequest#fault()}
 * set) but not processed: no message id is issued, nothing counts in usage, and no delivery report is sent.
 * The one exception is {@link #delay(Duration)}, which only postpones the normal answer.
 *
 * <p>Immutable; equal when kind and parameters are equal.
 */
public final class Fault {

    /** What a fault does. */
    public enum Kind {
        /** HTTP 429 with a {@code Retry-After} header. */
        RATE_LIMITED,
        /** HTTP 503, with a {@code Retry-After} header when one was given. */
        SERVICE_UNAVAILABLE,
        /** HTTP 500. */
        INTERNAL_ERROR,
        /** A pause, then the normal answer. */
        DELAY,
        /** The connection is closed after the request was read, without any answer. */
        DROP_CONNECTION,
        /**
         * A body, in the request's format, carrying a chosen non-zero {@code responseCode}: with HTTP 400, or with
         * another chosen status such as 200, as the API also answers a refused send.
         */
        RESPONSE_CODE
    }

    private static final Duration MAX_DURATION = Duration.ofMinutes(10);

    private final Kind kind;
    private final @Nullable Duration duration;
    private final int responseCode;
    private final int httpStatus;

    private Fault(Kind kind, @Nullable Duration duration, int responseCode) {
        this(kind, duration, responseCode, 400);
    }

    private Fault(Kind kind, @Nullable Duration duration, int responseCode, int httpStatus) {
        this.kind = kind;
        this.duration = duration;
        this.responseCode = responseCode;
        this.httpStatus = httpStatus;
    }

    /**
     * HTTP 429 "Too many requests" with {@code Retry-After: <seconds>}.
     *
     * @param retryAfter the wait to announce; the header carries whole seconds, so it is rounded up
     * @return the fault
     * @throws MittoValidationException when {@code retryAfter} is null, negative or over 10 minutes
     */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMITED, checkDuration("retryAfter", retryAfter, true), 0);
    }

    /** @return a fault answering HTTP 503 "Service unavailable" without a {@code Retry-After} header */
    public static Fault serviceUnavailable() {
        return new Fault(Kind.SERVICE_UNAVAILABLE, null, 0);
    }

    /**
     * HTTP 503 "Service unavailable" with {@code Retry-After: <seconds>}.
     *
     * @param retryAfter the wait to announce; rounded up to whole seconds
     * @return the fault
     * @throws MittoValidationException when {@code retryAfter} is null, negative or over 10 minutes
     */
    public static Fault serviceUnavailable(Duration retryAfter) {
        return new Fault(Kind.SERVICE_UNAVAILABLE, checkDuration("retryAfter", retryAfter, true), 0);
    }

    /** @return a fault answering HTTP 500 "Internal server error" */
    public static Fault internalError() {
        return new Fault(Kind.INTERNAL_ERROR, null, 0);
    }

    /**
     * Waits, then answers normally (and processes the call normally). Use it to trigger a client's read or
     * call timeout: a request that times out this way may still have been sent, as with the real API.
     *
     * @param delay how long to wait before answering
     * @return the fault
     * @throws MittoValidationException when {@code delay} is null, not positive or over 10 minutes
     */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, checkDuration("delay", delay, false), 0);
    }

    /**
     * Reads the request, then closes the connection without answering: the client sees the connection end
     * (an "unexpected end of stream"), and cannot know whether the call went through.
     *
     * @return the fault
     */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, null, 0);
    }

    /**
     * HTTP 400 with a body in the request's format carrying {@code responseCode} and its documented
     * {@code responseText}, as the API answers a rejected send: for codes the sandbox never produces by
     * itself, such as 1 (internal error) or 9 (character set error).
     *
     * @param responseCode a non-zero code; 1 to 9 are the documented ones
     * @return the fault
     * @throws MittoValidationException when {@code responseCode} is 0 (success) or negative
     */
    public static Fault responseCode(int responseCode) {
        return responseCode(responseCode, 400);
    }

    /**
     * A body in the request's format carrying {@code responseCode} and its documented {@code responseText},
     * with the HTTP status of your choice: {@code Fault.responseCode(4, 200)} plays the API answering a refused
     * send with HTTP 200, which a client must still treat as a failure.
     *
     * @param responseCode a non-zero code; 1 to 9 are the documented ones
     * @param httpStatus   the HTTP status to answer with, 200 to 599
     * @return the fault
     * @throws MittoValidationException when {@code responseCode} is 0 (success) or negative, or
     *                                  {@code httpStatus} is outside 200 to 599
     */
    public static Fault responseCode(int responseCode, int httpStatus) {
        if (responseCode <= 0) {
            throw new MittoValidationException("responseCode must be a positive error code (1 to 9 are documented),"
                    + " got " + responseCode + "; 0 means success and is not a fault");
        }
        if (httpStatus < 200 || httpStatus > 599) {
            throw new MittoValidationException("httpStatus must be between 200 and 599 (200 and 400 are what the API"
                    + " answers a refused send with), got " + httpStatus);
        }
        return new Fault(Kind.RESPONSE_CODE, null, responseCode, httpStatus);
    }

    private static Duration checkDuration(String name, @Nullable Duration duration, boolean zeroAllowed) {
        if (duration == null) {
            throw new MittoValidationException(name + " must not be null");
        }
        if (duration.isNegative() || !zeroAllowed && duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            String range = zeroAllowed ? "between 0 and 10 minutes" : "over 0 and at most 10 minutes";
            throw new MittoValidationException(name + " must be " + range + ", got " + duration);
        }
        return duration;
    }

    /** @return what this fault does */
    public Kind kind() {
        return kind;
    }

    /** @return the wait announced in {@code Retry-After}, for a 429 or a 503 that announces one */
    public Optional<Duration> retryAfter() {
        return kind == Kind.DELAY ? Optional.empty() : Optional.ofNullable(duration);
    }

    /** @return the pause before the normal answer, for a {@link Kind#DELAY} */
    public Optional<Duration> delay() {
        return kind == Kind.DELAY ? Optional.ofNullable(duration) : Optional.empty();
    }

    /** @return the code a {@link Kind#RESPONSE_CODE} fault answers with */
    public OptionalInt responseCode() {
        return kind == Kind.RESPONSE_CODE ? OptionalInt.of(responseCode) : OptionalInt.empty();
    }

    /**
     * @return the HTTP status this fault answers with (429, 503, 500, or a {@link Kind#RESPONSE_CODE} fault's
     *         chosen status); empty for a {@link Kind#DELAY} (the normal answer follows) and a
     *         {@link Kind#DROP_CONNECTION} (no answer at all)
     */
    public OptionalInt httpStatus() {
        switch (kind) {
            case RATE_LIMITED:
                return OptionalInt.of(429);
            case SERVICE_UNAVAILABLE:
                return OptionalInt.of(503);
            case INTERNAL_ERROR:
                return OptionalInt.of(500);
            case RESPONSE_CODE:
                return OptionalInt.of(httpStatus);
            default:
                return OptionalInt.empty();
        }
    }

    /** @return the {@code Retry-After} header value in whole seconds, rounded up, or -1 when there is none */
    long retryAfterSeconds() {
        if (kind == Kind.DELAY || duration == null) {
            return -1;
        }
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Fault)) {
            return false;
        }
        Fault that = (Fault) other;
        return kind == that.kind && Objects.equals(duration, that.duration) && responseCode == that.responseCode
                && httpStatus == that.httpStatus;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, duration, responseCode, httpStatus);
    }

    @Override
    public String toString() {
        switch (kind) {
            case RATE_LIMITED:
                return "Fault[429 Too Many Requests, Retry-After " + retryAfterSeconds() + " s]";
            case SERVICE_UNAVAILABLE:
                return "Fault[503 Service Unavailable" + (duration == null ? "" : ", Retry-After " + retryAfterSeconds()
                        + " s") + "]";
            case INTERNAL_ERROR:
                return "Fault[500 Internal Server Error]";
            case DELAY:
                return "Fault[delay " + delay().orElseThrow().toMillis() + " ms]";
            case DROP_CONNECTION:
                return "Fault[drop connection]";
            default:
                return "Fault[" + httpStatus + " responseCode " + responseCode + "]";
        }
    }
}
