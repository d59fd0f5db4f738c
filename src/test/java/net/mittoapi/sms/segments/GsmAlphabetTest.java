package net.mittoapi.sms.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudhopper.commons.charset.GSMCharset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GsmAlphabetTest {

    @ParameterizedTest(name = "U+{0} costs {1} septets")
    @CsvSource({
        // the traps of table 6.2.1
        "00C7, 1",  // Ç is position 0x09
        "00E7, 0",  // ç is not GSM
        "0060, 0",  // backtick is not GSM
        "00A4, 1",  // ¤ is position 0x24
        "0024, 1",  // $ is position 0x02
        "001B, 0",  // ESC is the escape, not a character
        "0394, 1",  // Greek capital delta
        "03B4, 0",  // Greek small delta is not GSM
        "000A, 1", "000D, 1", "0040, 1", "00A7, 1", "00BF, 1", "00E0, 1",
        // table 6.2.1.1: the extension characters cost two
        "000C, 2", "005E, 2", "007B, 2", "007D, 2", "005C, 2", "005B, 2", "007E, 2", "005D, 2", "007C, 2",
        "20AC, 2",
        // outside both tables
        "0009, 0", "00A0, 0", "2019, 0", "1F600, 0",
    })
    void septetsFollowTheTables(String hex, int septets) {
        int codePoint = Integer.parseInt(hex, 16);
        assertThat(GsmAlphabet.septets(codePoint)).isEqualTo(septets);
        assertThat(GsmAlphabet.contains(codePoint)).isEqualTo(septets > 0);
        assertThat(GsmAlphabet.isExtension(codePoint)).isEqualTo(septets == 2);
    }

    @Test
    void agreesWithCloudhopperOnEveryBmpCharacter() {
        int basic = 0;
        int extension = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = String.valueOf(c);
            boolean cloudhopper = GSMCharset.canRepresent(s);
            assertThat(GsmAlphabet.contains(c)).as("U+%04X", (int) c).isEqualTo(cloudhopper);
            if (cloudhopper) {
                int septets = new GSMCharset().encode(s).length;
                assertThat(GsmAlphabet.septets(c)).as("septets of U+%04X", (int) c).isEqualTo(septets);
                if (septets == 1) {
                    basic++;
                } else {
                    extension++;
                }
            }
        }
        assertThat(basic).isEqualTo(127);
        assertThat(extension).isEqualTo(10);
    }
}
