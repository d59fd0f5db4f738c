/**
 * Codec, transport, retries and validation behind {@link net.mittoapi.sms.MittoClient}. Not exported:
 * nothing here is public API, and it may change in any release.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.internal;

import org.jspecify.annotations.NullMarked;
