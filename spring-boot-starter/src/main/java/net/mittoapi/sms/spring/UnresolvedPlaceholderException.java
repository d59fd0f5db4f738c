package net.mittoapi.sms.spring;

/**
 * {@code mitto.api-key} (or {@code mitto.base-url}) holds a placeholder that nothing resolves, such as
 * {@code ${MITTO_API_KEY}} with that variable unset. Start-up fails with it (and
 * {@link UnresolvedPlaceholderFailureAnalyzer} says what to do) rather than sending the placeholder's text as the key.
 * The message names the property and the variable, never a value.
 */
final class UnresolvedPlaceholderException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String variable;

    /**
     * @param property the property
     * @param variable the placeholder's name; the property's value itself is never part of the message, since text
     *                 around the placeholder may be part of a key
     */
    UnresolvedPlaceholderException(String property, String variable) {
        super(property + " refers to ${" + variable + "}, but nothing defines " + variable + ": set the environment variable "
                + variable + " (or the property " + variable + "), or write " + property + "=${" + variable
                + ":} to start without " + (ExplicitProperties.API_KEY.equals(property) ? "a client" : "it"));
        this.property = property;
        this.variable = variable;
    }

    /** @return the property that holds the placeholder */
    String property() {
        return property;
    }

    /** @return the placeholder's name that nothing resolves */
    String variable() {
        return variable;
    }
}
