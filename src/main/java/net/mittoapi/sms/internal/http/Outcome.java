package net.mittoapi.sms.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import net.mittoapi.sms.MittoClientListener.RetryReason;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.internal.codec.Answers;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt came to: a value, or a failure that may or may not be retried; and the rules that decide it
 * from the answer or the failure.
 *
 * <ul>
 *   <li>A 2xx answer is read by the call's {@link Transport.Reader}: a value, or the error the answer stands for.</li>
 *   <li>Another answer is an error ({@link Answers#error}); 429 and 503 may be retried (the server did not process
 *       the request), after the server's {@code Retry-After} when it names one.</li>
 *   <li>An answer that cannot be read (too large, cut short, or a reader that throws something other than a
 *       {@link MittoException}: a bug, a parser's runtime exception, a stack overflow) is a
 *       {@link MittoTransportException} that says the request was sent: never retried.</li>
 *   <li>A failure with no answer may be retried only when the request was certainly not written
 *       ({@link Attempt}) and the call was not cancelled; its message says which it was.</li>
 * </ul>
 *
 * @param <T> the call's result
 */
final class Outcome<T extends @Nullable Object> {

    /** Successful answers larger than this are refused rather than buffered. */
    static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;
    /** Error answers are read up to this size; {@code MittoApiException} keeps 4096 characters anyway. */
    static final long MAX_ERROR_BYTES = 64L * 1024;

    final @Nullable T value;
    final @Nullable MittoException failure;
    /** Why the attempt may be retried, or {@code null} when it may not. */
    final @Nullable RetryReason reason;
    final @Nullable Duration retryAfter;
    /** The answer's HTTP status, or -1. */
    final int status;
    /** What the listener's {@code attemptEnded} calls the failure: no usable answer came. */
    final @Nullable Throwable attemptFailure;

    private Outcome(@Nullable T value, @Nullable MittoException failure, @Nullable RetryReason reason,
            @Nullable Duration retryAfter, int status, @Nullable Throwable attemptFailure) {
        this.value = value;
        this.failure = failure;
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.status = status;
        this.attemptFailure = attemptFailure;
    }

    /**
     * @param request  the request as the SDK built it
     * @param response the answer, whose body is read here (the caller closes it)
     * @param attempt  the attempt, marked sent: an answer came
     * @param call     the attempt's call, asked whether it was cancelled when the body cannot be read
     * @param reader   reads a successful answer
     * @param answers  maps error answers to exceptions
     * @param closed   whether the client is closed, for the message of a body cut short
     * @param <T>      the result type
     * @return the outcome; never throws
     */
    static <T extends @Nullable Object> Outcome<T> answered(Request request, Response response, Attempt attempt,
            Call call, Transport.Reader<T> reader, Answers answers, boolean closed) {
        attempt.requestSent = true; // an answer came: the request went out, whatever the interceptors did
        int status = response.code();
        boolean ok = response.isSuccessful();
        byte[] bytes;
        try {
            bytes = readBody(response.body(), ok ? MAX_ANSWER_BYTES : MAX_ERROR_BYTES, ok);
        } catch (IOException e) {
            return Outcome.<T>failed(request, e, attempt, call, closed).withStatus(status);
        }
        HttpLog.answered(request, status, attempt);
        try {
            HttpLog.response(request, response, bytes);
            if (ok) {
                return new Outcome<>(reader.read(status, bytes), null, null, null, status, null);
            }
            String header = response.header("Retry-After", response.header(Transport.MOVED_RETRY_AFTER));
            boolean retryable = status == 429 || status == 503;
            Duration retryAfter = retryable ? Answers.retryAfter(header, Instant.now()) : null;
            MittoException error = answers.error(status, bytes, retryAfter);
            if (!retryable) {
                return new Outcome<>(null, error, null, null, status, null);
            }
            return new Outcome<>(null, error, status == 429 ? RetryReason.RATE_LIMITED
                    : RetryReason.SERVICE_UNAVAILABLE, retryAfter, status, null);
        } catch (MittoTransportException e) {
            return new Outcome<>(null, e, null, null, status, e);
        } catch (MittoException e) {
            return new Outcome<>(null, e, null, null, status, null);
        } catch (RuntimeException | StackOverflowError e) {
            MittoTransportException unreadable = new MittoTransportException(request.method() + " " + request.url()
                    + " answered HTTP " + status + ", but the answer could not be read (" + e + "): the server may"
                    + " have processed the request, so do not send it again without checking", true, e);
            return new Outcome<>(null, unreadable, null, null, status, unreadable);
        }
    }

    /**
     * @param request  the request as the SDK built it
     * @param e        what OkHttp reported
     * @param attempt  the attempt, which knows whether the request was written
     * @param call     the attempt's call: whether it was cancelled (by the caller, or by OkHttp's call timeout)
     * @param closed   whether the client is closed (a rejected execution then means: refused by close())
     * @param <T>      the result type
     * @return the outcome: retryable only when nothing was sent and the call was not cancelled
     */
    static <T extends @Nullable Object> Outcome<T> failed(Request request, IOException e, Attempt attempt,
            Call call, boolean closed) {
        boolean sent = attempt.requestSent;
        boolean canceled = call.isCanceled();
        HttpLog.failed(request, e, attempt);
        String what = closed && !sent && isRejected(e) ? "was refused because the client was closed"
                : !canceled ? "failed (" + e + ")"
                : e instanceof InterruptedIOException && "timeout".equals(e.getMessage())
                        ? "hit the call timeout" : "was canceled";
        String message = sent
                ? request.method() + " " + request.url() + " " + what + " after the request was sent: the"
                        + " server may have processed it, so do not send it again without checking"
                : request.method() + " " + request.url() + " " + what + " before the request was sent:"
                        + " nothing reached the server";
        MittoTransportException failure = new MittoTransportException(message, sent, e);
        RetryReason reason = sent || canceled ? null : RetryReason.CONNECTION_FAILED;
        return new Outcome<>(null, failure, reason, null, -1, e);
    }

    /**
     * @param request the request as the SDK built it
     * @param e       what was thrown where no throwable was expected: an application interceptor's bug, an
     *                application {@code EventListener} that threw
     * @param attempt the attempt
     * @param <T>     the result type
     * @return a failure that is never retried, logged at WARN
     */
    static <T extends @Nullable Object> Outcome<T> unexpected(Request request, Throwable e, Attempt attempt) {
        boolean sent = attempt.requestSent;
        HttpLog.unexpected(request, e, attempt);
        MittoTransportException failure = new MittoTransportException(request.method() + " " + request.url()
                + " failed unexpectedly (" + e + ") " + (sent ? "after the request was sent: the server may have"
                + " processed it, so do not send it again without checking" : "before the request was sent:"
                + " nothing reached the server"), sent, e);
        return new Outcome<>(null, failure, null, null, -1, failure);
    }

    /** @return the reader's result; set on every success ({@code null} there only when {@code T} is, as Void is) */
    @SuppressWarnings("NullAway") // the field is nullable for failures; a success holds the reader's T as it is
    T value() {
        return value;
    }

    private Outcome<T> withStatus(int answered) {
        return new Outcome<>(value, failure, reason, retryAfter, answered, attemptFailure);
    }

    /** OkHttp's word for a call its dispatcher's executor refused: the client closed while it was queued. */
    private static boolean isRejected(IOException e) {
        return e instanceof InterruptedIOException && "executor rejected".equals(e.getMessage());
    }

    private static byte[] readBody(ResponseBody body, long limit, boolean failWhenLarger) throws IOException {
        BufferedSource source = body.source();
        boolean larger = source.request(limit + 1);
        if (larger && failWhenLarger) {
            throw new IOException("the answer is larger than " + limit + " bytes");
        }
        long size = Math.min(source.getBuffer().size(), limit);
        return source.getBuffer().readByteArray(size);
    }
}
