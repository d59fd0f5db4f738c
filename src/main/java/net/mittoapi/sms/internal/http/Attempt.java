package net.mittoapi.sms.internal.http;

import net.mittoapi.sms.internal.events.CallEvents;
import okhttp3.Request;

/**
 * One HTTP attempt of a call: its number, when it began, and whether OkHttp began to write its request.
 *
 * <p><b>Knowing whether a request was written</b> decides whether a failure may be retried. Each attempt's request
 * carries its own {@code Attempt} as a tag. {@link Transport#NETWORK_INTERCEPTOR}, the network interceptor closest
 * to the socket, marks the attempt sent just before OkHttp writes the request's first byte: by then the connection
 * (DNS, connect, TLS) is made, and nothing else happens before the write. A failure before that mark certainly sent
 * nothing and may be retried; a failure after it may have reached the server: never retried, reported with
 * {@code maybeDelivered() == true}. The interceptor finds the attempt through {@code chain.call().request()}, the
 * request as the SDK built it, whatever the application's interceptors made of it. This uses only API that OkHttp
 * 4.12 and 5.x share, and leaves the application's own {@code EventListener.Factory} in force untouched.
 */
final class Attempt {

    final int number;
    final long startNanos = System.nanoTime();
    /** Set by the network interceptor on an OkHttp thread, read by whoever settles the attempt. */
    volatile boolean requestSent;

    Attempt(int number) {
        this.number = number;
    }

    /**
     * @param request the call's request
     * @return it tagged with this attempt (the first attempt's request is built with its tag)
     */
    Request tag(Request request) {
        return request.newBuilder().tag(Attempt.class, this).build();
    }

    /**
     * Reports the attempt's end to the listener.
     *
     * @param span    the call's events
     * @param outcome what the attempt came to
     */
    void ended(CallEvents.Span span, Outcome<?> outcome) {
        span.attemptEnded(number, outcome.status, outcome.attemptFailure, requestSent, startNanos);
    }
}
