package net.mittoapi.sms.soak;

/**
 * What the soak's server does with one request: the faults of {@code docs/RELIABILITY.md} plus socket effects.
 * Each says whether the server <em>processed</em> the request, as a real server would have sent the SMS:
 * a request processed and then answered badly (or not at all) is the case where a resend delivers twice.
 */
public enum SoakFault {
    /** 200 with a normal answer. */
    OK(true, 40),
    /** 429 with {@code Retry-After: 0}: refused, retried at once. */
    RATE_LIMITED(false, 6),
    /** 429 with {@code Retry-After: 3600}, over the client's backoff cap: refused, not retried. */
    RATE_LIMITED_LONG(false, 2),
    /** 503 without {@code Retry-After}: refused, retried after a backoff. */
    UNAVAILABLE(false, 5),
    /** 503 with {@code Retry-After: 0}: refused, retried at once (never by OkHttp on its own). */
    UNAVAILABLE_NOW(false, 4),
    /** 500 after processing: the outcome is unknown to the client, never retried. */
    INTERNAL_ERROR(true, 4),
    /** 401: refused. */
    UNAUTHORIZED(false, 2),
    /** 400 with {@code responseCode} 8: refused. */
    REJECTED(false, 3),
    /** 200 with {@code responseCode} 1: refused. */
    REJECTED_ON_200(false, 3),
    /** Processed, answered only after the client's read timeout. */
    LATE(true, 4),
    /** Reset (RST) before the request is read: the server takes it off the socket and discards it, unprocessed. */
    RESET_BEFORE_READ(false, 5),
    /** Reset (RST) after the request was read and processed. */
    RESET_AFTER_READ(true, 5),
    /** Processed, then the connection is held open and never answered: the client's read timeout ends it. */
    STALL(true, 4),
    /** Processed, then half an answer: the announced Content-Length is not sent, and the connection closes. */
    TRUNCATED(true, 5),
    /** Processed, answered 200 with a body that is not JSON. */
    UNREADABLE(true, 4);

    private final boolean processed;
    private final int weight;

    SoakFault(boolean processed, int weight) {
        this.processed = processed;
        this.weight = weight;
    }

    /** @return whether a real server would have processed the request (sent the SMS) */
    public boolean processed() {
        return processed;
    }

    /** @return how often the fault is picked, relative to the others */
    public int weight() {
        return weight;
    }

    /**
     * @param draw a uniform draw in [0, 1)
     * @return the fault the draw falls on, by weight
     */
    static SoakFault pick(double draw) {
        int total = 0;
        for (SoakFault fault : values()) {
            total += fault.weight;
        }
        double at = draw * total;
        for (SoakFault fault : values()) {
            at -= fault.weight;
            if (at < 0) {
                return fault;
            }
        }
        return OK;
    }
}
