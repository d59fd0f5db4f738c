package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GsmNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
        "‘single’|'single'",
        "“double”|\"double\"",
        "„low“|\"low\"",
        "«guillemets»|\"guillemets\"",
        "‹angle›|<angle>",
        "en – dash|en - dash",
        "em—dash|em-dash",
        "minus −5|minus -5",
        "• bullet|- bullet",
        "wait…|wait...",
        "it`s|it's",
        "Ｆｕｌｌｗｉｄｔｈ！|Fullwidth!",
        "ｆｕｌｌ｀ｑｕｏｔｅ|full'quote",
        "a\u00A0b|a b",
        "a\u2009b\u202Fc\u3000d|a b c d",
        "tab\there|tab here",
        "zero\u200Bwidth\uFEFF|zerowidth",
        "soft\u00ADhyphen|softhyphen",
        "l·l|l.l",
        "1⁄2|1/2",
    })
    void replacesTypographicCharacters(String input, String expected) {
        String normalized = GsmNormalizer.normalize(input);
        assertThat(normalized).isEqualTo(expected);
        assertThat(SegmentCalculator.calculate(normalized).encoding()).isEqualTo(Encoding.GSM_7);
    }

    /**
     * Where the normalizer replaces an entry of Twilio's map differently, as issue 19 asks: one space (not two)
     * for the no-break space, the other Unicode spaces and the C1 controls Twilio lists; one space (not seven)
     * for a tab; {@code ‹ ›} the right way round; a line feed (not a space) for the line and paragraph
     * separators.
     */
    private static final Map<Integer, String> NOT_AS_TWILIO = notAsTwilio();

    private static Map<Integer, String> notAsTwilio() {
        Map<Integer, String> map = new HashMap<>();
        for (int space : new int[] {0x00A0, 0x2000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
            0x200A, 0x202F, 0x205F, 0x3000, 0x0080, 0x008D, 0x0090, 0x009B, 0x009F, 0x0009}) {
            map.put(space, " ");
        }
        map.put(0x2039, "<");
        map.put(0x203A, ">");
        map.put(0x2028, "\n");
        map.put(0x2029, "\n");
        return Map.copyOf(map);
    }

    static Stream<TwilioSmartEncodingMap.Entry> twilioEntries() {
        return TwilioSmartEncodingMap.ENTRIES.stream();
    }

    /** Each of the 270 entries of Twilio's map ({@link TwilioSmartEncodingMap}), alone and between digits. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("twilioEntries")
    void everyEntryOfTwilioMapBecomesGsmWithTwilioReplacement(TwilioSmartEncodingMap.Entry entry) {
        String expected = NOT_AS_TWILIO.getOrDefault(entry.codePoint(), entry.replacement());

        assertThat(GsmNormalizer.normalize(entry.text())).isEqualTo(expected);
        assertThat(GsmNormalizer.normalize("1" + entry.text() + "2")).isEqualTo("1" + expected + "2");
        assertThat(SegmentCalculator.calculate(GsmNormalizer.normalize(entry.text())).encoding())
                .isEqualTo(Encoding.GSM_7);
    }

    @Test
    void theDeviationsFromTwilioAreEntriesOfItsMap() {
        assertThat(twilioEntries().map(TwilioSmartEncodingMap.Entry::codePoint))
                .hasSize(270).doesNotHaveDuplicates().containsAll(NOT_AS_TWILIO.keySet());
    }

    /**
     * Every GSM-7 letter that Unicode decomposes (UnicodeData's canonical decompositions, as
     * {@link Normalizer.Form#NFD} applies them), written decomposed, becomes the GSM-7 letter.
     */
    @Test
    void decomposedGsmLettersAreComposed() {
        List<String> composites = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String letter = String.valueOf((char) c);
            String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
            if (GsmAlphabet.contains(c) && !decomposed.equals(letter)) {
                composites.add(letter);
                assertThat(GsmNormalizer.normalize(decomposed)).as("U+%04X decomposed", c).isEqualTo(letter);
                assertThat(GsmNormalizer.normalize("x" + decomposed + "y")).isEqualTo("x" + letter + "y");
            }
        }
        assertThat(String.join("", composites)).isEqualTo("ÄÅÇÉÑÖÜàäåèéìñòöùü");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Cafe\u0301|Café",
        "Espan\u0303a|España",      // ñ, not n~ (Twilio's map alone would give n~)
        "A\u030Angstro\u0308m|Ångström",
        "C\u0327a|Ça",
        "U\u0308ber|Über",
    })
    void decomposedLettersBecomeTheGsmLetter(String input, String expected) {
        assertThat(GsmNormalizer.normalize(input)).isEqualTo(expected);
    }

    @Test
    void lineAndParagraphSeparatorsBecomeLineFeeds() {
        assertThat(GsmNormalizer.normalize("line\u2028break\u2029next\u0085end"))
                .isEqualTo("line\nbreak\nnext\nend");
    }

    @Test
    void replacementsAreOneForOneWhereAnEquivalentExists() {
        String typographic = "‘’“”«»‹›–—−• \u00A0\u2003";
        assertThat(GsmNormalizer.normalize(typographic)).hasSameSizeAs(typographic);
    }

    @Test
    void leavesLettersAndEmojiAlone() {
        String text = "Merci, ça va? Здравствуй \uD83D\uDE00";
        assertThat(GsmNormalizer.normalize(text)).isEqualTo(text);
    }

    @Test
    void returnsTheSameInstanceWhenNothingChanges() {
        String text = "Hello, World! {€}";
        assertThat(GsmNormalizer.normalize(text)).isSameAs(text);
    }

    @Test
    void keepsWhatFollowsAReplacementIntact() {
        assertThat(GsmNormalizer.normalize("“\uD83D\uDE00” ok")).isEqualTo("\"\uD83D\uDE00\" ok");
    }

    @Test
    void nullIsAValidationError() {
        assertThatThrownBy(() -> GsmNormalizer.normalize(null)).isInstanceOf(MittoValidationException.class);
    }

    private static final Seeds.Pool TYPOGRAPHIC = new Seeds.Pool().add(1, List.of("a", "Z", " ", "1", "€", "[",
            "‘", "’", "“", "”", "–", "—", "…", "«", "»", "•", "\u00A0", "\u2009", "\u200B", "Ａ", "｛", "\t"));

    static LongStream seeds() {
        return Seeds.seeds();
    }

    /** Random typographic texts (1,000 seeds by default; {@code -Dsegments.seed=N} replays one). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void typographicTextBecomesGsm(long seed) {
        Seeds.check(seed, TYPOGRAPHIC.text(new Random(seed), 0, 200), text -> {
            String normalized = GsmNormalizer.normalize(text);
            assertThat(SegmentCalculator.calculate(normalized).encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(GsmNormalizer.normalize(normalized)).isSameAs(normalized);
        });
    }
}
