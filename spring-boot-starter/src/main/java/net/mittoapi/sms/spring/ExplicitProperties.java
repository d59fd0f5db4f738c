package net.mittoapi.sms.spring;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads {@code mitto.api-key} and {@code mitto.base-url} as the application configured them, skipping the SDK's
 * own environment variables.
 *
 * <p>Spring Boot's relaxed binding maps an environment variable to a property by replacing underscores with
 * dots, and also by its "legacy" rule, replacing them with dashes: so {@code MITTO_API_KEY}, the variable that
 * {@code MittoClient.fromEnv()} reads, would bind to {@code mitto.api-key} and create a client behind the
 * application's back. This lookup walks the property sources in their order and passes over a value whose
 * origin is the variable {@code MITTO_API_KEY} (or {@code MITTO_BASE_URL}), taking the next source's value
 * instead. Spring's own form of the variable, {@code MITTO_APIKEY}, and a placeholder such as
 * {@code mitto.api-key=${MITTO_API_KEY}} in a properties file are explicit, and are read.
 *
 * <p>A placeholder that nothing resolves (the variable unset, and no default after a {@code :}) is not a value:
 * Spring's lenient resolution would keep the text {@code ${MITTO_API_KEY}} itself, and the client would send it
 * as its key. The lookup fails with an {@link UnresolvedPlaceholderException} naming the variable instead;
 * {@code ${MITTO_API_KEY:}} (an empty default) reads as no key.
 */
final class ExplicitProperties {

    static final String API_KEY = "mitto.api-key";
    static final String BASE_URL = "mitto.base-url";
    static final String SDK_API_KEY_VARIABLE = "MITTO_API_KEY";
    static final String SDK_BASE_URL_VARIABLE = "MITTO_BASE_URL";

    private ExplicitProperties() {
    }

    /**
     * @return {@code mitto.api-key} stripped, or {@code null} when not set, blank, or only from MITTO_API_KEY
     * @throws UnresolvedPlaceholderException when it holds a placeholder nothing resolves
     */
    static String apiKey(Environment environment) {
        return get(environment, API_KEY, SDK_API_KEY_VARIABLE);
    }

    /**
     * @return {@code mitto.base-url} stripped, or {@code null} when not set, blank, or only from MITTO_BASE_URL
     * @throws UnresolvedPlaceholderException when it holds a placeholder nothing resolves
     */
    static String baseUrl(Environment environment) {
        return get(environment, BASE_URL, SDK_BASE_URL_VARIABLE);
    }

    /** @return whether the process has the SDK's key variable, which the starter does not read on its own */
    static boolean sdkApiKeyVariablePresent(Environment environment) {
        String value = environment.getProperty(SDK_API_KEY_VARIABLE);
        return value != null && !value.isBlank();
    }

    private static String get(Environment environment, String property, String sdkVariable) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found == null || found.getValue() == null || isVariable(found.getOrigin(), sdkVariable)) {
                continue;
            }
            String raw = found.getValue().toString();
            String value;
            try {
                value = environment.resolveRequiredPlaceholders(raw).strip();
            } catch (IllegalArgumentException e) {
                // Spring's message quotes the whole value, which may hold a key around the placeholder: not kept.
                throw new UnresolvedPlaceholderException(property, unresolvedName(environment, raw));
            }
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    /**
     * @return the first placeholder of {@code raw} that resolves to nothing, innermost first when a default holds
     *         another placeholder, such as {@code MITTO_API_KEY} for {@code ${MITTO_API_KEY}}
     */
    static String unresolvedName(Environment environment, String raw) {
        int start = raw.indexOf("${");
        while (start >= 0) {
            int end = closing(raw, start);
            if (end < 0) {
                return raw.substring(start + 2);
            }
            String inner = raw.substring(start + 2, end);
            int colon = defaultSeparator(inner);
            String name = colon < 0 ? inner : inner.substring(0, colon);
            if (environment.getProperty(name) == null) {
                if (colon < 0) {
                    return name;
                }
                String fallback = inner.substring(colon + 1);
                if (fallback.contains("${")) {
                    return unresolvedName(environment, fallback);
                }
            }
            start = raw.indexOf("${", end + 1);
        }
        return raw;
    }

    /** @return the index of the brace closing the placeholder opened at {@code start}, or -1 */
    private static int closing(String text, int start) {
        int depth = 0;
        for (int i = start + 2; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** @return the index of the {@code :} that starts a placeholder's default, outside nested placeholders, or -1 */
    private static int defaultSeparator(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isVariable(Origin origin, String variable) {
        if (origin instanceof SystemEnvironmentOrigin environmentOrigin) {
            return variable.equalsIgnoreCase(environmentOrigin.getProperty());
        }
        if (origin instanceof PropertySourceOrigin sourceOrigin
                && sourceOrigin.getPropertySource() instanceof SystemEnvironmentPropertySource) {
            return variable.equalsIgnoreCase(sourceOrigin.getPropertyName());
        }
        return false;
    }
}
