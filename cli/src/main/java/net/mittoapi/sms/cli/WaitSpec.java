package net.mittoapi.sms.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A wait as written on the command line: a number with {@code ms}, {@code s} or {@code m} ({@code 1500ms},
 * {@code 2s}, {@code 1m}); a bare number is seconds. The one syntax of every wait the tool takes: a
 * {@link FaultSpec}'s and {@code sandbox --request-timeout}.
 */
final class WaitSpec {

    /** The syntax, for {@code --help}. */
    static final String SYNTAX = "a number with ms, s or m (1500ms, 2s, 1m); a bare number is seconds";

    private static final Pattern WAIT = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private WaitSpec() {
    }

    /**
     * @param value the command line's spelling, such as {@code 2s}
     * @return the wait
     * @throws IllegalArgumentException with a message for the user when the spelling is wrong
     */
    static Duration parse(String value) {
        Matcher wait = WAIT.matcher(value.strip());
        if (!wait.matches()) {
            throw new IllegalArgumentException("the wait must be a number with ms, s or m, such as 1500ms, 2s or 1m;"
                    + " got '" + value + "'");
        }
        long amount = Long.parseLong(wait.group(1));
        String unit = wait.group(2) == null ? "s" : wait.group(2);
        return unit.equals("ms") ? Duration.ofMillis(amount)
                : unit.equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }

    /**
     * @param wait a wait
     * @return it in this syntax, in the largest unit that holds it whole: {@code 300ms}, {@code 10s}, {@code 2m}
     */
    static String show(Duration wait) {
        long millis = wait.toMillis();
        return millis % 60_000 == 0 && millis > 0 ? millis / 60_000 + "m"
                : millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Lets picocli turn an option's value into a {@link Duration}, with the parser's message on error. */
    static final class Converter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
