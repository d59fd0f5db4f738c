/**
 * JUnit 5 support for the sandbox: {@link net.mittoapi.sms.sandbox.junit.MittoSandboxExtension} starts a
 * {@link net.mittoapi.sms.sandbox.MittoSandbox} per test class (per test, for tests that run concurrently) and
 * injects it, with a client built for it, into test methods. Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path, which the SDK declares
 * optional: applications that do not use this package never get JUnit from the SDK.
 *
 * <p>Nullness is declared with JSpecify: this package is {@code @NullMarked}, so a parameter, return value,
 * record component or type argument may be {@code null} only where it is annotated {@code @Nullable}.
 */
@NullMarked
package net.mittoapi.sms.sandbox.junit;

import org.jspecify.annotations.NullMarked;
