package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
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
