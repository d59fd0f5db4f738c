/**
 * Codec, transport, retries and validation behind {@link net.mittoapi.sms.MittoClient}. Not exported:
 * nothing here is public API, and it may change in any release.
 */
package net.mittoapi.sms.internal;
