package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of {@link GsmNormalizer} over random texts mixing GSM-7, typography, letters GSM-7 lacks (Latin,
 * Greek, Cyrillic), combining marks (alone, composing, replaced, in runs longer than composition is tried on),
 * controls, emoji and surrogates; checked against a reference implementation written from the rules of
 * {@link GsmNormalizer}'s description, without its shortcuts (it asks {@link Normalizer} about every cluster).
 * Each property runs over {@link Seeds#seeds()} (1,000 seeds by default); a failure names its seed and text,
 * and {@code -Dsegments.seed=N} replays it. Also: random typographic texts always become GSM-7, and enormous
 * texts (a million marks in the order that makes composing them quadratic) are normalized in linear time.
 */
class GsmNormalizerProperties {

    private static final List<String> MARKS = chars("\u0300\u0301\u0302\u0303\u0308\u030A\u0327\u0332\u0326\u0338"
            + "\u0340\u0341\u0343\u0344\u0307\u0323\u0316\u0345\u20DD\u20D2\u1DCD\uFE0F\u093E\u0313");

    private static final Seeds.Pool TEXT = new Seeds.Pool()
            .add(30, chars("aAeEnNoOuUcCxyz0129 .,!?@£$¥èéùìòÇØøÅåÄÖÑÜäöñüàßÆæÉΔΣΩ{}[]~^|\\€\n\r"))
            .add(12, chars("‘’“”„‚«»‹›–—−•…·½\u00A0\u2009\u3000\u2028\t\u200B\u00AD\uFEFF\u0000\u0010\u001B\u0085\u0090"
                    + "\u2126\u212B\u037E\u1FEF`´ＡＥｅ！ᴀʀɪǃ˝ʻ"))
            .add(10, MARKS)
            .add(2, List.of("\u0301".repeat(29), "\u0301".repeat(31), "\u0302".repeat(40), "\u0316\u0301".repeat(20),
                    "\u0332".repeat(35)))
            .add(10, chars("ŁłĐđŒœÞþıĳŉſçâêîôûãõëïÿáíóúýÀÈÌÒÙĄąĘęŚśŹźŻżȘșȚțĞğŞşǻǗǕṍếệ"))
            .add(6, chars("ΑΒΓΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΏΪαβγάώϊ"))
            .add(4, chars("АБВГДЕЁЖЗИЙабвгдеёжзий"))
            .add(3, List.of("\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83C\uDDE9\uD83C\uDDEA", "\uD83D",
                    "\uDE00", "\uD835\uDC00", "\uD834\uDD67"));

    static LongStream seeds() {
        return Seeds.seeds();
    }

    static String text(long seed) {
        return TEXT.text(new Random(seed), 0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void normalizeFollowsTheRules(long seed) {
        Seeds.check(seed, text(seed), text -> {
            String normalized = GsmNormalizer.normalize(text);
            assertThat(normalized).isEqualTo(referenceNormalize(text));
            if (normalized.equals(text)) {
                assertThat(normalized).isSameAs(text);
            }
            assertThat(GsmNormalizer.normalize(normalized)).as("idempotent").isEqualTo(normalized);
        });
    }

    /**
     * {@code normalize} never turns one letter into another: the letters outside ASCII that it has no
     * replacement for (all but small capitals, fullwidth forms and the few modifier letters of Twilio's map)
     * come out the same and in the same order, compared decomposed so that a composed {@code é} counts as
     * the {@code e} and mark it was.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void normalizeNeverTurnsOneLetterIntoAnother(long seed) {
        Seeds.check(seed, text(seed), text -> assertThat(letters(GsmNormalizer.normalize(text)))
                .isEqualTo(letters(text)));
    }

    private static final Seeds.Pool TYPOGRAPHIC = new Seeds.Pool().add(1, List.of("a", "Z", " ", "1", "€", "[",
            "‘", "’", "“", "”", "–", "—", "…", "«", "»", "•", "\u00A0", "\u2009", "\u200B", "Ａ", "｛", "\t"));

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

    private static List<String> letters(String text) {
        List<String> letters = new ArrayList<>();
        Normalizer.normalize(text, Normalizer.Form.NFD).codePoints()
                .filter(cp -> cp >= 0x80 && Character.isLetter(cp) && SmartEncoding.replacement(cp) == null)
                .forEach(cp -> letters.add(Character.toString(cp)));
        return letters;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void transliterateIsNormalizeThenLetters(long seed) {
        Seeds.check(seed, text(seed), text -> {
            String transliterated = GsmNormalizer.transliterate(text);
            assertThat(transliterated).isEqualTo(referenceTransliterate(referenceNormalize(text)));
            if (transliterated.equals(text)) {
                assertThat(transliterated).isSameAs(text);
            }
            assertThat(GsmNormalizer.transliterate(transliterated)).as("idempotent").isEqualTo(transliterated);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void explainSaysWhatChangedAndItsReplacementsRebuildTheText(long seed) {
        Seeds.check(seed, text(seed), text -> {
            for (boolean transliterate : new boolean[] {false, true}) {
                Normalization explained = GsmNormalizer.explain(text, transliterate);
                String expected = transliterate ? GsmNormalizer.transliterate(text) : GsmNormalizer.normalize(text);

                assertThat(explained.original()).isSameAs(text);
                assertThat(explained.text()).isEqualTo(expected);
                assertThat(apply(text, explained.replacements())).isEqualTo(expected);
                assertThat(explained.changed()).isEqualTo(!expected.equals(text));
                assertThat(explained.before()).isEqualTo(SegmentCalculator.calculate(text));
                assertThat(explained.after()).isEqualTo(SegmentCalculator.calculate(expected));
            }
        });
    }

    /**
     * Applies replacements to a text, checking that each names what is at its index, that they come in text
     * order and that none overlaps the one before.
     */
    static String apply(String text, List<Replacement> replacements) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Replacement replacement : replacements) {
            assertThat(replacement.index()).as("in text order, not overlapping").isGreaterThanOrEqualTo(copied);
            assertThat(text.substring(replacement.index(), replacement.end())).isEqualTo(replacement.original());
            assertThat(replacement.replacement()).isNotEqualTo(replacement.original());
            out.append(text, copied, replacement.index()).append(replacement.replacement());
            copied = replacement.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    // The reference: GsmNormalizer's rules, cluster by cluster, with Normalizer asked every time.

    /** {@code normalize} as GsmNormalizer's description states it. */
    static String referenceNormalize(String text) {
        StringBuilder out = new StringBuilder();
        for (int[] cluster : clusters(text)) {
            out.append(normalizeCluster(text, cluster[0], cluster[1], cluster[2]));
        }
        return out.toString();
    }

    private static String normalizeCluster(String text, int start, int baseEnd, int end) {
        String original = text.substring(start, end);
        String marks = text.substring(baseEnd, end);
        if (start == baseEnd) {
            return eachMark(marks);
        }
        int base = text.codePointAt(start);
        String baseReplacement = SmartEncoding.replacement(base);
        if (marks.isEmpty()) {
            return baseReplacement != null ? baseReplacement : original;
        }
        int letter = baseReplacement != null && baseReplacement.length() == 1 ? baseReplacement.charAt(0) : base;
        if (marks.length() <= 30) {
            String composed = Normalizer.normalize(Character.toString(letter) + marks, Normalizer.Form.NFC);
            int first = composed.codePointAt(0);
            if (first != letter) {
                String head = GsmAlphabet.contains(first) ? Character.toString(first)
                        : SmartEncoding.replacement(first);
                if (head == null) {
                    return Character.toString(letter) + marks;
                }
                return head + eachMark(composed.substring(Character.charCount(first)));
            }
        }
        if (GsmAlphabet.contains(letter)) {
            return Character.toString(letter) + eachMark(marks);
        }
        if (baseReplacement != null) {
            boolean allReplaced = marks.chars().allMatch(m -> SmartEncoding.replacement(m) != null);
            return baseReplacement.isEmpty() && !allReplaced ? original : baseReplacement + eachMark(marks);
        }
        return original;
    }

    private static String eachMark(String marks) {
        StringBuilder out = new StringBuilder();
        marks.chars().forEach(m -> {
            String replacement = SmartEncoding.replacement(m);
            out.append(replacement != null ? replacement : String.valueOf((char) m));
        });
        return out.toString();
    }

    /** Transliteration's step after {@code normalize}, as GsmNormalizer's description states it. */
    static String referenceTransliterate(String normalized) {
        StringBuilder out = new StringBuilder();
        for (int[] cluster : clusters(normalized)) {
            String original = normalized.substring(cluster[0], cluster[2]);
            if (cluster[0] == cluster[1]) {
                out.append(original);
                continue;
            }
            int base = normalized.codePointAt(cluster[0]);
            boolean hasMarks = cluster[2] > cluster[1];
            boolean latin = Character.isLetter(base)
                    && Character.UnicodeScript.of(base) == Character.UnicodeScript.LATIN;
            boolean greekCapital = Character.UnicodeScript.of(base) == Character.UnicodeScript.GREEK
                    && (Character.isUpperCase(base) || Character.isTitleCase(base));
            if (!(latin || greekCapital) || !hasMarks && GsmAlphabet.contains(base)) {
                out.append(original);
                continue;
            }
            int letter = hasMarks && cluster[2] - cluster[1] <= 30
                    ? Normalizer.normalize(original, Normalizer.Form.NFC).codePointAt(0) : base;
            String replacement = GsmAlphabet.contains(letter) ? Character.toString(letter) : Transliteration.of(letter);
            out.append(replacement != null ? replacement : original);
        }
        return out.toString();
    }

    /**
     * A text's clusters, {@code {start, baseEnd, end}}: a code point and the combining marks of the Basic
     * Multilingual Plane (Mn, Mc, Me) after it; marks at the very start form a cluster without a base.
     */
    static List<int[]> clusters(String text) {
        List<int[]> clusters = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int baseEnd = i;
            if (i > 0 || !isMark(text.charAt(0))) {
                baseEnd = i + Character.charCount(text.codePointAt(i));
            }
            int end = baseEnd;
            while (end < text.length() && isMark(text.charAt(end))) {
                end++;
            }
            clusters.add(new int[] {i, baseEnd, end});
            i = end;
        }
        return clusters;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static List<String> chars(String s) {
        List<String> chars = new ArrayList<>();
        s.codePoints().forEach(cp -> chars.add(Character.toString(cp)));
        return chars;
    }

    // cost

    static Stream<Arguments> enormousTexts() {
        String adversarial = "\u0301".repeat(500_000) + "\u0316".repeat(500_000); // reordering them is quadratic
        return Stream.of(
                Arguments.of("a letter and 1M marks in reverse canonical order", "x" + adversarial, "x"),
                Arguments.of("a Latin letter GSM-7 lacks and 1M marks", "ł" + adversarial, "l"),
                Arguments.of("1M marks without a letter", adversarial, adversarial),
                Arguments.of("a letter and 1M tildes", "a" + "\u0303".repeat(1_000_000), "a" + "~".repeat(1_000_000)),
                Arguments.of("500k decomposed é", "e\u0301".repeat(500_000), "é".repeat(500_000)),
                Arguments.of("1M quotes", "“".repeat(1_000_000), "\"".repeat(1_000_000)));
    }

    /**
     * Texts that a normalizer composing whole runs of marks would take minutes on (JDK's NFC reorders a run
     * of marks in quadratic time): each takes well under the bound.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("enormousTexts")
    void enormousTextsAreNormalizedInLinearTime(String name, String text, String transliterated) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            String normalized = GsmNormalizer.normalize(text);
            // compared with equals, not isEqualTo, so that a failure does not print a megabyte
            assertThat(GsmNormalizer.transliterate(text).equals(transliterated)).as("transliterated").isTrue();
            assertThat(GsmNormalizer.explain(text, false).text().equals(normalized)).as("explained").isTrue();
            assertThat(GsmNormalizer.explain(text, true).text().equals(transliterated)).as("explained").isTrue();
        }, () -> name + ": not linear in the text's length");
    }
}
