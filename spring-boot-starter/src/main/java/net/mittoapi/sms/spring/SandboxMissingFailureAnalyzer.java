package net.mittoapi.sms.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link SandboxMissingException} into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong,
 * and the dependency to add. Registered in {@code META-INF/spring.factories}.
 */
final class SandboxMissingFailureAnalyzer extends AbstractFailureAnalyzer<SandboxMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SandboxMissingException cause) {
        return new FailureAnalysis("mitto.sandbox.enabled=true asks for the in-process Mitto sandbox, but its classes"
                + " are not on the class path: the sandbox is an artifact of its own, "
                + MittoAutoConfiguration.SANDBOX_ARTIFACT + ".",
                "Add the dependency " + MittoAutoConfiguration.SANDBOX_ARTIFACT + " at the SDK's version (with the"
                        + " BOM net.mittoapi:mitto-sms-bom, no version is needed), in test scope when only tests enable"
                        + " the sandbox; or remove mitto.sandbox.enabled.", cause);
    }
}
