package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body's bytes to text: the declared charset, else a byte order mark, else UTF-8; nothing replaced. */
class BodyTextTest {

    private static final String TEXT = "{\"Reference\":\"Café 😀\"}";

    private static byte[] bom(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void theDeclaredCharsetWins() throws Exception {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, Charset.forName("UTF-32")}) {
            assertThat(BodyText.decode(TEXT.getBytes(charset), charset)).as(charset.name()).isEqualTo(TEXT);
        }
        assertThat(BodyText.decode("Café".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
                .isEqualTo("Café");
    }

    @Test
    void withoutOneAByteOrderMarkDecidesElseUtf8() throws Exception {
        assertThat(BodyText.decode(TEXT.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(TEXT);
        assertThat(BodyText.decode(concat(bom(0xEF, 0xBB, 0xBF), TEXT.getBytes(StandardCharsets.UTF_8)), null))
                .isEqualTo(TEXT);
        assertThat(BodyText.decode(concat(bom(0xFE, 0xFF), TEXT.getBytes(StandardCharsets.UTF_16BE)), null))
                .isEqualTo(TEXT);
        assertThat(BodyText.decode(concat(bom(0xFF, 0xFE), TEXT.getBytes(StandardCharsets.UTF_16LE)), null))
                .isEqualTo(TEXT);
        assertThat(BodyText.decode(concat(bom(0xEF, 0xBB, 0xBF), TEXT.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).as("a declared UTF-8 with a byte order mark").isEqualTo(TEXT);
        assertThat(BodyText.decode(new byte[0], null)).isEmpty();
        assertThat(BodyText.decode(new byte[0], StandardCharsets.UTF_16)).isEmpty();
    }

    @Test
    void bytesNotValidInTheCharsetAreRefusedAtTheirOffset() {
        assertThatThrownBy(() -> BodyText.decode("{\"a\":\"Café\"}".getBytes(StandardCharsets.ISO_8859_1), null))
                .isInstanceOfSatisfying(BodyText.Malformed.class, e -> {
                    assertThat(e.charset()).isEqualTo(StandardCharsets.UTF_8);
                    assertThat(e.offset()).isEqualTo(9);
                });
        assertThatThrownBy(() -> BodyText.decode(bom(0x41, 0xC3), StandardCharsets.UTF_8)).as("truncated at the end")
                .isInstanceOfSatisfying(BodyText.Malformed.class, e -> assertThat(e.offset()).isEqualTo(1));
        assertThatThrownBy(() -> BodyText.decode(bom(0xED, 0xA0, 0x80), StandardCharsets.UTF_8)).as("a surrogate")
                .isInstanceOf(BodyText.Malformed.class);
        assertThatThrownBy(() -> BodyText.decode(bom(0x00, 0x41, 0xD8, 0x00, 0x00, 0x41), StandardCharsets.UTF_16BE))
                .as("a lone surrogate").isInstanceOfSatisfying(BodyText.Malformed.class,
                        e -> assertThat(e.offset()).isEqualTo(2));
        assertThatThrownBy(() -> BodyText.decode(bom(0x41, 0x80), StandardCharsets.US_ASCII))
                .isInstanceOfSatisfying(BodyText.Malformed.class, e -> assertThat(e.charset().name()).isEqualTo("US-ASCII"));
    }
}
