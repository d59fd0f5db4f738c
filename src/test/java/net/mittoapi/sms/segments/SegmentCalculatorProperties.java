package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudhopper.commons.charset.GSMCharset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the calculator over random texts drawn from GSM, extension, Latin-1, Cyrillic, emoji and
 * combining-mark pools, checked against an independent, deliberately simple reference implementation
 * and against cloudhopper's GSM encoder. Each property runs over {@link Seeds#seeds()} (1,000 seeds by
 * default); a failure names its seed and text, and {@code -Dsegments.seed=N} replays it.
 */
class SegmentCalculatorProperties {

    /** The GSM 03.38 default alphabet and extension table, written out again independently of GsmAlphabet. */
    private static final String REFERENCE_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String REFERENCE_EXTENSION = "\f^{}\\[~]|€";
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private static final List<String> GSM = chars(REFERENCE_BASIC);
    private static final List<String> EXTENSION = chars(REFERENCE_EXTENSION);
    private static final List<String> LATIN_1 = chars("çáíóúýâêîôûãõëïÿ`ÀÁÂÃÈÊËÌÍÎÏÒÓÔÕÙÚÛÝÞþðªº°±²³µ¶·¸¹»«¼½¾×÷");
    private static final List<String> CYRILLIC = chars("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя");
    private static final List<String> EMOJI = List.of(
            "\uD83D\uDE00", "\uD83D\uDE80", "\uD83C\uDF89", "\u2764\uFE0F", "\u263A",
            "\uD83D\uDC4D\uD83C\uDFFD", // thumbs up, medium skin tone
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", // family of four
            "\uD83C\uDDE9\uD83C\uDDEA", "\uD83C\uDDEB\uD83C\uDDF7", // flags
            "\uD83C\uDDE9", // a lone regional indicator
            "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", // rainbow flag
            "\uD83E\uDDD1\uD83C\uDFFF\u200D\uD83D\uDCBB"); // technologist, dark skin tone
    private static final List<String> COMBINING = chars("\u0300\u0301\u0302\u0303\u0308\u030A\u0327\u0331\u20DD\u200D");
    /** Scripts whose clusters span several code points: Devanagari conjuncts, Thai, Hangul syllables and jamo. */
    private static final List<String> COMPLEX_SCRIPTS = List.of(
            "क्ष", "त्रि", "य", "ि", "्", "ส", "วั", "ดี", "ำ", "한", "국", "\u1100", "\u1161", "\u11A8");

    /** Clusters longer than a part, or near it: runs of marks, ZWJ chains, flags, jamo, CR LF and emoji. */
    private static final List<String> RUN_PIECES = List.of("\u0301", "\uFE0F", "\u200D\uD83D\uDC68",
            "\uD83C\uDDE9", "\u1100", "\u1161", "\u11A8", "\uD83C\uDFFD", "\r\n", "\u0915\u094D");

    private static final Seeds.Pool TEXT = new Seeds.Pool()
            .add(40, GSM)
            .add(8, EXTENSION)
            .add(4, List.of("\r\n", "\r", "\n"))
            .add(4, LATIN_1)
            .add(8, CYRILLIC)
            .add(6, EMOJI)
            .add(3, COMBINING)
            .add(3, COMPLEX_SCRIPTS);

    private static final Seeds.Pool GSM_TEXT = new Seeds.Pool()
            .add(20, GSM)
            .add(5, EXTENSION)
            .add(1, List.of("\r\n"));

    /** UCS-2 texts without joining characters: plain emoji, letters, CR LF. */
    private static final Seeds.Pool PLAIN_UCS2_TEXT = new Seeds.Pool()
            .add(10, GSM)
            .add(3, EXTENSION)
            .add(2, List.of("\r\n", "\r"))
            .add(10, CYRILLIC)
            .add(10, EMOJI.subList(0, 3));

    static LongStream seeds() {
        return Seeds.seeds();
    }

    static String text(long seed) {
        return TEXT.text(new Random(seed), 0, 400);
    }

    static String gsmText(long seed) {
        return GSM_TEXT.text(new Random(seed), 0, 700);
    }

    static String plainUcs2Text(long seed) {
        return "Ж" + PLAIN_UCS2_TEXT.text(new Random(seed), 1, 300);
    }

    /**
     * Texts whose clusters straddle many part boundaries: pieces of ordinary text between runs of 1 to 250
     * joining pieces (mostly one, now and then another), so that clusters of every length up to several
     * parts, one after another, are split.
     */
    static String clusterRunText(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        int runs = Seeds.size(random, 1, 12);
        for (int r = 0; r < runs; r++) {
            text.append(TEXT.text(random, 0, 80));
            text.append(random.nextBoolean() ? "e" : EMOJI.get(random.nextInt(EMOJI.size())));
            String piece = RUN_PIECES.get(random.nextInt(RUN_PIECES.size()));
            String other = RUN_PIECES.get(random.nextInt(RUN_PIECES.size())); // mixed in now and then
            for (int i = 1 + random.nextInt(250); i > 0; i--) {
                text.append(random.nextInt(8) == 0 ? other : piece);
            }
        }
        return text.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void plainUcs2TextsMatchTheReference(long seed) {
        Seeds.check(seed, plainUcs2Text(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            List<String> reference = referenceSplit(text, Encoding.UCS_2);
            assertThat(info.segmentCount()).isEqualTo(reference.size());
            assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
            assertThat(info.segments()).isEqualTo(reference);
            assertThat(info.remaining()).isEqualTo(info.perSegment() - reference.get(reference.size() - 1).length());
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void partsJoinBackToTheInput(long seed) {
        Seeds.check(seed, text(seed), text -> {
            assertThat(String.join("", SegmentCalculator.calculate(text).segments())).isEqualTo(text);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPartFitsItsBudget(long seed) {
        Seeds.check(seed, text(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            for (String part : info.segments()) {
                assertThat(referenceUnits(part, info.encoding())).isLessThanOrEqualTo(info.perSegment());
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noPartEndsInAHighSurrogate(long seed) {
        Seeds.check(seed, text(seed), text -> {
            for (String part : SegmentCalculator.calculate(text).segments()) {
                assertThat(part.isEmpty() || !Character.isHighSurrogate(part.charAt(part.length() - 1))).isTrue();
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noPartEndsBetweenEscapeAndItsCharacter(long seed) {
        Seeds.check(seed, gsmText(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            byte[] septets = new GSMCharset().encode(text);
            int cut = 0;
            for (String part : info.segments()) {
                cut += new GSMCharset().encode(part).length;
                if (cut > 0) {
                    assertThat(septets[cut - 1]).as("septet before a cut").isNotEqualTo((byte) 0x1B);
                }
            }
            assertThat(cut).isEqualTo(septets.length);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lengthIsTheSumOfThePartsUnits(long seed) {
        Seeds.check(seed, text(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            int sum = info.segments().stream().mapToInt(part -> referenceUnits(part, info.encoding())).sum();
            assertThat(info.length()).isEqualTo(sum);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void remainingIsWhatTheLastPartLeaves(long seed) {
        Seeds.check(seed, text(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            List<String> parts = info.segments();
            int last = referenceUnits(parts.get(parts.size() - 1), info.encoding());
            assertThat(info.remaining()).isEqualTo(info.perSegment() - last);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesTheReferenceImplementation(long seed) {
        Seeds.check(seed, text(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            List<String> reference = referenceSplit(text, referenceEncoding(text));
            assertThat(info.encoding()).isEqualTo(referenceEncoding(text));
            assertThat(info.segmentCount()).isEqualTo(reference.size());
            assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
            assertThat(info.segments()).isEqualTo(reference);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesTheReferenceWhenForcedToUcs2(long seed) {
        Seeds.check(seed, text(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text, Encoding.UCS_2);
            assertThat(info.segments()).isEqualTo(referenceSplit(text, Encoding.UCS_2));
            assertThat(info.length()).isEqualTo(text.length());
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gsmTextsMatchTheReference(long seed) {
        Seeds.check(seed, gsmText(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            List<String> reference = referenceSplit(text, Encoding.GSM_7);
            assertThat(info.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(info.segmentCount()).isEqualTo(reference.size());
            assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
            assertThat(info.segments()).isEqualTo(reference);
            assertThat(info.remaining())
                    .isEqualTo(info.perSegment() - referenceUnits(reference.get(reference.size() - 1), Encoding.GSM_7));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gsmLengthEqualsCloudhopperSeptets(long seed) {
        Seeds.check(seed, gsmText(seed), text -> {
            assertThat(SegmentCalculator.calculate(text).length()).isEqualTo(new GSMCharset().encode(text).length);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nonGsmCharactersAreExactlyTheCodePointsOutsideTheAlphabet(long seed) {
        Seeds.check(seed, text(seed), text -> {
            List<Integer> expected = new ArrayList<>();
            text.codePoints()
                    .filter(cp -> REFERENCE_BASIC.indexOf(cp) < 0 && REFERENCE_EXTENSION.indexOf(cp) < 0)
                    .filter(cp -> !expected.contains(cp))
                    .forEach(expected::add);
            assertThat(SegmentCalculator.calculate(text).nonGsmCharacters()).isEqualTo(expected);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void clustersAcrossManyPartsMatchTheReference(long seed) {
        Seeds.check(seed, clusterRunText(seed), text -> {
            SegmentInfo info = SegmentCalculator.calculate(text);
            List<String> reference = referenceSplit(text, referenceEncoding(text));
            assertThat(info.segments()).isEqualTo(reference);
            assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
            assertThat(SegmentCalculator.calculate(text, Encoding.UCS_2).segments())
                    .isEqualTo(referenceSplit(text, Encoding.UCS_2));
        });
    }

    // ---- the reference: simple, obviously correct, slow ----

    static Encoding referenceEncoding(String text) {
        boolean gsm = text.codePoints()
                .allMatch(cp -> REFERENCE_BASIC.indexOf(cp) >= 0 || REFERENCE_EXTENSION.indexOf(cp) >= 0);
        return gsm ? Encoding.GSM_7 : Encoding.UCS_2;
    }

    static int referenceUnits(String s, Encoding encoding) {
        if (encoding == Encoding.UCS_2) {
            return s.length();
        }
        return s.codePoints().map(cp -> REFERENCE_EXTENSION.indexOf(cp) >= 0 ? 2 : 1).sum();
    }

    /** Greedy split over \X clusters; a cluster larger than a part is split between code points. */
    static List<String> referenceSplit(String text, Encoding encoding) {
        List<String> clusters = new ArrayList<>();
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            clusters.add(m.group());
        }
        int total = referenceUnits(text, encoding);
        int budget = total <= (encoding == Encoding.GSM_7 ? 160 : 70) ? Integer.MAX_VALUE
                : (encoding == Encoding.GSM_7 ? 153 : 67);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String cluster : clusters) {
            int cost = referenceUnits(cluster, encoding);
            if (referenceUnits(part.toString(), encoding) + cost <= budget) {
                part.append(cluster);
            } else if (cost <= budget) {
                parts.add(part.toString());
                part = new StringBuilder(cluster);
            } else {
                for (int cp : cluster.codePoints().toArray()) {
                    String one = Character.toString(cp);
                    if (referenceUnits(part.toString(), encoding) + referenceUnits(one, encoding) > budget) {
                        parts.add(part.toString());
                        part = new StringBuilder();
                    }
                    part.append(one);
                }
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static List<String> chars(String s) {
        return s.codePoints().mapToObj(Character::toString).toList();
    }
}
