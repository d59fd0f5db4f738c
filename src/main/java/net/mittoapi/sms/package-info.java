/**
 * The Mitto SMS client: {@link net.mittoapi.sms.MittoClient}, the regions and wire formats it speaks,
 * the request and response values, and the exceptions it throws.
 *
 * <p>Every failure the SDK throws is a {@link net.mittoapi.sms.MittoException}: bad input is a
 * {@link net.mittoapi.sms.MittoValidationException} raised before anything is sent, an error answer from
 * the server is a {@link net.mittoapi.sms.MittoApiException}, and a missing or unusable answer is a
 * {@link net.mittoapi.sms.MittoTransportException}.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms;

import org.jspecify.annotations.NullMarked;
