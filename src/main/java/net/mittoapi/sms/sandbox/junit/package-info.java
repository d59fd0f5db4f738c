/**
 * JUnit 5 support for the sandbox: {@link net.mittoapi.sms.sandbox.junit.MittoSandboxExtension} starts a
 * {@link net.mittoapi.sms.sandbox.MittoSandbox} per test class and injects it, with a client built for it, into
 * test methods. Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path, which the SDK declares
 * optional: applications that do not use this package never get JUnit from the SDK.
 */
package net.mittoapi.sms.sandbox.junit;
