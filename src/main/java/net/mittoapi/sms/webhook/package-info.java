/**
 * Readers for what Mitto sends to the application: delivery reports on the callback URL
 * ({@link net.mittoapi.sms.webhook.DeliveryReport}), and inbound messages forwarded by 2-way SMS
 * ({@link net.mittoapi.sms.webhook.InboundSms}). Both match field names tolerantly, because the account's
 * templates choose them, and keep every field as received.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.webhook;

import org.jspecify.annotations.NullMarked;
