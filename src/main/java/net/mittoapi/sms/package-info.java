/**
 * The Mitto SMS client: {@link net.mittoapi.sms.MittoClient}, the regions and wire formats it speaks,
 * the request and response values, and the exceptions it throws.
 *
 * <p>Every failure the SDK throws is a {@link net.mittoapi.sms.MittoException}: bad input is a
 * {@link net.mittoapi.sms.MittoValidationException} raised before anything is sent, an error answer from
 * the server is a {@link net.mittoapi.sms.MittoApiException}, and a missing or unusable answer is a
 * {@link net.mittoapi.sms.MittoTransportException}.
 */
package net.mittoapi.sms;
