package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentCalculatorTest {

    /** The seed's long example, 529 characters of GSM-7 text. */
    static final String SEED_LONG_TEXT = "Due to the limitations of GSM/PDU standard, the body text of an SMS"
            + " message cannot be longer than 160 characters (70 characters if the text is Unicode format)."
            + " MITTO's SMS API overcomes this limitations by splitting larger messages into several smaller"
            + " messages, each of which conforms to that standards. This operation is automatic and you don't"
            + " have to do anything when making the API request the process is triggered automatically when"
            + " the text entered in body of the SMS (the body parameter of the request) exceeds the limit.";

    private static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 units
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧, 8 units

    static Stream<Arguments> boundaries() {
        return Stream.of(
                // name, text, encoding, length, parts, part lengths in units
                row("160 GSM chars fill one part", "a".repeat(160), Encoding.GSM_7, 160, List.of(160)),
                row("161 GSM chars take two", "a".repeat(161), Encoding.GSM_7, 161, List.of(153, 8)),
                row("306 GSM chars fill two parts", "a".repeat(306), Encoding.GSM_7, 306, List.of(153, 153)),
                row("307 GSM chars take three", "a".repeat(307), Encoding.GSM_7, 307, List.of(153, 153, 1)),
                row("459 GSM chars fill three parts", "a".repeat(459), Encoding.GSM_7, 459,
                        List.of(153, 153, 153)),
                row("460 GSM chars take four", "a".repeat(460), Encoding.GSM_7, 460,
                        List.of(153, 153, 153, 1)),
                row("70 UCS-2 units fill one part", "Ж".repeat(70), Encoding.UCS_2, 70, List.of(70)),
                row("71 UCS-2 units take two", "Ж".repeat(71), Encoding.UCS_2, 71, List.of(67, 4)),
                row("134 UCS-2 units fill two parts", "Ж".repeat(134), Encoding.UCS_2, 134, List.of(67, 67)),
                row("135 UCS-2 units take three", "Ж".repeat(135), Encoding.UCS_2, 135, List.of(67, 67, 1)),
                // An extension character costs two septets.
                row("€ at position 158 still fits one part", "a".repeat(157) + "€" + "aa", Encoding.GSM_7, 161,
                        List.of(153, 8)),
                row("€ at position 158, 159 septets", "a".repeat(157) + "€", Encoding.GSM_7, 159, List.of(159)),
                row("€ at position 159 makes 160 septets", "a".repeat(158) + "€", Encoding.GSM_7, 160,
                        List.of(160)),
                row("€ at position 160 makes 161 septets", "a".repeat(159) + "€", Encoding.GSM_7, 161,
                        List.of(153, 8)),
                row("€ straddling 152/153 moves whole", "a".repeat(152) + "€" + "a".repeat(10), Encoding.GSM_7,
                        164, List.of(152, 12)),
                row("€ straddling makes 306 septets three parts, not ceil(306/153) = 2",
                        "a".repeat(152) + "€" + "a".repeat(152), Encoding.GSM_7, 306, List.of(152, 153, 1)),
                row("€ ending at 153 stays", "a".repeat(151) + "€" + "a".repeat(10), Encoding.GSM_7, 163,
                        List.of(153, 10)),
                row("[ straddling the second boundary", "a".repeat(153 + 152) + "[" + "a", Encoding.GSM_7,
                        308, List.of(153, 152, 3)),
                row("35 emoji fill one part", EMOJI.repeat(35), Encoding.UCS_2, 70, List.of(70)),
                row("36 emoji take two parts of 66 and 6", EMOJI.repeat(36), Encoding.UCS_2, 72,
                        List.of(66, 6)),
                row("emoji straddling 66/67 moves whole", "Ж".repeat(66) + EMOJI + "Ж".repeat(10), Encoding.UCS_2,
                        78, List.of(66, 12)),
                row("emoji ending at 67 stays", "Ж".repeat(65) + EMOJI + "Ж".repeat(10), Encoding.UCS_2, 77,
                        List.of(67, 10)),
                row("ZWJ family after 65 letters moves whole", "Ж".repeat(65) + FAMILY, Encoding.UCS_2, 73,
                        List.of(65, 8)),
                row("flag straddling 67 moves whole", "Ж".repeat(65) + "\uD83C\uDDE9\uD83C\uDDEA" + "ЖЖЖ",
                        Encoding.UCS_2, 72, List.of(65, 7)),
                row("combining accent stays with its letter", "Ж".repeat(66) + "e\u0301" + "Ж".repeat(5),
                        Encoding.UCS_2, 73, List.of(66, 7)),
                row("CR LF stays together in GSM-7", "a".repeat(152) + "\r\n" + "a".repeat(10), Encoding.GSM_7,
                        164, List.of(152, 12)),
                row("Ç is GSM-7", "Ça va", Encoding.GSM_7, 5, List.of(5)),
                row("ç is not GSM-7", "ça va", Encoding.UCS_2, 5, List.of(5)),
                row("seed long text: 4 GSM-7 parts", SEED_LONG_TEXT, Encoding.GSM_7, 529,
                        List.of(153, 153, 153, 70)),
                row("empty text", "", Encoding.GSM_7, 0, List.of(0)));
    }

    private static Arguments row(String name, String text, Encoding encoding, int length, List<Integer> parts) {
        return Arguments.of(name, text, encoding, length, parts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void splitsAtTheRightPlaces(String name, String text, Encoding encoding, int length, List<Integer> partUnits) {
        SegmentInfo info = SegmentCalculator.calculate(text);

        assertThat(info.encoding()).isEqualTo(encoding);
        assertThat(info.length()).isEqualTo(length);
        assertThat(info.segmentCount()).isEqualTo(partUnits.size());
        assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(partUnits.size());
        assertThat(info.segments()).extracting(part -> units(part, encoding)).isEqualTo(partUnits);
        assertThat(String.join("", info.segments())).isEqualTo(text);
        assertThat(info.remaining()).isEqualTo(info.perSegment() - partUnits.get(partUnits.size() - 1));
    }

    @Test
    void perSegmentIsTheSinglePartLimitForOnePartAndTheConcatenatedLimitOtherwise() {
        assertThat(SegmentCalculator.calculate("a".repeat(160)).perSegment()).isEqualTo(160);
        assertThat(SegmentCalculator.calculate("a".repeat(161)).perSegment()).isEqualTo(153);
        assertThat(SegmentCalculator.calculate("Ж".repeat(70)).perSegment()).isEqualTo(70);
        assertThat(SegmentCalculator.calculate("Ж".repeat(71)).perSegment()).isEqualTo(67);
    }

    @Test
    void emptyTextIsOneEmptyGsmPart() {
        SegmentInfo info = SegmentCalculator.calculate("");
        assertThat(info.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(info.segmentCount()).isEqualTo(1);
        assertThat(info.length()).isZero();
        assertThat(info.remaining()).isEqualTo(160);
        assertThat(info.segments()).containsExactly("");
        assertThat(info.nonGsmCharacters()).isEmpty();
    }

    @Test
    void nullTextIsAValidationError() {
        assertThatThrownBy(() -> SegmentCalculator.calculate(null))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("text must not be null");
        assertThatThrownBy(() -> SegmentCalculator.segmentCount(null))
                .isInstanceOf(MittoValidationException.class);
        assertThatThrownBy(() -> SegmentCalculator.calculate(null, Encoding.UCS_2))
                .isInstanceOf(MittoValidationException.class);
        assertThatThrownBy(() -> SegmentCalculator.calculate("a", null))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("encoding must not be null");
    }

    @Test
    void seedLongTextForcedToUcs2TakesEightParts() {
        SegmentInfo info = SegmentCalculator.calculate(SEED_LONG_TEXT, Encoding.UCS_2);
        assertThat(info.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(info.length()).isEqualTo(529);
        assertThat(info.segmentCount()).isEqualTo(8);
        assertThat(info.perSegment()).isEqualTo(67);
        assertThat(info.remaining()).isEqualTo(8 * 67 - 529);
        assertThat(info.nonGsmCharacters()).isEmpty();
    }

    @Test
    void forcingUcs2CountsExtensionCharactersAsOneUnit() {
        SegmentInfo info = SegmentCalculator.calculate("{€}", Encoding.UCS_2);
        assertThat(info.length()).isEqualTo(3);
        assertThat(SegmentCalculator.calculate("{€}").length()).isEqualTo(6);
    }

    @Test
    void forcingGsm7OnAGsmTextIsTheAutomaticChoice() {
        assertThat(SegmentCalculator.calculate("Hello, World!", Encoding.GSM_7))
                .isEqualTo(SegmentCalculator.calculate("Hello, World!"));
    }

    @Test
    void forcingGsm7OnANonGsmTextNamesTheCharacter() {
        assertThatThrownBy(() -> SegmentCalculator.calculate("Merci, ça va", Encoding.GSM_7))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageContaining("'ç' (U+00E7) at index 7");
    }

    @Test
    void nonGsmCharactersAreListedInOrderOfFirstAppearanceWithoutRepeats() {
        SegmentInfo info = SegmentCalculator.calculate("Здравствуй, Мир! ça`" + EMOJI + "З" + EMOJI);
        assertThat(info.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(info.nonGsmCharacters()).containsExactly(
                (int) 'З', (int) 'д', (int) 'р', (int) 'а', (int) 'в', (int) 'с', (int) 'т', (int) 'у',
                (int) 'й', (int) 'М', (int) 'и', (int) 'ç', (int) '`', 0x1F600);
    }

    @Test
    void aClusterLongerThanAPartIsSplitBetweenCodePoints() {
        String zalgo = "e" + "\u0301".repeat(100); // one grapheme cluster of 101 units
        SegmentInfo info = SegmentCalculator.calculate("ЖЖ" + zalgo);
        assertThat(info.segments()).extracting(String::length).containsExactly(67, 36);
        assertThat(String.join("", info.segments())).isEqualTo("ЖЖ" + zalgo);
    }

    @Test
    void afterAnOversizedClusterTheNextClusterStillMovesWhole() {
        String zalgo = "e" + "\u0301".repeat(70);                // 71 units: longer than a part
        String text = zalgo + "Ж".repeat(62) + FAMILY + "Ж";      // the family straddles the second boundary
        SegmentInfo info = SegmentCalculator.calculate(text);
        assertThat(info.segments()).extracting(String::length).containsExactly(67, 66, 9);
        assertThat(info.segments().get(2)).startsWith(FAMILY);
    }

    @Test
    void anOddRunOfRegionalIndicatorsPairsFromTheStart() {
        String ri = "\uD83C\uDDE9"; // one regional indicator, 2 units
        String text = "Ж".repeat(64) + ri.repeat(3) + "Ж".repeat(10); // flag + lone indicator straddle 67
        SegmentInfo info = SegmentCalculator.calculate(text);
        assertThat(info.segments()).extracting(String::length).containsExactly(64, 16);
    }

    @Test
    void aLongRunOfFlagsNeverSplitsAFlag() {
        String flags = "\uD83C\uDDE9\uD83C\uDDEA".repeat(20); // 20 flags of 4 units: 80 units
        SegmentInfo info = SegmentCalculator.calculate(flags);
        assertThat(info.segments()).extracting(String::length).containsExactly(64, 16);
    }

    /**
     * One grapheme cluster as long as a whole text (issue 8): splitting it was quadratic, 7 to 25 s for
     * 200k chars, because every part boundary inside it matched the cluster again from its start. The
     * split must be linear: these take milliseconds. The parts are checked against the reference split.
     */
    static Stream<Arguments> enormousClusters() {
        return Stream.of(
                Arguments.of("a + 200k combining acute accents", "a" + "\u0301".repeat(200_000)),
                Arguments.of("a heart + 200k variation selectors", "\u2764" + "\uFE0F".repeat(200_000)),
                Arguments.of("a ZWJ chain of 70k men", "\uD83D\uDC68\u200D".repeat(70_000) + "\uD83D\uDC68"),
                Arguments.of("200k Hangul jamo, L then V then T",
                        "\u1100".repeat(70_000) + "\u1161".repeat(70_000) + "\u11A8".repeat(60_000)),
                Arguments.of("200k emoji skin-tone modifiers", "\uD83D\uDC4D" + "\uD83C\uDFFD".repeat(100_000)),
                Arguments.of("1M combining marks between plain text",
                        "Ж".repeat(100) + "e" + "\u0301".repeat(1_000_000) + "Ж".repeat(100)),
                Arguments.of("a million chars of clusters longer than a part, one after another",
                        ("Ж" + "\u0301".repeat(99)).repeat(10_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enormousClusters")
    void anEnormousClusterIsSplitInLinearTime(String name, String text) {
        SegmentInfo info = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            SegmentInfo calculated = SegmentCalculator.calculate(text);
            SegmentCalculator.segmentCount(text);
            calculated.segments();
            return calculated;
        }, () -> name + ": the split is not linear in the text's length");
        List<String> reference = SegmentCalculatorProperties.referenceSplit(text, Encoding.UCS_2);
        assertThat(info.segmentCount()).isEqualTo(reference.size());
        assertThat(SegmentCalculator.segmentCount(text)).isEqualTo(reference.size());
        assertThat(info.segments()).isEqualTo(reference);
        assertThat(info.remaining()).isEqualTo(67 - reference.get(reference.size() - 1).length());
    }

    @Test
    void toStringSummarises() {
        assertThat(SegmentCalculator.calculate(SEED_LONG_TEXT))
                .hasToString("SegmentInfo[GSM_7, 529 units, 4 parts of 153, 83 remaining]");
    }

    static int units(String part, Encoding encoding) {
        if (encoding == Encoding.UCS_2) {
            return part.length();
        }
        return part.codePoints().map(GsmAlphabet::septets).sum();
    }
}
