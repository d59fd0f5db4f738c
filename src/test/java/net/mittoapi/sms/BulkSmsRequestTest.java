package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recipient list of {@link BulkSmsRequest}; the other fields follow {@link SmsRequestTest}'s rules. */
class BulkSmsRequestTest {

    private static BulkSmsRequest.Builder valid() {
        return BulkSmsRequest.builder().from("Mitto SMS").text("Hello, World 123!");
    }

    @Test
    void recipientsAreNormalisedAndKeptInOrderWithDuplicates() {
        BulkSmsRequest request = valid().to("491765410994", "+491765410995", "491765410994").build();
        assertThat(request.to()).containsExactly("491765410994", "491765410995", "491765410994");
    }

    @Test
    void theListIsCopiedAndUnmodifiable() {
        List<String> numbers = new ArrayList<>(List.of("491765410994"));
        BulkSmsRequest.Builder builder = valid().to(numbers);
        numbers.add("not a number");
        BulkSmsRequest request = builder.build();

        assertThat(request.to()).containsExactly("491765410994");
        assertThatThrownBy(() -> request.to().add("491765410995")).isInstanceOf(UnsupportedOperationException.class);

        String[] array = {"491765410994"};
        BulkSmsRequest.Builder fromArray = valid().to(array);
        array[0] = "bad";
        assertThat(fromArray.build().to()).containsExactly("491765410994");
    }

    @Test
    void anEmptyOrMissingListIsRefused() {
        assertThatThrownBy(() -> valid().build()).isInstanceOf(MittoValidationException.class)
                .hasMessage("to must be a non-empty list of E.164 numbers; got null");
        assertThatThrownBy(() -> valid().to(List.of()).build()).isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("to must be a non-empty list");
        assertThatThrownBy(() -> valid().to().build()).isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("to must be a non-empty list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 176 5410995", "", "49176541099x", "0176541099", "1234567890123456"})
    void eachEntryIsCheckedAndNamedByItsIndex(String bad) {
        assertThatThrownBy(() -> valid().to(Arrays.asList("491765410994", bad)).build())
                .isInstanceOf(MittoValidationException.class)
                .hasMessageStartingWith("to[1] must be")
                .hasMessageContaining("E.164")
                .hasMessageEndingWith("got '" + bad + "'");
    }

    @Test
    void aNullEntryIsRefused() {
        assertThatThrownBy(() -> valid().to(Arrays.asList("491765410994", null)).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("to[1] must be set");
    }

    @Test
    void theSharedRulesApplyToo() {
        assertThatThrownBy(() -> valid().to("491765410994").from(" ").build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("from must be");
        assertThatThrownBy(() -> valid().to("491765410994").text("").build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("text must be");
        assertThatThrownBy(() -> valid().to("491765410994").callback("example.com").build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("callback must be");
        assertThatThrownBy(() -> valid().to("491765410994").validity(-1).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("validity must be");
        assertThatThrownBy(() -> valid().to("491765410994").pid(300).build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("pid must be");
        assertThatThrownBy(() -> valid().to("491765410994").udh("abc").build())
                .isInstanceOf(MittoValidationException.class).hasMessageStartingWith("udh must be");
    }

    @Test
    void equalRequestsAreEqualAndPrintTheirFields() {
        BulkSmsRequest request = valid().to("491765410994", "+491765410995").test(true).build();
        assertThat(request).isEqualTo(valid().to("491765410994", "491765410995").test(true).build())
                .hasSameHashCodeAs(valid().to("491765410994", "491765410995").test(true).build())
                .isNotEqualTo(valid().to("491765410995", "491765410994").test(true).build())
                .isNotEqualTo(valid().to("491765410994", "491765410995").build())
                .hasToString("BulkSmsRequest{from='Mitto SMS', to=[491765410994, 491765410995],"
                        + " text='Hello, World 123!', test=true}");
    }

    @Test
    void aLongListPrintsShortened() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add("4917654109" + String.format("%02d", i));
        }
        assertThat(valid().to(many).build().toString()).contains("… (25 numbers)").doesNotContain("491765410924");
    }
}
