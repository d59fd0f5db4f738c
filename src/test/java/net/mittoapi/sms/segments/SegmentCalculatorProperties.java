package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudhopper.commons.charset.GSMCharset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the calculator over random texts drawn from GSM, extension, Latin-1, Cyrillic, emoji and
 * combining-mark pools, checked against an independent, deliberately simple reference implementation
 * and against cloudhopper's GSM encoder.
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

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.of(GSM)),
                net.jqwik.api.Tuple.of(8, Arbitraries.of(EXTENSION)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of("\r\n", "\r", "\n")),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(LATIN_1)),
                net.jqwik.api.Tuple.of(8, Arbitraries.of(CYRILLIC)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(EMOJI)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(COMBINING)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(COMPLEX_SCRIPTS)));
        return piece.list().ofMaxSize(400).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<String> gsmTexts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.of(GSM)),
                net.jqwik.api.Tuple.of(5, Arbitraries.of(EXTENSION)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\r\n")));
        return piece.list().ofMaxSize(700).map(pieces -> String.join("", pieces));
    }

    /** UCS-2 texts without joining characters: plain emoji, letters, CR LF. */
    @Provide
    Arbitrary<String> plainUcs2Texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of(GSM)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(EXTENSION)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("\r\n", "\r")),
                net.jqwik.api.Tuple.of(10, Arbitraries.of(CYRILLIC)),
                net.jqwik.api.Tuple.of(10, Arbitraries.of(EMOJI.subList(0, 3))));
        return piece.list().ofMinSize(1).ofMaxSize(300).map(pieces -> "Ж" + String.join("", pieces));
    }

    @Property
    void plainUcs2TextsMatchTheReference(@ForAll("plainUcs2Texts") String text) {
        SegmentInfo info = SegmentCalculator.calculate(text);
        List<String> reference = referenceSplit(text, Encoding.UCS_2);
        assertThat(info.segmentCount()).isEqualTo(reference.size());
        assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
        assertThat(info.segments()).isEqualTo(reference);
        assertThat(info.remaining()).isEqualTo(info.perSegment() - reference.get(reference.size() - 1).length());
    }

    @Property
    void partsJoinBackToTheInput(@ForAll("texts") String text) {
        assertThat(String.join("", SegmentCalculator.calculate(text).segments())).isEqualTo(text);
    }

    @Property
    void everyPartFitsItsBudget(@ForAll("texts") String text) {
        SegmentInfo info = SegmentCalculator.calculate(text);
        for (String part : info.segments()) {
            assertThat(referenceUnits(part, info.encoding())).isLessThanOrEqualTo(info.perSegment());
        }
    }

    @Property
    void noPartEndsInAHighSurrogate(@ForAll("texts") String text) {
        for (String part : SegmentCalculator.calculate(text).segments()) {
            assertThat(part.isEmpty() || !Character.isHighSurrogate(part.charAt(part.length() - 1))).isTrue();
        }
    }

    @Property
    void noPartEndsBetweenEscapeAndItsCharacter(@ForAll("gsmTexts") String text) {
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
    }

    @Property
    void lengthIsTheSumOfThePartsUnits(@ForAll("texts") String text) {
        SegmentInfo info = SegmentCalculator.calculate(text);
        int sum = info.segments().stream().mapToInt(part -> referenceUnits(part, info.encoding())).sum();
        assertThat(info.length()).isEqualTo(sum);
    }

    @Property
    void remainingIsWhatTheLastPartLeaves(@ForAll("texts") String text) {
        SegmentInfo info = SegmentCalculator.calculate(text);
        List<String> parts = info.segments();
        int last = referenceUnits(parts.get(parts.size() - 1), info.encoding());
        assertThat(info.remaining()).isEqualTo(info.perSegment() - last);
    }

    @Property
    void matchesTheReferenceImplementation(@ForAll("texts") String text) {
        SegmentInfo info = SegmentCalculator.calculate(text);
        List<String> reference = referenceSplit(text, referenceEncoding(text));
        assertThat(info.encoding()).isEqualTo(referenceEncoding(text));
        assertThat(info.segmentCount()).isEqualTo(reference.size());
        assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
        assertThat(info.segments()).isEqualTo(reference);
    }

    @Property
    void matchesTheReferenceWhenForcedToUcs2(@ForAll("texts") String text) {
        SegmentInfo info = SegmentCalculator.calculate(text, Encoding.UCS_2);
        assertThat(info.segments()).isEqualTo(referenceSplit(text, Encoding.UCS_2));
        assertThat(info.length()).isEqualTo(text.length());
    }

    @Property
    void gsmTextsMatchTheReference(@ForAll("gsmTexts") String text) {
        SegmentInfo info = SegmentCalculator.calculate(text);
        List<String> reference = referenceSplit(text, Encoding.GSM_7);
        assertThat(info.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(info.segmentCount()).isEqualTo(reference.size());
        assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
        assertThat(info.segments()).isEqualTo(reference);
        assertThat(info.remaining())
                .isEqualTo(info.perSegment() - referenceUnits(reference.get(reference.size() - 1), Encoding.GSM_7));
    }

    @Property
    void gsmLengthEqualsCloudhopperSeptets(@ForAll("gsmTexts") String text) {
        assertThat(SegmentCalculator.calculate(text).length()).isEqualTo(new GSMCharset().encode(text).length);
    }

    @Property
    void nonGsmCharactersAreExactlyTheCodePointsOutsideTheAlphabet(@ForAll("texts") String text) {
        List<Integer> expected = new ArrayList<>();
        text.codePoints()
                .filter(cp -> REFERENCE_BASIC.indexOf(cp) < 0 && REFERENCE_EXTENSION.indexOf(cp) < 0)
                .filter(cp -> !expected.contains(cp))
                .forEach(expected::add);
        assertThat(SegmentCalculator.calculate(text).nonGsmCharacters()).isEqualTo(expected);
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
