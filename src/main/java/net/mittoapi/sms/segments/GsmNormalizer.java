package net.mittoapi.sms.segments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import net.mittoapi.sms.MittoValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Replaces characters that have a GSM-7 equivalent, so that a text written in a word processor or pasted
 * from the web keeps to GSM-7 (160 characters a part) instead of silently falling into UCS-2 (70 a part)
 * because of one curly quote; and, on request, letters too.
 *
 * <pre>{@code
 * GsmNormalizer.normalize("“Hello” – it’s 5 pm…");   // "\"Hello\" - it's 5 pm..."
 * GsmNormalizer.normalize("Cafe\u0301");              // "Café": the decomposed é composed, and GSM-7 has é
 * GsmNormalizer.transliterate("Łódź, Ștefan");        // "Lodz, Stefan": opt-in, since it changes words
 * Normalization n = GsmNormalizer.explain(text, false);
 * n.replacements();                                   // what changed, where
 * n.before().segmentCount(); n.after().segmentCount(); // and what it saved
 * }</pre>
 *
 * <h2>{@link #normalize}: typography, never a letter</h2>
 * <ul>
 *   <li><b>Every entry of Twilio's smart-encoding map</b> (TwilioDevEd/message-segment-calculator,
 *       {@code src/libs/SmartEncodingMap.ts}: 270 characters) becomes Twilio's replacement: quotes and
 *       apostrophes, ornament quotes, dashes, fullwidth and small forms, Latin letter small capitals
 *       ({@code ᴀ → A}), ornament asterisks and parentheses, fractions ({@code ½ → 1/2}), the combining overlays
 *       and marks it lists ({@code U+0332 → _}), and so on. Except where Twilio's replacement is a quirk: a
 *       no-break or other Unicode space becomes one space (Twilio: two), a tab one space (Twilio: seven),
 *       {@code ‹ ›} become {@code < >} (Twilio swaps them), the line and paragraph separators a line feed
 *       (Twilio: a space).</li>
 *   <li><b>More than Twilio's map</b>: primes, more dashes, bullets, the middle dot and the dot leaders; the
 *       other fullwidth forms; characters that Unicode defines as canonically another one in GSM-7 (the ohm,
 *       kelvin and angstrom signs are {@code Ω K Å}, the Greek question mark a semicolon). Invisible controls
 *       are removed (the C0 controls but tab, line feed, form feed and carriage return; {@code DEL}; the
 *       zero-width space, word joiner, byte-order mark, soft hyphen and invisible operators); a C1 control
 *       becomes a space, as Twilio's map has it for five of them, but NEL, a line break, which becomes a
 *       line feed (as does the vertical tab).</li>
 *   <li><b>Decomposed letters composed</b> where GSM-7 has the composed letter: {@code e}+U+0301 becomes
 *       {@code é}, {@code n}+U+0303 becomes {@code ñ} (not {@code n~}), {@code A}+U+030A {@code Å}: composition
 *       is Unicode's (NFC, {@link Normalizer}). A mark Twilio's map replaces ({@code U+0302 → ^},
 *       {@code U+0303 → ~}, ...) is replaced only where it composes no letter with the character before
 *       it: {@code x}+U+0303 becomes {@code x~}, but {@code a}+U+0303 stays {@code ã}, a letter GSM-7
 *       lacks and that is left as it is (that is {@link #transliterate}'s business).</li>
 * </ul>
 * It never turns one letter into another: {@code ç}, {@code ł}, Greek small letters, Cyrillic and emoji are
 * left as they are, and {@link SegmentInfo#nonGsmCharacters()} still names what keeps a text in UCS-2. (What
 * Unicode calls letters among Twilio's entries are forms of the character they become: fullwidth and
 * small-capital letters, and modifier letters and a click that look like punctuation, {@code ʼ ˈ ː ǃ}.) The
 * tables and their sources are those of {@link SmartEncoding}.
 *
 * <h2>{@link #transliterate}: letters too, when cheap matters more than exact</h2>
 * {@code normalize} first, then every Latin letter outside GSM-7 becomes its GSM-7 base letter: {@code Łódź
 * → Lodz}, {@code Ștefan → Stefan}, {@code û → u}, {@code Œ → OE}, {@code ǻ → å}. The letters GSM-7 has are
 * kept, accents and all: {@code è é ù ì ò Ø ø Å å Ä Ö Ñ Ü ä ö ñ ü à ß Æ æ É Ç}, so German, Swedish, Finnish,
 * Danish and Norwegian lose nothing, nor Italian in small letters, while Spanish, French and Portuguese lose
 * the accents GSM-7 lacks ({@code á í ó ú}, {@code â ê î ô û}, {@code ã õ}; {@code ç} becomes {@code c}: GSM-7
 * has only the capital). Combining marks after a Latin letter are dropped with it. The
 * tables and their sources (Unicode's decompositions, CLDR's Latin-ASCII transform) are those of
 * {@link Transliteration}.
 * <ul>
 *   <li><b>Greek capitals</b>: GSM-7 carries the ten that look like no Latin letter ({@code Γ Δ Θ Λ Ξ Π Σ Φ
 *       Ψ Ω}), so Greek can be written in capitals with Latin letters for the other fourteen. So
 *       {@code Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ} become {@code A B E Z H I K M N O P T Y X}, which look the same,
 *       and accented capitals lose the accent ({@code Ά → A}, {@code Ώ → Ω}), as Android does when a carrier
 *       forces GSM-7. Greek text in capitals thus becomes GSM-7 entirely; a capital starting a word in small
 *       letters becomes the Latin one too (it looks the same, and the word stays UCS-2). Small Greek letters
 *       are left alone: making them capitals would change what the reader sees, and inside Latin text, where
 *       they are symbols, their meaning ({@code 50 μg} is not {@code 50 Mg}). For Greek text, uppercase it
 *       first: {@code transliterate(text.toUpperCase(Locale.forLanguageTag("el")))}.</li>
 *   <li><b>Cyrillic, and every other script</b>, are left alone. Most Cyrillic letters have no GSM-7 letter
 *       or look-alike ({@code Б Г Д Ж З И Л П Ф Ц Ч Ш Щ Ы Э Ю Я}), so a Cyrillic text stays UCS-2 whatever is
 *       done to its look-alikes, which would only leave it in mixed scripts; and a Latin transliteration
 *       depends on the language ({@code х} is {@code kh}, {@code h} or {@code x}; Serbian has its own Latin
 *       alphabet), which a general-purpose SDK cannot choose for the sender.</li>
 * </ul>
 *
 * <h2>{@link #explain}: what changed, and what it saved</h2>
 * A {@link Normalization}: the text before and after, each {@link Replacement} (its index in the original
 * in UTF-16 units, what it replaced and by what, in text order) and the {@link SegmentInfo} of both texts.
 * Applying the replacements to the original gives the result, which is exactly what {@code normalize} (or
 * {@code transliterate}) returns.
 *
 * <h2>Cost</h2>
 * Linear in the text's length, whatever the text. The scan reads each char once with one table lookup
 * ({@link SmartEncoding}) and looks closer only at a char the table flags: one with a replacement, a
 * combining mark, or (transliterating) a letter it replaces. A text in which nothing changes is returned
 * as the same instance, and scanning it allocates nothing, unless it holds a run of combining marks that
 * Unicode's composition must decide (such as {@code ã} written decomposed). Composition is tried on at
 * most 30 marks after a letter ({@link SmartEncoding#MAX_COMPOSED_MARKS}, Unicode's Stream-Safe Text
 * Format); a longer run is not composed, so a megabyte of marks costs what a megabyte of letters does.
 * Methods are static and thread-safe.
 */
public final class GsmNormalizer {

    private GsmNormalizer() {
    }

    /**
     * Replaces typographic characters by GSM-7 equivalents and composes decomposed GSM-7 letters; never
     * changes a letter into another.
     *
     * @param text the text to normalize
     * @return the normalized text; the same instance when nothing was replaced
     * @throws MittoValidationException if {@code text} is {@code null}
     */
    public static String normalize(String text) {
        return run(checked(text), SmartEncoding.KINDS, false, null);
    }

    /**
     * {@link #normalize Normalizes}, then replaces Latin letters outside GSM-7 by their GSM-7 base letter
     * (and Greek capitals that look like Latin ones by those): {@code Łódź → Lodz}. Opt-in, since it
     * changes words; see the class description for what it does with other scripts, and why.
     *
     * @param text the text to transliterate
     * @return the transliterated text; the same instance when nothing was replaced
     * @throws MittoValidationException if {@code text} is {@code null}
     */
    public static String transliterate(String text) {
        return run(checked(text), Transliteration.KINDS, true, null);
    }

    /**
     * Says what {@link #normalize} (or {@link #transliterate}) does to a text, and what that saves.
     *
     * @param text          the text
     * @param transliterate {@code true} for what {@link #transliterate} does, {@code false} for
     *                      {@link #normalize}
     * @return the text before and after, the replacements in text order, and the {@link SegmentInfo} of both
     * @throws MittoValidationException if {@code text} is {@code null}
     */
    public static Normalization explain(String text, boolean transliterate) {
        List<Replacement> replacements = new ArrayList<>();
        String result = run(checked(text), transliterate ? Transliteration.KINDS : SmartEncoding.KINDS,
                transliterate, replacements);
        SegmentInfo before = SegmentCalculator.calculate(text);
        SegmentInfo after = result == text ? before : SegmentCalculator.calculate(result);
        return new Normalization(text, result, replacements, before, after);
    }

    private static String checked(String text) {
        if (text == null) {
            throw new MittoValidationException("text must not be null");
        }
        return text;
    }

    /**
     * The scan. A char whose kind has none of {@link SmartEncoding#TRIGGERS} is passed over ({@link #next}).
     * Any other is looked at with the combining marks that follow it, or, if it is a mark itself, with the
     * character before it, which the scan passed over and so is unchanged and not yet copied out.
     */
    private static String run(String text, byte[] kinds, boolean transliterate, @Nullable List<Replacement> record) {
        Output output = null;
        int n = text.length();
        int i = 0;
        while ((i = next(text, kinds, i, n)) < n) {
            char c = text.charAt(i);
            int kind = kinds[c];
            int start = i;
            int baseEnd = i + 1; // c is no surrogate: surrogates have no kind
            if ((kind & SmartEncoding.MARK) != 0) {
                baseEnd = i;
                if (i > 0) {
                    start = i >= 2 && Character.isLowSurrogate(text.charAt(i - 1))
                            && Character.isHighSurrogate(text.charAt(i - 2)) ? i - 2 : i - 1;
                }
            }
            int end = baseEnd;
            int markKinds = 0; // the kinds of the marks, or-ed: one pass over a run of marks, however long
            for (int k; end < n && ((k = SmartEncoding.KINDS[text.charAt(end)]) & SmartEncoding.MARK) != 0; end++) {
                markKinds |= k;
            }
            String result;
            if (end == baseEnd) {
                result = SmartEncoding.replacement(c);
                if (result == null && transliterate) {
                    result = Transliteration.of(c);
                }
            } else {
                result = cluster(text, start, baseEnd, end, markKinds);
                if (transliterate) {
                    String transliterated = result == null ? Transliteration.apply(text, start, end)
                            : Transliteration.apply(result, 0, result.length());
                    if (transliterated != null) {
                        result = transliterated;
                    }
                }
            }
            if (result != null) {
                if (output == null) {
                    output = new Output(text, record);
                }
                output.replace(start, baseEnd, end, result);
            }
            i = end;
        }
        return output == null ? text : output.finish();
    }

    /**
     * @return the index of the first char from {@code from} on whose kind has one of
     *         {@link SmartEncoding#TRIGGERS}, or {@code n}: the hot loop, one table lookup a char, kept apart from
     *         what is done at such a char so that it compiles to a tight loop whatever the text
     */
    private static int next(String text, byte[] kinds, int from, int n) {
        for (int i = from; i < n; i++) {
            if ((kinds[text.charAt(i)] & SmartEncoding.TRIGGERS) != 0) {
                return i;
            }
        }
        return n;
    }

    /**
     * @return the end of the run of combining marks (of the Basic Multilingual Plane) that starts at {@code i},
     *         at most {@code limit}
     */
    static int marksEnd(String text, int i, int limit) {
        int end = i;
        while (end < limit && (SmartEncoding.KINDS[text.charAt(end)] & SmartEncoding.MARK) != 0) {
            end++;
        }
        return end;
    }

    /**
     * What {@code normalize} makes of a character and the combining marks after it: {@code [start, baseEnd)}
     * the character (empty when the text starts with marks), {@code [baseEnd, end)} one or more marks.
     *
     * <ol>
     *   <li>A base the table replaces by one character stands for that character (a fullwidth or
     *       small-capital letter is its ASCII letter).</li>
     *   <li>If Unicode composes the base with some of the marks (NFC, on at most
     *       {@link SmartEncoding#MAX_COMPOSED_MARKS} marks) into a character GSM-7 has (or the table
     *       replaces), that character, then the marks left over, each replaced or kept. If it composes a
     *       letter GSM-7 lacks, the cluster is left as it is: it is a letter.</li>
     *   <li>Otherwise the base is kept (if in GSM-7) or replaced, then each mark replaced or kept, in order. A
     *       base that is neither (a letter GSM-7 lacks) keeps its marks as they are; so does a base the table
     *       removes, unless every mark is replaced, since removing it would put its marks on the character
     *       before.</li>
     * </ol>
     *
     * @param markKinds the {@link SmartEncoding#KINDS} of the marks, or-ed together
     * @return the replacement, or {@code null} when the cluster stays as it is
     */
    private static @Nullable String cluster(String text, int start, int baseEnd, int end, int markKinds) {
        boolean replacedMark = (markKinds & SmartEncoding.MAPPED) != 0;
        boolean composingMark = (markKinds & SmartEncoding.COMPOSES) != 0;
        if (start == baseEnd) {
            return replacedMark ? marks(text, baseEnd, end, new StringBuilder()).toString() : null;
        }
        int base = text.codePointAt(start);
        String baseReplacement = SmartEncoding.replacement(base);
        if (!replacedMark && !composingMark && baseReplacement == null) {
            return null; // nothing to compose, nothing to replace
        }
        int marks = end - baseEnd;
        if (marks == 1 && !replacedMark && baseReplacement == null && base <= Character.MAX_VALUE
                && SmartEncoding.composesAlone(text.charAt(baseEnd))) {
            char letter = SmartEncoding.composedGsmLetter((char) base, text.charAt(baseEnd));
            return letter == 0 ? null : String.valueOf(letter); // 0: a letter GSM-7 lacks, or no letter
        }
        int letter = baseReplacement != null && baseReplacement.length() == 1 ? baseReplacement.charAt(0) : base;
        if (marks <= SmartEncoding.MAX_COMPOSED_MARKS) {
            String composed = Normalizer.normalize(
                    new StringBuilder(marks + 2).appendCodePoint(letter).append(text, baseEnd, end),
                    Normalizer.Form.NFC);
            int first = composed.codePointAt(0);
            if (first != letter) {
                String kept = GsmAlphabet.contains(first) ? Character.toString(first)
                        : SmartEncoding.replacement(first);
                if (kept == null) { // a letter GSM-7 lacks, left as it is (but as its base letter stands for)
                    return letter == base ? null : Character.toString(letter) + text.substring(baseEnd, end);
                }
                return marks(composed, Character.charCount(first), composed.length(), new StringBuilder(kept))
                        .toString();
            }
        }
        if (baseReplacement == null && !replacedMark) {
            return null; // nothing composed, nothing replaced (and nothing built: a long run of marks is common)
        }
        String head;
        if (GsmAlphabet.contains(letter)) {
            head = Character.toString(letter);
        } else if (baseReplacement != null) {
            if (baseReplacement.isEmpty() && !allReplaced(text, baseEnd, end)) {
                return null;
            }
            head = baseReplacement;
        } else {
            return null;
        }
        return marks(text, baseEnd, end, new StringBuilder(head)).toString();
    }

    /** Appends the marks {@code [from, to)} of {@code text}, each replaced if the table replaces it. */
    private static StringBuilder marks(String text, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            char mark = text.charAt(j);
            String replacement = SmartEncoding.replacement(mark);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.append(mark);
            }
        }
        return out;
    }

    private static boolean allReplaced(String text, int from, int to) {
        for (int j = from; j < to; j++) {
            if ((SmartEncoding.KINDS[text.charAt(j)] & SmartEncoding.MAPPED) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The text being rebuilt, created at the first change; and the replacements, when they are asked for. */
    private static final class Output {
        private final String text;
        private final StringBuilder out;
        private final @Nullable List<Replacement> record;
        private int copied;

        Output(String text, @Nullable List<Replacement> record) {
            this.text = text;
            this.out = new StringBuilder(text.length() + 16);
            this.record = record;
        }

        /** Replaces the cluster {@code [start, end)}, whose base is {@code [start, baseEnd)}. */
        void replace(int start, int baseEnd, int end, String result) {
            out.append(text, copied, start).append(result);
            copied = end;
            if (record != null) {
                record(record, start, baseEnd, end, result);
            }
        }

        /**
         * One replacement per character where the result is the characters replaced one by one; one for the
         * whole cluster where it is more (a composition, a transliteration).
         */
        private void record(List<Replacement> into, int start, int baseEnd, int end, String result) {
            StringBuilder oneByOne = new StringBuilder();
            if (start < baseEnd) {
                String base = SmartEncoding.replacement(text.codePointAt(start));
                oneByOne.append(base != null ? base : text.substring(start, baseEnd));
            }
            if (!marks(text, baseEnd, end, oneByOne).toString().equals(result)) {
                into.add(new Replacement(start, text.substring(start, end), result));
                return;
            }
            for (int j = start; j < end; j = j < baseEnd ? baseEnd : j + 1) {
                int next = j < baseEnd ? baseEnd : j + 1;
                String replacement = SmartEncoding.replacement(text.codePointAt(j));
                if (replacement != null) {
                    into.add(new Replacement(j, text.substring(j, next), replacement));
                }
            }
        }

        String finish() {
            return out.append(text, copied, text.length()).toString();
        }
    }
}
