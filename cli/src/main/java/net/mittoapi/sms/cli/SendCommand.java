package net.mittoapi.sms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import net.mittoapi.sms.BulkMessage;
import net.mittoapi.sms.BulkSmsRequest;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoAuthenticationException;
import net.mittoapi.sms.MittoClient;
import net.mittoapi.sms.MittoRateLimitException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.Region;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mitto-cli send}: one SMS, or one text to several recipients, through the SDK's client. */
@Command(name = "send", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Send an SMS through the SDK's client, with the key from MITTO_API_KEY.",
        description = "Sends one SMS (POST /sms), or one text to several recipients (POST /smsbulk) when --to names"
                + " more than one, and prints the API's answer or the typed error. The API key comes from the"
                + " environment variable MITTO_API_KEY, never from a flag: a command line ends up in the shell's"
                + " history. The base URL is --base-url, else MITTO_BASE_URL, else --region's.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:sent",
            "1:the API refused it (MittoApiException: an error status or responseCode)",
            "2:bad command line, or bad input refused before sending (MittoValidationException)",
            "3:no usable answer (MittoTransportException), or interrupted (Ctrl+C) while waiting for it; it says"
                    + " whether the message may have gone out"})
final class SendCommand implements Callable<Integer> {

    /** What {@code send} says of a key on its command line, whichever option carried it: it never takes one. */
    static final String NO_KEY_OPTION = "There is no key option: a command line stays in the shell's history, so"
            + " treat that key as exposed (rotate it if it is a real one). Export it instead: export MITTO_API_KEY=...";
    /** What {@code send} says when stopped while a request may be on its way. */
    static final String INTERRUPTED = "Interrupted while waiting for the answer: the message may have been sent."
            + " Do not send it again blindly: check first whether it went out (the API has no idempotency key).";

    @Option(names = "--from", required = true, paramLabel = "SENDER",
            description = "the sender: a name of up to 11 characters, such as MITTO SMS, or a number")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "NUMBER", split = ",",
            description = "the recipient in E.164 digits, such as 491725551234 (a leading + is accepted);"
                    + " repeat it or separate with commas for a bulk send")
    private List<String> to = new ArrayList<>();

    @Option(names = "--text", required = true, paramLabel = "TEXT",
            description = "the message, or - to read it from standard input (UTF-8; one final line break is dropped)")
    private String text;

    @Option(names = "--test",
            description = "test mode: the API validates fully and answers as usual, but delivers nothing and charges nothing")
    private boolean test;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "auto (GSM-7 when it can, UCS-2 when it must), gsm, unicode or binary (default: auto)")
    private String type;

    @Option(names = "--reference", paramLabel = "TEXT", description = "free text, echoed in delivery reports")
    private String reference;

    @Option(names = "--callback", paramLabel = "URL",
            description = "where this message's delivery reports go, instead of the account's URL")
    private String callback;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "where to send: the sandbox (http://127.0.0.1:8080), a proxy; https unless loopback")
    private String baseUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "DEFAULT, FRANKFURT, SINGAPORE, HONG_KONG or US_EAST, when no base URL is given (default: DEFAULT)")
    private String region;

    /** Caught only to refuse it without echoing it: picocli's "unknown option" message would print the key. */
    @Option(names = {"--api-key", "--key"}, hidden = true)
    private String keyOnCommandLine;

    private final Terminal terminal;

    SendCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter out = terminal.out();
        PrintWriter err = terminal.err();
        if (keyOnCommandLine != null) {
            err.println(NO_KEY_OPTION);
            return MittoCli.USAGE;
        }
        String key = terminal.variable("MITTO_API_KEY");
        if (key == null) {
            err.println("MITTO_API_KEY is not set. Export the key of your Mitto account (or the sandbox's, which"
                    + " mitto-cli sandbox prints): export MITTO_API_KEY=... There is no flag for it on purpose:"
                    + " the shell's history keeps command lines.");
            return MittoCli.USAGE;
        }
        try (MittoClient client = client(key)) {
            String message = "-".equals(text) ? terminal.readInput() : text;
            // Built (so validated) before anything is said about sending it.
            SmsRequest single = to.size() == 1 ? single(message) : null;
            BulkSmsRequest bulk = single == null ? bulk(message) : null;
            SegmentInfo info = SegmentCalculator.calculate(message);
            out.println("Sending " + Show.count(info.segmentCount(), "part", "parts") + " of " + Show.name(info.encoding())
                    + " (" + Show.units(info.length(), info.encoding()) + ")" + (test ? " in test mode" : "") + " to "
                    + Show.count(to.size(), "recipient", "recipients") + " through " + target());
            out.flush();
            InFlight inFlight = new InFlight(err);
            try {
                if (single != null) {
                    print(out, client.send(single));
                } else {
                    print(out, client.sendBulk(bulk));
                }
            } finally {
                inFlight.done();
            }
            return MittoCli.OK;
        } catch (MittoValidationException e) {
            err.println("Refused before sending (MittoValidationException): " + e.getMessage());
            return MittoCli.USAGE;
        } catch (MittoAuthenticationException e) {
            err.println("The key was refused (MittoAuthenticationException, HTTP " + e.httpStatus() + "): "
                    + e.getMessage());
            return MittoCli.FAILED;
        } catch (MittoRateLimitException e) {
            err.println("Rate limited (MittoRateLimitException, HTTP " + e.httpStatus() + "): " + e.getMessage()
                    + e.retryAfter().map(wait -> ". Try again in " + wait.toSeconds() + " s.").orElse("."));
            return MittoCli.FAILED;
        } catch (MittoApiException e) {
            err.println("The API refused it (MittoApiException): HTTP " + e.httpStatus() + ", responseCode "
                    + e.responseCode() + " (" + e.code() + ")" + (e.responseText() == null ? ""
                    : ", responseText " + Show.quote(e.responseText())));
            err.println("  " + e.getMessage());
            return MittoCli.FAILED;
        } catch (MittoTransportException e) {
            err.println("No usable answer (MittoTransportException): " + e.getMessage());
            err.println(e.maybeDelivered()
                    ? "  The request may have reached the API: check before sending again (the API has no idempotency key)."
                    : "  The request never reached the API: nothing was sent.");
            return MittoCli.NO_ANSWER;
        } catch (IOException e) {
            err.println("Could not read the text from standard input: " + e.getMessage());
            return MittoCli.USAGE;
        }
    }

    private SmsRequest single(String message) {
        SmsRequest.Builder request = SmsRequest.builder().from(from).to(to.get(0)).text(message).test(test);
        MessageType messageType = type();
        if (messageType != null) {
            request.type(messageType);
        }
        if (reference != null) {
            request.reference(reference);
        }
        if (callback != null) {
            request.callback(callback);
        }
        return request.build();
    }

    private BulkSmsRequest bulk(String message) {
        BulkSmsRequest.Builder request = BulkSmsRequest.builder().from(from).to(to).text(message).test(test);
        MessageType messageType = type();
        if (messageType != null) {
            request.type(messageType);
        }
        if (reference != null) {
            request.reference(reference);
        }
        if (callback != null) {
            request.callback(callback);
        }
        return request.build();
    }

    /**
     * A request that may be on its way, from just before the call until its answer is printed. Ctrl+C (SIGINT)
     * or SIGTERM meanwhile makes the JVM run its shutdown hooks and exit with 130 or 143 without a word,
     * although the API may already have taken the message: this hook says so instead, and ends the process with
     * the exit code of a failure that may have delivered ({@link MittoCli#NO_ANSWER}). Once the answer is printed,
     * the hook is gone and an interrupt ends the process as usual.
     */
    private static final class InFlight {
        private final AtomicBoolean waiting = new AtomicBoolean(true);
        private final Thread hook;

        InFlight(PrintWriter err) {
            hook = new Thread(() -> {
                if (waiting.get()) {
                    err.println(INTERRUPTED);
                    err.flush();
                    Runtime.getRuntime().halt(MittoCli.NO_ANSWER);
                }
            }, "mitto-cli-send-interrupted");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void done() {
            waiting.set(false);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running, or about to: it finds the call done and says nothing
            }
        }
    }

    private MittoClient client(String key) {
        MittoClient.Builder builder = MittoClient.builder().apiKey(key);
        String url = baseUrl();
        if (url != null) {
            builder.baseUrl(url);
        } else if (region != null) {
            try {
                builder.region(Region.valueOf(region.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new MittoValidationException("--region must be DEFAULT, FRANKFURT, SINGAPORE, HONG_KONG or"
                        + " US_EAST, got '" + region + "'");
            }
        }
        return builder.build();
    }

    private String baseUrl() {
        return baseUrl != null ? baseUrl.strip() : terminal.variable("MITTO_BASE_URL");
    }

    /** @return where the call goes, and whether that is Mitto's API */
    private String target() {
        String url = baseUrl();
        if (url == null) {
            return (region == null ? Region.DEFAULT.baseUrl() : region.toUpperCase(Locale.ROOT)) + " (Mitto's API)";
        }
        return url + (url.matches("(?i)https://rest(-[a-z]+)?\\.mittoapi\\.(net|com)/?") ? " (Mitto's API)" : "");
    }

    private MessageType type() {
        if (type == null) {
            return null;
        }
        try {
            return MessageType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MittoValidationException("--type must be auto, gsm, unicode or binary, got '" + type + "'");
        }
    }

    private static void print(PrintWriter out, SmsResponse response) {
        out.println("Sent: responseCode " + response.responseCode() + " " + Show.quote(String.valueOf(response.responseText())));
        out.println("  id          " + response.id());
        out.println("  to          " + response.to());
        out.println("  timestamp   " + response.timestamp());
        out.println("  textLength  " + response.textLength());
        out.println("  test        " + response.test());
    }

    private static void print(PrintWriter out, BulkSmsResponse response) {
        out.println("Sent: responseCode " + response.responseCode() + " " + Show.quote(String.valueOf(response.responseText()))
                + ", " + Show.count(response.messages().size(), "message", "messages"));
        for (BulkMessage message : response.messages()) {
            out.println("  " + message.to() + "  id " + message.id() + "  textLength " + message.textLength()
                    + "  at " + message.timestamp());
        }
    }
}
