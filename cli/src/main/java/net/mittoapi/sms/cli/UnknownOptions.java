package net.mittoapi.sms.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports unknown options without their values. picocli's own message repeats every unmatched argument as typed
 * ({@code Unknown option: '--apikey=SECRET'}), so a misspelt key option would put the key on the screen and into
 * whatever logs the terminal: here each unknown option is named, and what may be its value (after {@code =}, or
 * the argument after it) is never shown. Every other parse error, and unmatched arguments with no unknown option
 * among them, go to picocli's own handler, which this one also prints through (message, then usage; exit code 2).
 */
final class UnknownOptions implements IParameterExceptionHandler {

    /** Option names that look like a try at passing a key, for which {@code send} says there is no such option. */
    private static final Pattern KEY_LIKE = Pattern.compile("(?i).*(key|token|secret|pass).*");

    private final IParameterExceptionHandler picocli;

    /** @param picocli picocli's own handler, which prints the message and the usage */
    UnknownOptions(IParameterExceptionHandler picocli) {
        this.picocli = picocli;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        if (!(ex instanceof UnmatchedArgumentException)
                || ((UnmatchedArgumentException) ex).getUnmatched().stream().noneMatch(UnknownOptions::isOption)) {
            return picocli.handleParseException(ex, args);
        }
        CommandLine command = ex.getCommandLine();
        return picocli.handleParseException(new ParameterException(command,
                message(((UnmatchedArgumentException) ex).getUnmatched(), command.getCommandName())), args);
    }

    /**
     * @return {@code Unknown option: '--apikey' (value not shown)}: the unmatched arguments, each option by its
     *         name only and without the argument that follows it
     */
    static String message(List<String> unmatched, String commandName) {
        List<String> shown = new ArrayList<>();
        boolean hidden = false;
        boolean keyLike = false;
        boolean afterOption = false;
        for (String argument : unmatched) {
            if (isOption(argument)) {
                int equals = argument.indexOf('=');
                String name = equals < 0 ? argument : argument.substring(0, equals);
                shown.add("'" + name + "'");
                hidden |= equals >= 0;
                keyLike |= KEY_LIKE.matcher(name).matches();
                afterOption = equals < 0;
            } else if (afterOption) {
                hidden = true;
                afterOption = false;
            } else {
                shown.add("'" + argument + "'");
            }
        }
        String message = (shown.size() == 1 ? "Unknown option: " : "Unknown options: ") + String.join(", ", shown)
                + (hidden ? shown.size() == 1 ? " (value not shown)" : " (values not shown)" : "");
        return keyLike && "send".equals(commandName) ? message + System.lineSeparator() + SendCommand.NO_KEY_OPTION
                : message;
    }

    private static boolean isOption(String argument) {
        return argument.length() > 1 && argument.charAt(0) == '-';
    }
}
