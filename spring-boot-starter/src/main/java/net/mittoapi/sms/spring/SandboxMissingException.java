package net.mittoapi.sms.spring;

/**
 * {@code mitto.sandbox.enabled=true}, but the sandbox's artifact is not on the class path. Start-up fails with it
 * (and {@link SandboxMissingFailureAnalyzer} says what to add), rather than sending anywhere else.
 */
final class SandboxMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SandboxMissingException() {
        super("mitto.sandbox.enabled=true, but the sandbox is not on the class path: add the dependency "
                + MittoAutoConfiguration.SANDBOX_ARTIFACT + " (at the SDK's version; in test scope when only tests"
                + " enable the sandbox), or remove mitto.sandbox.enabled");
    }
}
