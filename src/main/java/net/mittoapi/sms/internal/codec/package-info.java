/**
 * The codec: the one place that decides JSON or XML, writes every request body with Jackson's generator and
 * reads every answer through Jackson's tree ({@code Codec}), maps answers to the SDK's records and HTTP errors to
 * its exceptions ({@code Answers}), and reads the API's numbers and timestamps tolerantly ({@code Numbers},
 * {@code Timestamps}). Not exported: nothing here is public API, and it may change in any release.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.internal.codec;

import org.jspecify.annotations.NullMarked;
