package net.mittoapi.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import net.mittoapi.sms.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written body writer against Jackson's generator: {@link Codec} writes every message body byte for
 * byte as Jackson writes it, whichever writer it takes, on seeded random messages (the seed and the message in
 * every failure message).
 */
class AsciiJsonTest {

    private static final Codec CODEC = Codec.of(net.mittoapi.sms.Format.JSON);

    @Test
    void aPrintableAsciiBodyIsWrittenByHandAsJacksonWritesIt() {
        MessageFields.Draft<String> draft = MessageFields.single();
        draft.from = "MITTO SMS";
        draft.to = "491725551234";
        draft.text = "say \"hi\" \\ back ~!@#$%^&*()_+{}|:<>?`-=[];',./";
        draft.reference = "r\"1";
        draft.validity = 0;
        draft.pid = 64;
        draft.test = true;
        draft.flash = true;
        MessageFields<String> fields = draft.build();

        AsciiJson measured = AsciiJson.measure().string("text", fields.text());
        assertThat(measured.fits()).isTrue();
        assertThat(text(CODEC.encodeSms(fields))).isEqualTo(text(Codec.encodeMessageWithJackson(fields, fields.to(), "auto")))
                .isEqualTo("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"say \\\"hi\\\" \\\\ back"
                        + " ~!@#$%^&*()_+{}|:<>?`-=[];',./\",\"type\":\"auto\",\"test\":true,\"reference\":\"r\\\"1\","
                        + "\"validity\":0,\"pid\":64,\"flash\":true}");
    }

    @Test
    void anythingButPrintableAsciiIsLeftToJackson() {
        for (String text : new String[] {"tab\there", "line\nfeed", "del\u007f", "ü", "€", "😀", "\u0000", "\u2028"}) {
            assertThat(AsciiJson.measure().string("text", text).fits()).as(text).isFalse();
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 12).map(i -> 0xA5C11L * 1_000 + i * 7_907);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @SuppressWarnings("unchecked") // fields is a MessageFields<List<String>> exactly when bulk is true
    void everyBodyIsWhatJacksonWrites(long seed) {
        Random random = new Random(seed);
        int byHand = 0;
        int messages = 3_000;
        for (int i = 0; i < messages; i++) {
            boolean bulk = random.nextInt(4) == 0;
            MessageFields<?> fields = bulk ? bulk(random) : single(random);
            String to = bulk ? String.join(",", ((MessageFields<List<String>>) fields).to()) : (String) fields.to();
            String type = Codec.wireType(fields.type().orElse(MessageType.AUTO));
            String expected = outcome(() -> Codec.encodeMessageWithJackson(fields, to, type));
            String actual = outcome(() -> bulk ? CODEC.encodeBulk((MessageFields<List<String>>) fields)
                    : CODEC.encodeSms((MessageFields<String>) fields));

            assertThat(actual).as("seed %d, message %d: %s", seed, i, fields).isEqualTo(expected);
            byHand += fields.text().chars().allMatch(c -> c >= 0x20 && c <= 0x7e) ? 1 : 0;
        }
        assertThat(byHand).as("seed %d: bodies of printable ASCII", seed).isBetween(messages / 5, messages * 4 / 5);
    }

    private static MessageFields<String> single(Random r) {
        MessageFields.Draft<String> draft = MessageFields.single();
        fill(draft, r);
        draft.to = "49" + (1_000_000 + r.nextInt(9_000_000));
        return draft.build();
    }

    private static MessageFields<List<String>> bulk(Random r) {
        MessageFields.Draft<List<String>> draft = MessageFields.bulk();
        fill(draft, r);
        draft.to = List.of("4917" + r.nextInt(1_000_000), "4918" + r.nextInt(1_000_000));
        return draft.build();
    }

    private static void fill(MessageFields.Draft<?> draft, Random r) {
        draft.from = r.nextBoolean() ? "MITTO SMS" : "+49172" + r.nextInt(100_000);
        draft.text = text(r, 1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 40));
        draft.type = r.nextInt(3) == 0 ? MessageType.values()[r.nextInt(MessageType.values().length)] : null;
        draft.test = r.nextBoolean();
        draft.reference = r.nextInt(3) == 0 ? text(r, r.nextInt(20)) : null;
        draft.callback = r.nextInt(4) == 0 ? "https://example.com/dlr?id=~msgid~&q=\"" + r.nextInt(100) : null;
        draft.udh = r.nextInt(6) == 0 ? "050003cc0201" : null;
        draft.validity = r.nextInt(4) == 0 ? r.nextInt(10_000) : null;
        draft.pid = r.nextInt(6) == 0 ? r.nextInt(128) : null;
        draft.flash = r.nextInt(5) == 0;
    }

    /** Mostly printable ASCII with quotes and backslashes; now and then a character only Jackson may write. */
    private static String text(Random r, int length) {
        boolean ascii = r.nextBoolean();
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(ascii ? 20 : 8);
            switch (kind) {
                case 0 -> s.append(r.nextBoolean() ? '"' : '\\');
                case 1 -> s.append(ascii ? (char) (0x20 + r.nextInt(0x5f)) : (char) r.nextInt(0x20));
                case 2 -> s.append(ascii ? '/' : "\u007fü€😀\u2028\u00a0".charAt(r.nextInt(6)));
                case 3 -> s.append(ascii ? ' ' : "😀");
                default -> s.append((char) (0x20 + r.nextInt(0x5f)));
            }
        }
        return s.toString();
    }

    /** The body as hex (byte for byte), or the failure. */
    private static String outcome(java.util.function.Supplier<byte[]> write) {
        try {
            return java.util.HexFormat.of().formatHex(write.get()) + " (" + text(write.get()) + ")";
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
