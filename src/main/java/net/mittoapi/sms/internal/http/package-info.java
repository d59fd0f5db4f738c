/**
 * The HTTP exchange and its retries: one call across its attempts, synchronous ({@code Transport}) and
 * asynchronous ({@code AsyncExchange}, {@code CallFuture}), what each attempt came to ({@code Outcome},
 * {@code Attempt}), when to retry ({@code RetryPolicy}, {@code RetryTimer}), the OkHttp client a family of
 * {@code MittoClient}s shares ({@code HttpFamily}, {@code SharedExecutor}), where each call goes ({@code Urls}),
 * the plain-http-only-on-loopback rule ({@code LoopbackPolicy}), and the logs ({@code HttpLog}). Not exported: nothing here is public API, and it may change in any release.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.internal.http;

import org.jspecify.annotations.NullMarked;
