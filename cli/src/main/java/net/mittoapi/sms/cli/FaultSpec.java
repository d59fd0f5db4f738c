package net.mittoapi.sms.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.sandbox.Fault;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A sandbox fault as written on the command line, {@code KIND[:VALUE][*COUNT]}, such as {@code rate-limited:2s*3}:
 * the next COUNT calls (1 when not given) get that {@link Fault}.
 *
 * @param fault the fault
 * @param times how many calls in a row get it
 */
record FaultSpec(Fault fault, int times) {

    /** The syntax, for {@code --help} (picocli turns each {@code %n} into a line break). */
    static final String SYNTAX = "KIND[:VALUE][*COUNT]: the next COUNT calls (default 1) get the fault instead of%n"
            + "their normal answer; repeat --fault to queue several, played in order. KIND:%n"
            + "  rate-limited[:WAIT]         429 with Retry-After WAIT (default 1s)%n"
            + "  service-unavailable[:WAIT]  503, with Retry-After when WAIT is given%n"
            + "  internal-error              500%n"
            + "  response-code:N             400 carrying responseCode N (the API's are 1 to 9)%n"
            + "  delay:WAIT                  the normal answer, after WAIT%n"
            + "  drop-connection             no answer: the connection is closed%n"
            + "WAIT is " + WaitSpec.SYNTAX + ".%n"
            + "Example: --fault rate-limited:2s*3 --fault internal-error";

    private static final Pattern SPEC = Pattern.compile("([a-z-]+)(?::([^*]+))?(?:\\*(\\d+))?");

    /**
     * @param text the command line's spelling
     * @return the fault and its count
     * @throws IllegalArgumentException with a message for the user when the spelling is wrong
     */
    static FaultSpec parse(String text) {
        Matcher spec = SPEC.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!spec.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not KIND[:VALUE][*COUNT], such as rate-limited:2s*3");
        }
        String kind = spec.group(1);
        String value = spec.group(2);
        int times = spec.group(3) == null ? 1 : count(text, spec.group(3));
        try {
            return new FaultSpec(fault(text, kind, value), times);
        } catch (MittoValidationException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    private static Fault fault(String text, String kind, String value) {
        switch (kind) {
            case "rate-limited":
                return Fault.rateLimited(value == null ? Duration.ofSeconds(1) : wait(text, value));
            case "service-unavailable":
                return value == null ? Fault.serviceUnavailable() : Fault.serviceUnavailable(wait(text, value));
            case "internal-error":
                noValue(text, kind, value);
                return Fault.internalError();
            case "response-code":
                if (value == null || !value.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("'" + text + "': response-code needs a number, such as"
                            + " response-code:6");
                }
                return Fault.responseCode(Integer.parseInt(value));
            case "delay":
                if (value == null) {
                    throw new IllegalArgumentException("'" + text + "': delay needs a wait, such as delay:3s");
                }
                return Fault.delay(wait(text, value));
            case "drop-connection":
                noValue(text, kind, value);
                return Fault.dropConnection();
            default:
                throw new IllegalArgumentException("'" + text + "': unknown fault '" + kind + "'; use rate-limited,"
                        + " service-unavailable, internal-error, response-code, delay or drop-connection");
        }
    }

    private static void noValue(String text, String kind, String value) {
        if (value != null) {
            throw new IllegalArgumentException("'" + text + "': " + kind + " takes no value");
        }
    }

    private static Duration wait(String text, String value) {
        try {
            return WaitSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    private static int count(String text, String digits) {
        long count = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("'" + text + "': the count after * must be 1 to 1,000,000, got "
                    + digits);
        }
        return (int) count;
    }

    /** @return the fault as the sandbox describes it, with its count: {@code 3 × Fault[429 …]} */
    @Override
    public String toString() {
        return times + " × " + fault;
    }

    /** Lets picocli turn an option's value into a {@link FaultSpec}, with the parser's message on error. */
    static final class Converter implements ITypeConverter<FaultSpec> {
        @Override
        public FaultSpec convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
