package net.mittoapi.sms.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageRequest;
import net.mittoapi.sms.UsageResponse;
import net.mittoapi.sms.sandbox.MittoSandbox;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The four calls of {@link MittoClient}, made either blocking or through their {@code …Async} twins, so that
 * one test body drives both. An async failure is rethrown as the exact exception the future failed with: a
 * future that wrapped it (in a {@code CompletionException}, say) fails the test's type assertions.
 */
enum Calls {
    SYNC, ASYNC;

    /** @return every format with every way of calling: the arguments of a test that covers them all */
    static Stream<Arguments> formatsAndCalls() {
        List<Arguments> all = new ArrayList<>();
        for (Format format : Format.values()) {
            for (Calls calls : Calls.values()) {
                all.add(Arguments.of(format, calls));
            }
        }
        return all.stream();
    }

    /** The longest an async call may take in these tests: an upper bound, never a timing assertion. */
    static final Duration AWAIT = Duration.ofSeconds(30);

    SmsResponse send(MittoClient client, SmsRequest request) {
        return this == SYNC ? client.send(request) : await(client.sendAsync(request));
    }

    BulkSmsResponse sendBulk(MittoClient client, BulkSmsRequest request) {
        return this == SYNC ? client.sendBulk(request) : await(client.sendBulkAsync(request));
    }

    UsageResponse usageByCountry(MittoClient client, UsageRequest request) {
        return this == SYNC ? client.usageByCountry(request) : await(client.usageByCountryAsync(request));
    }

    void reportConversion(MittoClient client, String messageId) {
        if (this == SYNC) {
            client.reportConversion(messageId);
        } else {
            await(client.reportConversionAsync(messageId));
        }
    }

    /**
     * Waits for a future and returns its value, or rethrows the exact {@link RuntimeException} it failed with.
     *
     * @throws AssertionError when it does not complete within {@link #AWAIT}, or fails with a checked exception
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError("the future failed with a checked exception", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the future", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("the future did not complete within " + AWAIT, e);
        }
    }

    /** A client of the sandbox with tiny retry waits, so that retry tests never sleep for long. */
    static MittoClient.Builder client(MittoSandbox sandbox, Format format) {
        return MittoClient.builder()
                .apiKey(sandbox.apiKey())
                .baseUrl(sandbox.baseUrl())
                .format(format)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(20));
    }

    /** The path suffix the client must use for a format. */
    static String suffix(Format format) {
        return format == Format.XML ? ".xml" : ".json";
    }
}
