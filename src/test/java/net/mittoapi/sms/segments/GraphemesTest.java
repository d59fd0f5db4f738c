package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The cheap junction test on cases known by heart: the joins and boundaries it is sure of, and the junctions it
 * leaves to {@code \X}. {@link GraphemesProperties} checks it against {@code \X}, the authority, for every code
 * point.
 */
class GraphemesTest {

    @Test
    void marksJamoAndCrLfCertainlyJoin() {
        assertThat(Graphemes.junction("e\u0301", 1)).isEqualTo(Graphemes.JOIN);
        assertThat(Graphemes.junction("e\u0301\u0302", 2)).isEqualTo(Graphemes.JOIN);
        assertThat(Graphemes.junction("\uD83D\uDC4D\uD83C\uDFFD", 2)).isEqualTo(Graphemes.JOIN); // skin tone
        assertThat(Graphemes.junction("\u1100\u1161", 1)).isEqualTo(Graphemes.JOIN);
        assertThat(Graphemes.junction("\r\n", 1)).isEqualTo(Graphemes.JOIN);
        assertThat(Graphemes.junction("\n\u0301", 1)).isEqualTo(Graphemes.UNKNOWN);  // a control breaks
        assertThat(Graphemes.junction("\u200D\uD83D\uDC68", 1)).isEqualTo(Graphemes.UNKNOWN); // GB11
    }

    @Test
    void plainLettersHangulSyllablesAndAMarkBeforeALetterAreCertainBoundaries() {
        assertThat(Graphemes.isBoundary("ab", 1)).isTrue();
        assertThat(Graphemes.isBoundary("\uD55C\uAD6D", 1)).isTrue();            // 한국: LVT LV
        assertThat(Graphemes.isBoundary("e\u0301x", 2)).isTrue();               // after a mark
        assertThat(Graphemes.isBoundary("\uD83D\uDE00\uD83D\uDE80", 2)).isTrue(); // two plain emoji
        assertThat(Graphemes.isBoundary("\r\n", 1)).isFalse();
        assertThat(Graphemes.isBoundary("e\u0301", 1)).isFalse();
        assertThat(Graphemes.isBoundary("\u1100\u1161", 1)).isFalse();          // L V
        assertThat(Graphemes.isBoundary("\uD83C\uDDE9\uD83C\uDDEA", 2)).isFalse(); // two regional indicators
    }
}
