package net.mittoapi.sms.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.GsmAlphabet;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the phone-number, sender, callback, user-data-header and maxParts rules over generated inputs: seeded
 * generators in plain JUnit 5. Each property runs {@value #CASES} cases for each of {@value #SEEDS} seeds
 * (1,000 cases, as many as the property-testing library these replaced tried). Every failure names its seed
 * and case; {@code -Dmitto.seed=<seed>} replays that seed alone, {@code -Dmitto.seed=random} explores new ones.
 */
class ValidationProperties {

    static final int SEEDS = 10;
    static final int CASES = 100;
    private static final long FIRST_SEED = 0x5EED_7A11_DA7EL;

    /** The seeds to run: ten fixed ones, the one given by {@code -Dmitto.seed}, or ten random ones. */
    static LongStream seeds() {
        String given = System.getProperty("mitto.seed");
        if (given == null || given.isBlank()) {
            return LongStream.range(0, SEEDS).map(i -> FIRST_SEED + i);
        }
        if (given.equals("random")) {
            return new SplittableRandom().longs(SEEDS);
        }
        return LongStream.of(Long.decode(given.strip()));
    }

    /** Runs {@value #CASES} cases of one seed, each failure labelled with the seed and the case number. */
    private static void forAll(long seed, Consumer<SplittableRandom> property) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            try {
                property.accept(random);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", case " + i + " (replay: -Dmitto.seed=" + seed + "): "
                        + e.getMessage(), e);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyE164NumberIsAcceptedWithOrWithoutPlusAndSentAsDigits(long seed) {
        forAll(seed, random -> {
            String digits = (char) ('1' + random.nextInt(9)) + digits(random, random.nextInt(15));
            String given = (random.nextBoolean() ? "+" : "") + digits;
            assertThat(Validation.recipient("to", given)).as(given).isEqualTo(digits);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aNumberWithAnyOtherCharacterIsRefusedAndQuoted(long seed) {
        forAll(seed, random -> {
            char other;
            do {
                other = (char) random.nextInt(Character.MAX_VALUE + 1);
            } while (other >= '0' && other <= '9');
            String value = "4" + digits(random, 1 + random.nextInt(7)) + other + digits(random, random.nextInt(8));
            assertThatThrownBy(() -> Validation.recipient("to", value)).as(value)
                    .isInstanceOf(MittoValidationException.class)
                    .hasMessageStartingWith("to must be")
                    .hasMessageEndingWith("got " + Validation.show(value));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aNumericSenderGoesOutAsGivenExactlyWhenItHasAtMost15Digits(long seed) {
        forAll(seed, random -> {
            String sender = (random.nextBoolean() ? "+" : "") + digits(random, 1 + random.nextInt(20));
            int digits = sender.replace("+", "").length();
            if (digits <= 15) {
                assertThat(Validation.sender(sender)).as(sender).isEqualTo(sender);
            } else {
                assertThatThrownBy(() -> Validation.sender(sender)).as(sender)
                        .isInstanceOf(MittoValidationException.class).hasMessageContaining("at most 15 digits");
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anAlphanumericSenderOfGsmCharactersGoesOutAsGivenExactlyWhenItFitsElevenSeptets(long seed) {
        forAll(seed, random -> {
            StringBuilder sender = new StringBuilder("A"); // a letter, so that it is never a numeric sender
            int septets = 1;
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                int codePoint = gsmCharacter(random);
                sender.appendCodePoint(codePoint);
                septets += GsmAlphabet.septets(codePoint);
            }
            String value = sender.toString();
            if (septets <= 11) {
                assertThat(Validation.sender(value)).as(value).isEqualTo(value);
            } else {
                assertThatThrownBy(() -> Validation.sender(value)).as(value)
                        .isInstanceOf(MittoValidationException.class)
                        .hasMessageContaining("at most 11 GSM-7 septets").hasMessageContaining("it has " + septets);
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSenderWithACharacterOutsideGsm7IsRefusedNamingIt(long seed) {
        forAll(seed, random -> {
            int other;
            do {
                other = random.nextInt(0x1F000);
            } while (GsmAlphabet.contains(other) || Character.isSurrogate((char) other) && other <= 0xFFFF);
            StringBuilder sender = new StringBuilder("Shop");
            sender.insert(random.nextInt(sender.length() + 1), Character.toString(other));
            String value = sender.toString();
            String named = String.format("(U+%04X)", other);
            assertThatThrownBy(() -> Validation.sender(value)).as(value)
                    .isInstanceOf(MittoValidationException.class).hasMessageContaining(named);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aCallbackWithAHostAndNoSpaceOrControlCharacterIsKeptWhateverItsPlaceholders(long seed) {
        String[] placeholders = {"<msgid>", "$msgid$", "~msgid~", "{id}", "~mcc~~mnc~", "%7E", "[x]", "|", "^", "\""};
        forAll(seed, random -> {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "HTTP://");
            url.append(random.nextBoolean() ? "127.0.0.1" : "hooks.example.com");
            url.append(random.nextBoolean() ? ":8080" : "");
            int pieces = random.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                url.append(random.nextBoolean() ? "/" : random.nextBoolean() ? "?a=" : "&b=");
                url.append(placeholders[random.nextInt(placeholders.length)]);
            }
            String good = url.toString();
            assertThat(Validation.callback(good)).as(good).isEqualTo(good);

            char[] bad = {' ', '\t', '\n', '\r', '\u0000', '\u007F', '\u0085', '\u00A0', '\u2028', '\u3000'};
            String broken = new StringBuilder(good)
                    .insert(1 + random.nextInt(good.length()), bad[random.nextInt(bad.length)]).toString();
            assertThatThrownBy(() -> Validation.callback(broken)).as(broken)
                    .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("callback must be");
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aUdhIsKeptExactlyWhenItIsWholeOctetsOfHexWithinOneSms(long seed) {
        String hex = "0123456789abcdefABCDEF";
        forAll(seed, random -> {
            int length = random.nextInt(300);
            StringBuilder udh = new StringBuilder();
            for (int i = 0; i < length; i++) {
                udh.append(hex.charAt(random.nextInt(hex.length())));
            }
            boolean other = random.nextInt(4) == 0 && length > 0;
            if (other) {
                String others = "gxzG -\u0660";
                udh.setCharAt(random.nextInt(length), others.charAt(random.nextInt(others.length())));
            }
            String value = udh.toString();
            if (!other && length > 0 && length % 2 == 0 && length <= 280) {
                assertThat(Validation.udh(value)).as(value).isEqualTo(value);
            } else {
                assertThatThrownBy(() -> Validation.udh(value)).as(value)
                        .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("udh must be");
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void maxPartsAcceptsATextExactlyWhenTheCalculatorsSplitHasNoMorePartsThanTheCap(long seed) {
        MessageType[] types = {null, MessageType.AUTO, MessageType.UNICODE, MessageType.GSM};
        forAll(seed, random -> {
            boolean gsmOnly = random.nextBoolean();
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(360);
            while (text.length() < length) {
                text.appendCodePoint(gsmOnly ? gsmCharacter(random) : anyCharacter(random));
            }
            String value = text.toString();
            MessageType type = types[random.nextInt(types.length)];
            int cap = 1 + random.nextInt(5);
            SegmentInfo info = type == MessageType.UNICODE ? SegmentCalculator.calculate(value, Encoding.UCS_2)
                    : SegmentCalculator.calculate(value);
            // The split builds the parts; the check counts them without building any.
            int parts = info.segments().size();

            if (type == MessageType.GSM && info.encoding() != Encoding.GSM_7) {
                assertThatThrownBy(() -> Validation.maxParts(cap, value, type)).as(value)
                        .isInstanceOf(MittoValidationException.class)
                        .hasMessageStartingWith("text cannot be counted against maxParts " + cap + " as type GSM");
            } else if (parts <= cap) {
                assertThat(Validation.maxParts(cap, value, type)).as(value).isEqualTo(cap);
            } else {
                assertThatThrownBy(() -> Validation.maxParts(cap, value, type)).as(value)
                        .isInstanceOf(MittoValidationException.class)
                        .hasMessageStartingWith("text needs " + parts + " parts as "
                                + (info.encoding() == Encoding.GSM_7 ? "GSM-7 (" : "UCS-2 (") + info.length())
                        .hasMessageContaining("more than maxParts " + cap);
            }
        });
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** Mostly GSM-7, with Cyrillic, an emoji (a surrogate pair), a combining accent and a curly quote now and then. */
    private static int anyCharacter(SplittableRandom random) {
        int[] others = {'ж', 0x1F600, 0x0301, 0x2019, '€'};
        return random.nextInt(4) == 0 ? others[random.nextInt(others.length)] : gsmCharacter(random);
    }

    /** A character of the GSM 7-bit alphabet, its extension table included, drawn from the BMP. */
    private static int gsmCharacter(SplittableRandom random) {
        int codePoint;
        do {
            codePoint = random.nextInt(0x400);
        } while (!GsmAlphabet.contains(codePoint));
        return random.nextInt(50) == 0 ? '€' : codePoint;
    }
}
