package net.mittoapi.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.mittoapi.sms.MittoValidationException;

/** Invariants of the phone-number and sender rules over generated inputs. */
class ValidationProperties {

    @Property
    void everyE164NumberIsAcceptedWithOrWithoutPlusAndSentAsDigits(
            @ForAll @CharRange(from = '1', to = '9') char first,
            @ForAll @NumericChars @StringLength(max = 14) String rest,
            @ForAll boolean plus) {
        String digits = first + rest;
        assertThat(Validation.recipient("to", (plus ? "+" : "") + digits)).isEqualTo(digits);
    }

    @Property
    void aNumberWithAnyOtherCharacterIsRefusedAndQuoted(
            @ForAll @NumericChars @StringLength(min = 1, max = 7) String head,
            @ForAll char other,
            @ForAll @NumericChars @StringLength(max = 7) String tail) {
        if (other >= '0' && other <= '9') {
            return;
        }
        String value = "4" + head + other + tail;
        assertThatThrownBy(() -> Validation.recipient("to", value))
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("to must be")
                .hasMessageEndingWith("got '" + value + "'");
    }

    @Property
    void aNumericSenderIsAcceptedExactlyWhenItHas3To14Digits(
            @ForAll @NumericChars @StringLength(min = 1, max = 20) String digits) {
        if (digits.length() >= 3 && digits.length() <= 14) {
            assertThat(Validation.sender(digits)).isEqualTo(digits);
        } else {
            assertThatThrownBy(() -> Validation.sender(digits)).isInstanceOf(MittoValidationException.class)
                    .hasMessageContaining("3 to 14 digits");
        }
    }
}
