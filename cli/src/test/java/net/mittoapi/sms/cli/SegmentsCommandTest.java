package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code segments}: the answer to "why is this 3 parts?", from an argument or from standard input. */
class SegmentsCommandTest {

    @Test
    void aPlainTextIsOneGsmPart() {
        Cli.Result result = Cli.run("segments", "Hello, World!");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Encoding:  GSM-7: every character is in the GSM 03.38 alphabet")
                .contains("Length:    13 septets")
                .contains("Parts:     1 of up to 160 septets; 147 septets left in the last")
                .contains("  part 1: 13 septets \"Hello, World!\"")
                .contains("As UCS-2 (type=unicode): 1 part, 13 UTF-16 units")
                .contains("GsmNormalizer.normalize: nothing to replace.");
    }

    @Test
    void typographicCharactersAreNamedAndTheNormalizersCostShown() {
        Cli.Result result = Cli.run("segments", "Your “order” ships – thanks!");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Encoding:  UCS-2: 3 characters are not in GSM-7")
                .contains("Length:    28 UTF-16 units")
                .contains("Forced UCS-2 by 3 characters (in order of appearance):\n"
                        + "  '“' U+201C LEFT DOUBLE QUOTATION MARK\n"
                        + "  '”' U+201D RIGHT DOUBLE QUOTATION MARK\n"
                        + "  '–' U+2013 EN DASH\n")
                .endsWith("""
                        GsmNormalizer.normalize would make 3 replacements (at: index in UTF-16 units):
                          at 5: "“" U+201C LEFT DOUBLE QUOTATION MARK → "\\""
                          at 11: "”" U+201D RIGHT DOUBLE QUOTATION MARK → "\\""
                          at 19: "–" U+2013 EN DASH → "-"
                        GsmNormalizer.normalize would send: "Your \\"order\\" ships - thanks!"
                          before: UCS-2, 28 UTF-16 units, 1 part
                          after:  GSM-7, 28 septets, 1 part (no fewer parts)
                        """);
    }

    @Test
    void standardInputIsReadAsUtf8WithoutItsFinalLineBreak() {
        String text = "x".repeat(66) + "👍🏽" + "y".repeat(70);

        Cli.Result result = Cli.run(Map.of(), text + "\n", "segments", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Text:      138 characters")
                .contains("Length:    140 UTF-16 units")
                .contains("Parts:     3 of up to 67 UTF-16 units each")
                .contains("  part 1: 66 UTF-16 units \"" + "x".repeat(66) + "\"\n"
                        + "          1 UTF-16 unit unused: the next part starts with \"👍🏽\" (4 UTF-16 units),"
                        + " which cannot be split")
                .contains("  part 2: 67 UTF-16 units \"👍🏽" + "y".repeat(63) + "\"")
                .contains("  part 3: 7 UTF-16 units \"yyyyyyy\"")
                .contains("  '👍' U+1F44D THUMBS UP SIGN")
                .contains("GsmNormalizer.normalize: nothing to replace; what forces UCS-2 above has no GSM-7"
                        + " equivalent (--transliterate also replaces letters).")
                .doesNotContain("\\n");
    }

    @Test
    void anExtensionCharacterAtAPartBoundaryExplainsTheThirdPart() {
        Cli.Result result = Cli.run(Map.of(), "a".repeat(152) + "€" + "b".repeat(152), "segments", "-");

        assertThat(result.out())
                .contains("Length:    306 septets")
                .contains("Parts:     3 of up to 153 septets each")
                .contains("1 septet unused: the next part starts with \"€\" (2 septets), which cannot be split")
                .contains("Extension characters, 2 septets each (an escape and the character):\n"
                        + "  '€' U+20AC EURO SIGN, 1 time\n")
                .contains("As UCS-2 (type=unicode): 5 parts, 305 UTF-16 units");
    }

    @Test
    void longListsSayHowManyMoreThereAreUnlessAllIsAsked() {
        String cyrillic = IntStream.rangeClosed(0x0430, 0x044F).mapToObj(Character::toString)
                .collect(Collectors.joining());

        Cli.Result shortList = Cli.run("segments", cyrillic);
        Cli.Result full = Cli.run("segments", "--all", cyrillic);

        assertThat(shortList.out()).contains("Forced UCS-2 by 32 characters")
                .contains("  'а' U+0430 CYRILLIC SMALL LETTER A")
                .contains("  'у' U+0443 CYRILLIC SMALL LETTER U")
                .doesNotContain("U+0444")
                .contains("  … and 12 more (--all lists every one)");
        assertThat(full.out()).contains("  'я' U+044F CYRILLIC SMALL LETTER YA").doesNotContain("more (--all");
    }

    @Test
    void invisibleCharactersAreShownAsEscapes() {
        Cli.Result result = Cli.run("segments", "Hi\u200Bthere");

        assertThat(result.out()).contains("  part 1: 8 UTF-16 units \"Hi\\u200Bthere\"")
                .contains("  '\\u200B' U+200B ZERO WIDTH SPACE")
                .endsWith("GsmNormalizer.normalize would make 1 replacement (at: index in UTF-16 units):\n"
                        + "  at 2: \"\\u200B\" U+200B ZERO WIDTH SPACE → removed\n"
                        + "GsmNormalizer.normalize would send: \"Hithere\"\n"
                        + "  before: UCS-2, 8 UTF-16 units, 1 part\n"
                        + "  after:  GSM-7, 7 septets, 1 part (no fewer parts)\n");
    }

    @Test
    void transliterateReplacesLettersTooAndSaysWhatItSaves() {
        String text = "Dzień dobry, Łódź! " + "Zapraszamy na spotkanie. ".repeat(2) + "Ștefan";

        Cli.Result normalized = Cli.run("segments", text);
        Cli.Result transliterated = Cli.run("segments", "--transliterate", text);

        assertThat(normalized.out()).endsWith("GsmNormalizer.normalize: nothing to replace; what forces UCS-2 above"
                + " has no GSM-7 equivalent (--transliterate also replaces letters).\n");
        assertThat(transliterated.exitCode()).isZero();
        assertThat(transliterated.out()).contains("Parts:     2 of up to 67 UTF-16 units each").endsWith("""
                GsmNormalizer.transliterate would make 5 replacements (at: index in UTF-16 units):
                  at 4: "ń" U+0144 LATIN SMALL LETTER N WITH ACUTE → "n"
                  at 13: "Ł" U+0141 LATIN CAPITAL LETTER L WITH STROKE → "L"
                  at 14: "ó" U+00F3 LATIN SMALL LETTER O WITH ACUTE → "o"
                  at 16: "ź" U+017A LATIN SMALL LETTER Z WITH ACUTE → "z"
                  at 69: "Ș" U+0218 LATIN CAPITAL LETTER S WITH COMMA BELOW → "S"
                GsmNormalizer.transliterate would send: "Dzien dobry, Lodz! Zapraszamy na spotkanie. Zapraszamy na \
                spotkanie. Stefan"
                  before: UCS-2, 75 UTF-16 units, 2 parts
                  after:  GSM-7, 75 septets, 1 part (1 part fewer)
                """);
    }

    @Test
    void aDecomposedLetterIsShownWithItsCodePointsAndALongListIsCut() {
        Cli.Result decomposed = Cli.run("segments", "Cafe\u0301");
        Cli.Result many = Cli.run("segments", "‘x’ ".repeat(11));
        Cli.Result all = Cli.run("segments", "--all", "‘x’ ".repeat(11));

        assertThat(decomposed.out()).contains("  at 3: \"e\u0301\" U+0065 U+0301 → \"é\"\n");
        assertThat(many.out()).contains("GsmNormalizer.normalize would make 22 replacements")
                .contains("  at 36: \"‘\" U+2018 LEFT SINGLE QUOTATION MARK → \"'\"\n"
                        + "  at 38: \"’\" U+2019 RIGHT SINGLE QUOTATION MARK → \"'\"\n"
                        + "  … and 2 more (--all lists every one)\n")
                .doesNotContain("at 40:");
        assertThat(all.out()).contains("  at 42: \"’\" U+2019 RIGHT SINGLE QUOTATION MARK → \"'\"\n")
                .doesNotContain("more (--all");
    }

    @Test
    void anEmptyTextIsWhatTheApiRefuses() {
        Cli.Result result = Cli.run(Map.of(), "\n", "segments", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("The text is empty: the API refuses it (responseCode 3, Empty message).");
    }

    @Test
    void moreStandardInputThanTheBoundIsAUsageErrorWithoutAStackTrace() {
        Cli.Result result = Cli.run(Map.of(), "a".repeat(Terminal.MAX_INPUT_BYTES + 1), "segments", "-");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).startsWith("Could not read the text from standard input: standard input is longer"
                + " than 1048576 bytes").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void withoutATextItIsAUsageError() {
        Cli.Result result = Cli.run("segments");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).contains("Missing required parameter: 'TEXT'");
    }
}
