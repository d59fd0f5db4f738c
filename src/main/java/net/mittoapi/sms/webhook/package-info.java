/**
 * Readers for what Mitto sends to the application: delivery reports on the callback URL
 * ({@link net.mittoapi.sms.webhook.DeliveryReport}), and inbound messages forwarded by 2-way SMS
 * ({@link net.mittoapi.sms.webhook.InboundSms}). Both match field names tolerantly, because the account's
 * templates choose them, and keep every field as received.
 */
package net.mittoapi.sms.webhook;
