/**
 * A local emulator of the Mitto SMS REST API: a real HTTP server on loopback, for examples, tests and
 * trying the SDK without an account. Start with {@link net.mittoapi.sms.sandbox.MittoSandbox}; queue
 * failures with {@link net.mittoapi.sms.sandbox.Fault}; inspect what it received
 * ({@link net.mittoapi.sms.sandbox.ReceivedRequest}), accepted ({@link net.mittoapi.sms.sandbox.SentMessage})
 * and reported to callbacks ({@link net.mittoapi.sms.sandbox.DeliveryAttempt}). In JUnit 5 tests,
 * {@link net.mittoapi.sms.sandbox.junit.MittoSandboxExtension} runs one per test class, and one per test for
 * tests that run concurrently.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.sandbox;

import org.jspecify.annotations.NullMarked;
