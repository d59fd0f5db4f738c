package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two records of {@link GsmNormalizer#explain}: {@link Normalization} and {@link Replacement}. */
class NormalizationTest {

    @Test
    void replacementsAreCopiedAndUnmodifiable() {
        List<Replacement> replacements = new ArrayList<>(List.of(new Replacement(0, "“", "\"")));
        SegmentInfo before = SegmentCalculator.calculate("“");
        SegmentInfo after = SegmentCalculator.calculate("\"");

        Normalization normalization = new Normalization("“", "\"", replacements, before, after);
        replacements.clear();

        assertThat(normalization.replacements()).containsExactly(new Replacement(0, "“", "\""));
        assertThatThrownBy(() -> normalization.replacements().add(new Replacement(1, "x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(normalization.changed()).isTrue();
        assertThat(normalization.partsSaved()).isZero();
    }

    @Test
    void aReplacementReplacesSomethingAtAnIndexThatExists() {
        Replacement removal = new Replacement(3, "\u200B", "");

        assertThat(removal.end()).isEqualTo(4);
        assertThatThrownBy(() -> new Replacement(-1, "x", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index must be at least 0, got -1");
        assertThatThrownBy(() -> new Replacement(0, "", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("original must not be empty");
        assertThatThrownBy(() -> new Replacement(0, "x", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("replacement == null");
        assertThatThrownBy(() -> new Normalization("x", null, List.of(), SegmentCalculator.calculate("x"),
                SegmentCalculator.calculate("x"))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRecordShowsItsParts() {
        assertThat(new Replacement(5, "–", "-")).hasToString("Replacement[index=5, original=–, replacement=-]");
    }
}
