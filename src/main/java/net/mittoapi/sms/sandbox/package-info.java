/**
 * A local emulator of the Mitto SMS REST API: a real HTTP server on loopback, for examples, tests and
 * trying the SDK without an account.
 */
package net.mittoapi.sms.sandbox;
