package net.mittoapi.sms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.GsmAlphabet;
import net.mittoapi.sms.segments.GsmNormalizer;
import net.mittoapi.sms.segments.Normalization;
import net.mittoapi.sms.segments.Replacement;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mitto-cli segments TEXT}: what a text costs and why, offline. */
@Command(name = "segments", mixinStandardHelpOptions = true,
        header = "Show what a text costs as an SMS, and why, offline.",
        description = "Its encoding (GSM-7 or UCS-2), its length, how many parts it is billed as and where it is"
                + " split, the characters that forced UCS-2, and what GsmNormalizer.normalize (or, with"
                + " --transliterate, GsmNormalizer.transliterate) would replace, where, and what that would save.")
final class SegmentsCommand implements Callable<Integer> {

    /** How many characters of a list are shown before "… and N more", unless --all. */
    static final int SHOWN = 20;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    @Parameters(index = "0", paramLabel = "TEXT",
            description = "the text, or - to read it from standard input (UTF-8; one final line break is dropped)")
    private String text;

    @Option(names = "--all", description = "list every character, however many (default: the first " + SHOWN + ")")
    private boolean all;

    @Option(names = "--transliterate", description = "show what GsmNormalizer.transliterate would change (letters"
            + " too: Łódź to Lodz) instead of GsmNormalizer.normalize (typography only)")
    private boolean transliterate;

    private final Terminal terminal;

    SegmentsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        String input;
        try {
            input = "-".equals(text) ? terminal.readInput() : text;
        } catch (IOException e) {
            terminal.err().println("Could not read the text from standard input: " + e.getMessage());
            return MittoCli.USAGE;
        }
        PrintWriter out = terminal.out();
        if (!"-".equals(text) && input.indexOf('\uFFFD') >= 0
                && !StandardCharsets.UTF_8.name().equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"))) {
            terminal.err().println("Note: the argument holds U+FFFD, which this JVM's locale ("
                    + System.getProperty("sun.jnu.encoding") + ") puts where it could not read a character: pass the"
                    + " text on standard input with -, or run with a UTF-8 locale (LANG=C.UTF-8).");
        }
        if (input.isEmpty()) {
            out.println("The text is empty: the API refuses it (responseCode 3, Empty message).");
            return MittoCli.OK;
        }
        SegmentInfo info = SegmentCalculator.calculate(input);
        Encoding encoding = info.encoding();
        out.println("Text:      " + Show.count(input.codePointCount(0, input.length()), "character", "characters"));
        out.println("Encoding:  " + Show.name(encoding) + (encoding == Encoding.GSM_7
                ? ": every character is in the GSM 03.38 alphabet"
                : ": " + Show.count(info.nonGsmCharacters().size(), "character is", "characters are")
                        + " not in GSM-7"));
        out.println("Length:    " + Show.units(info.length(), encoding));
        out.println("Parts:     " + info.segmentCount() + " of up to " + Show.units(info.perSegment(), encoding)
                + (info.segmentCount() == 1 ? "" : " each (a concatenated message's header takes the rest of "
                        + encoding.singleSegmentLimit() + ")") + "; " + Show.units(info.remaining(), encoding)
                + " left in the last");
        printParts(out, info);
        if (encoding == Encoding.GSM_7) {
            printExtensionCharacters(out, input);
            SegmentInfo unicode = SegmentCalculator.calculate(input, Encoding.UCS_2);
            out.println("As UCS-2 (type=unicode): " + Show.count(unicode.segmentCount(), "part", "parts") + ", "
                    + Show.units(unicode.length(), Encoding.UCS_2));
        } else {
            out.println("Forced UCS-2 by " + Show.count(info.nonGsmCharacters().size(), "character", "characters")
                    + " (in order of appearance):");
            printCharacters(out, "  ", info.nonGsmCharacters());
        }
        printNormalized(out, input, info);
        return MittoCli.OK;
    }

    private static void printParts(PrintWriter out, SegmentInfo info) {
        List<String> parts = info.segments();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            int used = SegmentCalculator.calculate(part, info.encoding()).length();
            String line = String.format("  part %d: %s %s", i + 1, Show.units(used, info.encoding()), Show.quote(part));
            if (i + 1 < parts.size() && used < info.perSegment()) {
                Matcher next = GRAPHEME.matcher(parts.get(i + 1));
                String first = next.lookingAt() ? next.group() : parts.get(i + 1).substring(0, 1);
                line += String.format("%n          %s unused: the next part starts with %s (%s), which cannot be split",
                        Show.units(info.perSegment() - used, info.encoding()), Show.quote(first),
                        Show.units(SegmentCalculator.calculate(first, info.encoding()).length(), info.encoding()));
            }
            out.println(line);
        }
    }

    private void printExtensionCharacters(PrintWriter out, String input) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        input.codePoints().filter(GsmAlphabet::isExtension).forEach(c -> counts.merge(c, 1, Integer::sum));
        if (counts.isEmpty()) {
            return;
        }
        out.println("Extension characters, 2 septets each (an escape and the character):");
        int shown = 0;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            if (!all && shown == SHOWN) {
                out.println("  … and " + (counts.size() - SHOWN) + " more (--all lists every one)");
                break;
            }
            out.println("  " + Show.character(entry.getKey()) + " " + Show.codePoint(entry.getKey()) + ", "
                    + Show.count(entry.getValue(), "time", "times"));
            shown++;
        }
    }

    private void printCharacters(PrintWriter out, String indent, List<Integer> codePoints) {
        int limit = all ? codePoints.size() : Math.min(SHOWN, codePoints.size());
        for (int codePoint : codePoints.subList(0, limit)) {
            out.println(indent + Show.character(codePoint) + " " + Show.codePoint(codePoint));
        }
        if (limit < codePoints.size()) {
            out.println(indent + "… and " + (codePoints.size() - limit) + " more (--all lists every one)");
        }
    }

    /**
     * What {@link GsmNormalizer#normalize} (or, with {@code --transliterate}, {@link GsmNormalizer#transliterate})
     * would change, where, and what it would save, from {@link GsmNormalizer#explain}.
     */
    private void printNormalized(PrintWriter out, String input, SegmentInfo info) {
        String method = transliterate ? "GsmNormalizer.transliterate" : "GsmNormalizer.normalize";
        Normalization n = GsmNormalizer.explain(input, transliterate);
        if (!n.changed()) {
            out.println(method + ": nothing to replace" + (info.encoding() == Encoding.UCS_2
                    ? "; what forces UCS-2 above has no GSM-7 equivalent"
                    + (transliterate ? "" : " (--transliterate also replaces letters)") : "") + ".");
            return;
        }
        List<Replacement> replacements = n.replacements();
        out.println(method + " would make " + Show.count(replacements.size(), "replacement", "replacements")
                + " (at: index in UTF-16 units):");
        int limit = all ? replacements.size() : Math.min(SHOWN, replacements.size());
        for (Replacement r : replacements.subList(0, limit)) {
            out.println("  at " + r.index() + ": " + Show.quote(r.original()) + " " + codePoints(r.original()) + " → "
                    + (r.replacement().isEmpty() ? "removed" : Show.quote(r.replacement())));
        }
        if (limit < replacements.size()) {
            out.println("  … and " + (replacements.size() - limit) + " more (--all lists every one)");
        }
        SegmentInfo after = n.after();
        int saved = n.partsSaved();
        out.println(method + " would send: " + Show.quote(n.text()));
        out.println("  before: " + Show.name(info.encoding()) + ", " + Show.units(info.length(), info.encoding()) + ", "
                + Show.count(info.segmentCount(), "part", "parts"));
        out.println("  after:  " + Show.name(after.encoding()) + ", " + Show.units(after.length(), after.encoding())
                + ", " + Show.count(after.segmentCount(), "part", "parts") + " ("
                + (saved > 0 ? Show.count(saved, "part", "parts") + " fewer"
                : saved == 0 ? "no fewer parts" : Show.count(-saved, "part", "parts") + " more") + ")");
        if (after.encoding() == Encoding.UCS_2) {
            out.println("  still UCS-2 because of:");
            printCharacters(out, "    ", after.nonGsmCharacters());
        }
    }

    /** @return {@code U+201C LEFT DOUBLE QUOTATION MARK} for one code point, {@code U+0065 U+0301} for several */
    private static String codePoints(String text) {
        if (text.codePointCount(0, text.length()) == 1) {
            return Show.codePoint(text.codePointAt(0));
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(out.length() == 0 ? "" : " ").append(String.format("U+%04X", c)));
        return out.toString();
    }
}
