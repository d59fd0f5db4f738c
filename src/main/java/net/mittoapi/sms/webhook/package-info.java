/**
 * Readers for what Mitto sends to the application: delivery reports on the callback URL, and inbound
 * messages forwarded by 2-way SMS.
 */
package net.mittoapi.sms.webhook;
