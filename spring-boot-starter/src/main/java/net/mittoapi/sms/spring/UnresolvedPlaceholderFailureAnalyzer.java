package net.mittoapi.sms.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link UnresolvedPlaceholderException} into Spring Boot's "APPLICATION FAILED TO START" report: which
 * property holds which unresolved placeholder, and the two ways out. Registered in {@code META-INF/spring.factories}.
 */
final class UnresolvedPlaceholderFailureAnalyzer extends AbstractFailureAnalyzer<UnresolvedPlaceholderException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnresolvedPlaceholderException cause) {
        String property = cause.property();
        String variable = cause.variable();
        return new FailureAnalysis(cause.getMessage() + ". The starter does not send a placeholder's text as the"
                + " value.", "Set the environment variable " + variable + " (or a property of that name) before"
                        + " starting the application; or, to start without " + (ExplicitProperties.API_KEY.equals(
                                property) ? "a MittoClient bean" : property) + " when it is unset, give the"
                        + " placeholder an empty default: " + property + "=${" + variable + ":}.", cause);
    }
}
