package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x\u0303|x~",     // a tilde on a letter it composes none with: Twilio's replacement
        "\u0303|~",       // a tilde alone
        "1\u0326|1,",     // a comma below after a digit
        "a\u0332b\u0332|a_b_", // an underline
        "Ｅ\u0301|É",      // a fullwidth E stands for E, which composes É
        "ᴇ\u0301|É",       // as does a small capital E
    })
    void aMarkTwilioReplacesIsReplacedWhereItComposesNoLetter(String input, String expected) {
        assertThat(GsmNormalizer.normalize(input)).isEqualTo(expected);
    }

    /** A mark that composes a letter GSM-7 lacks stays: it is part of a letter, and letters are transliterate's. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\u0303", "a\u0302", "S\u0326tefan", "e\u0302\u0301", "A\u0300", "c\u0327a", "ç\u0332"})
    void aMarkThatComposesALetterGsmLacksStays(String text) {
        assertThat(GsmNormalizer.normalize(text)).isSameAs(text);
    }

    /** Composition is tried on 30 marks at most (UAX #15's Stream-Safe Text Format); a longer run stays. */
    @Test
    void aRunOfMoreThanThirtyMarksIsNotComposed() {
        String thirty = "e" + "\u0301".repeat(30);
        String thirtyOne = "e" + "\u0301".repeat(31);

        assertThat(GsmNormalizer.normalize(thirty)).isEqualTo("é" + "\u0301".repeat(29));
        assertThat(GsmNormalizer.normalize(thirtyOne)).isSameAs(thirtyOne);
        assertThat(GsmNormalizer.normalize("x" + "\u0303".repeat(31))).isEqualTo("x" + "~".repeat(31));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
        "a\u0001b\u0002c\u0007d\u001Be\u007F|abcde",            // C0 controls and DEL: removed
        "soft\u00ADhyp\u2061hen\u2062x\u2063y\u2064|softhyphenxy", // soft hyphen, invisible operators
        "a\u0081b\u0099c\u0080d|a b c d",                         // C1 controls: one space
    })
    void invisibleControlsAreRemovedAndC1ControlsAreSpaces(String input, String expected) {
        assertThat(GsmNormalizer.normalize(input)).isEqualTo(expected);
    }

    @Test
    void lineBreakControlsBecomeLineFeedsAndGsmControlsStay() {
        assertThat(GsmNormalizer.normalize("a\u000Bb\u0085c")).isEqualTo("a\nb\nc"); // vertical tab, NEL
        String gsmControls = "a\fb\rc\nd"; // form feed (extension table), CR and LF (default alphabet)
        assertThat(GsmNormalizer.normalize(gsmControls)).isSameAs(gsmControls);
    }

    /**
     * Characters that Unicode defines as canonically equivalent (UnicodeData's decompositions, as
     * {@link Normalizer.Form#NFC} applies them) normalize alike wherever the result is GSM-7: the ohm sign as the
     * omega, the angstrom sign as {@code Å}. Checks SmartEncoding's hand-written list of singletons against every
     * char of the Basic Multilingual Plane.
     */
    @Test
    void canonicalEquivalentsNormalizeAlikeWhereTheResultIsGsm() {
        List<String> singletons = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String alone = String.valueOf(c);
            String composed = Normalizer.normalize(alone, Normalizer.Form.NFC);
            if (Character.isSurrogate(c) || composed.equals(alone)) {
                continue;
            }
            String expected = GsmNormalizer.normalize(composed);
            if (SegmentCalculator.calculate(expected).encoding() == Encoding.GSM_7) {
                assertThat(GsmNormalizer.normalize(alone)).as("U+%04X", (int) c).isEqualTo(expected);
                singletons.add(String.format("%04X", (int) c));
            }
        }
        assertThat(singletons).contains("2126", "212A", "212B", "037E", "0387", "1FEF", "1FFD", "0343", "0374");
    }

    /**
     * The marks SmartEncoding flags as composing a GSM-7 letter are exactly those whose canonical decomposition
     * holds the mark a GSM-7 letter's decomposition ends with.
     */
    @Test
    void theComposingMarksAreThoseOfGsmLetters() {
        StringBuilder gsmMarks = new StringBuilder();
        for (char c = 0; c < 0x400; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (GsmAlphabet.contains(c) && decomposed.length() == 2) {
                gsmMarks.append(decomposed.charAt(1));
            }
        }
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if ((SmartEncoding.KINDS[c] & SmartEncoding.MARK) == 0) {
                continue;
            }
            boolean composes = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).chars()
                    .anyMatch(m -> gsmMarks.indexOf(String.valueOf((char) m)) >= 0);
            assertThat((SmartEncoding.KINDS[c] & SmartEncoding.COMPOSES) != 0).as("U+%04X", (int) c)
                    .isEqualTo(composes);
        }
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
        assertThatThrownBy(() -> GsmNormalizer.transliterate(null)).isInstanceOf(MittoValidationException.class)
                .hasMessage("text must not be null");
        assertThatThrownBy(() -> GsmNormalizer.explain(null, true)).isInstanceOf(MittoValidationException.class);
    }

    // transliterate

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Łódź|Lodz",                 // issue 19's examples
        "Ștefan|Stefan",             // S with comma below (U+0218)
        "Ştefan|Stefan",             // S with cedilla (U+015E), as often typed
        "û|u",
        "Dvořák|Dvorak",
        "façade|facade",             // GSM-7 has Ç, not ç
        "Ærøskøbing|Ærøskøbing",     // GSM-7 has Æ and ø
        "Œuvre|OEuvre",              // CLDR Latin-ASCII: Œ -> OE
        "Þórr|THorr",                // CLDR Latin-ASCII: Þ -> TH
        "Đorđe|Dorde",               // CLDR Latin-ASCII: Đ -> D, đ -> d
        "İstanbul ılık|Istanbul ilik", // İ decomposes (I + dot above); CLDR: ı -> i
        "straße|straße",             // GSM-7 has ß
        "ǻ Ǘ|å Ü",                   // a GSM-7 letter keeps the marks it has
        "ﬁnal ĳs|final ijs",         // CLDR Latin-ASCII: ligatures
        "Tiếng Việt|Tieng Viet",
        "“Łódź” – ½|\"Lodz\" - 1/2", // normalize first
    })
    void latinLettersBecomeTheirGsmBaseLetter(String input, String expected) {
        String transliterated = GsmNormalizer.transliterate(input);

        assertThat(transliterated).isEqualTo(expected);
        assertThat(SegmentCalculator.calculate(transliterated).encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(GsmNormalizer.transliterate(Normalizer.normalize(input, Normalizer.Form.NFD)))
                .as("decomposed").isEqualTo(expected);
    }

    @Test
    void theLettersGsmHasAreKept() {
        String gsmLetters = "è é ù ì ò Ø ø Å å Ä Ö Ñ Ü ä ö ñ ü à ß Æ æ É Ç ΓΔΘΛΞΠΣΦΨΩ";

        assertThat(GsmNormalizer.transliterate(gsmLetters)).isSameAs(gsmLetters);
    }

    /**
     * Every letter of Latin-1 Supplement, Latin Extended-A and Latin Extended Additional becomes GSM-7, but for
     * U+1E9F (small delta), which neither Unicode's decompositions nor CLDR's Latin-ASCII transform relate to a
     * Latin letter.
     */
    @Test
    void everyLetterOfTheEuropeanLatinBlocksBecomesGsm() {
        List<String> left = new ArrayList<>();
        for (int[] block : new int[][] {{0x00C0, 0x00FF}, {0x0100, 0x017F}, {0x1E00, 0x1EFF}}) {
            for (int c = block[0]; c <= block[1]; c++) {
                String transliterated = GsmNormalizer.transliterate(Character.toString(c));
                if (Character.isLetter(c) && SegmentCalculator.calculate(transliterated).encoding() != Encoding.GSM_7) {
                    left.add(String.format("U+%04X", c));
                }
            }
        }
        assertThat(left).containsExactly("U+1E9F");
    }

    /**
     * Unicode's canonical decompositions (UnicodeData field 5, as {@link Normalizer.Form#NFD} applies them): a
     * Latin letter that decomposes into an ASCII letter and marks becomes that letter, or a GSM-7 letter that
     * decomposes into a start of the same sequence.
     */
    @Test
    void aDecomposableLatinLetterBecomesItsBaseLetter() {
        int checked = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String letter = Character.toString(c);
            String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
            if (GsmAlphabet.contains(c) || decomposed.length() < 2 || decomposed.charAt(0) >= 0x80
                    || !Character.isLetter(decomposed.charAt(0))) {
                continue;
            }
            String transliterated = GsmNormalizer.transliterate(letter);
            String baseLetter = decomposed.substring(0, 1);
            boolean gsmLetterKeepingMarks = transliterated.length() == 1
                    && GsmAlphabet.contains(transliterated.charAt(0))
                    && decomposed.startsWith(Normalizer.normalize(transliterated, Normalizer.Form.NFD));
            assertThat(transliterated.equals(baseLetter) || gsmLetterKeepingMarks)
                    .as("U+%04X -> %s", c, transliterated).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(400); // 471 with Unicode 13 (Java 17)
    }

    /**
     * The Greek capitals that look like Latin capitals become them, as AOSP's SMS 7-bit translation table has it
     * (aosp-mirror/platform_frameworks_base, core/res/res/xml/sms_7bit_translation_table.xml); accented capitals
     * lose the accent; the ten capitals GSM-7 has stay.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ|ABEZHIKMNOPTYX",
        "ΓΔΘΛΞΠΣΦΨΩ|ΓΔΘΛΞΠΣΦΨΩ",
        "ΆΈΉΊΌΎΏΪΫ|AEHIOYΩIY",
        "ΚΑΛΗΜΕΡΑ|KAΛHMEPA",
    })
    void greekCapitalsBecomeGsm(String input, String expected) {
        assertThat(GsmNormalizer.transliterate(input)).isEqualTo(expected);
    }

    /** A capital in a word of small letters is a capital too: it becomes the Latin one, which looks the same. */
    @Test
    void aGreekCapitalIsTransliteratedWhateverFollowsIt() {
        assertThat(GsmNormalizer.transliterate("Καλημέρα, Γιάννη")).isEqualTo("Kαλημέρα, Γιάννη");
    }

    @Test
    void greekTextUppercasedFirstBecomesGsm() {
        String greek = "Καλημέρα σας, το ραντεβού σας είναι αύριο.";

        String transliterated = GsmNormalizer.transliterate(greek.toUpperCase(Locale.forLanguageTag("el")));

        assertThat(transliterated).isEqualTo("KAΛHMEPA ΣAΣ, TO PANTEBOY ΣAΣ EINAI AYPIO.");
        assertThat(SegmentCalculator.calculate(transliterated).encoding()).isEqualTo(Encoding.GSM_7);
    }

    /** Small Greek letters, Cyrillic and other scripts are left alone (why: GsmNormalizer's description). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"καλημέρα", "50 μg, π ≈ 3.14, β-blocker", "Привет, мир", "Ђорђе", "שלום", "你好",
        "\uD83D\uDE00"})
    void smallGreekLettersAndOtherScriptsAreLeftAlone(String text) {
        assertThat(GsmNormalizer.transliterate(text)).isSameAs(text);
    }

    // explain

    @Test
    void explainListsEachReplacementWithItsIndexAndWhatItSaved() {
        String text = "“Hi” – Łódź ☺ x".replace("☺ ", "");

        Normalization normalized = GsmNormalizer.explain(text, false);
        Normalization transliterated = GsmNormalizer.explain(text, true);

        assertThat(normalized.text()).isEqualTo("\"Hi\" - Łódź x");
        assertThat(normalized.replacements()).containsExactly(
                new Replacement(0, "“", "\""), new Replacement(3, "”", "\""), new Replacement(5, "–", "-"));
        assertThat(normalized.after().encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(transliterated.text()).isEqualTo("\"Hi\" - Lodz x");
        assertThat(transliterated.replacements()).containsExactly(
                new Replacement(0, "“", "\""), new Replacement(3, "”", "\""), new Replacement(5, "–", "-"),
                new Replacement(7, "Ł", "L"), new Replacement(8, "ó", "o"), new Replacement(10, "ź", "z"));
        assertThat(transliterated.before().encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(transliterated.after().encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(transliterated.changed()).isTrue();
    }

    @Test
    void explainCountsIndexesInUtf16UnitsAndReplacesAComposedLetterWhole() {
        String text = "\uD83D\uDE00 Cafe\u0301\u200B “x”";

        Normalization explained = GsmNormalizer.explain(text, false);

        assertThat(explained.replacements()).containsExactly(
                new Replacement(6, "e\u0301", "é"), new Replacement(8, "\u200B", ""),
                new Replacement(10, "“", "\""), new Replacement(12, "”", "\""));
        assertThat(explained.text()).isEqualTo("\uD83D\uDE00 Café \"x\"");
    }

    @Test
    void explainSaysWhatTheChangeSavesInParts() {
        String text = "“Your appointment” – Monday, 9:30… don’t be late. ".repeat(3);

        Normalization explained = GsmNormalizer.explain(text, false);

        assertThat(explained.before().encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(explained.before().segmentCount()).isEqualTo(3);
        assertThat(explained.after().encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(explained.after().segmentCount()).isEqualTo(1);
        assertThat(explained.partsSaved()).isEqualTo(2);
    }

    @Test
    void explainOfATextThatNeedsNothingHasNoReplacements() {
        String text = "Hello, World! {€}";

        Normalization explained = GsmNormalizer.explain(text, true);

        assertThat(explained.text()).isSameAs(text);
        assertThat(explained.replacements()).isEmpty();
        assertThat(explained.changed()).isFalse();
        assertThat(explained.partsSaved()).isZero();
        assertThat(explained.after()).isSameAs(explained.before());
    }
}
