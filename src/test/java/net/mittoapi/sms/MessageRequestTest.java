package net.mittoapi.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link SmsRequest} and {@link BulkSmsRequest} share through {@link MessageRequest}: the setters keep each
 * builder's own type, and every shared field reads back the same through either request.
 */
class MessageRequestTest {

    /** Both builders, each with its recipient(s) already set. */
    static Stream<Arguments> builders() {
        return Stream.of(
                Arguments.of("SmsRequest", (Supplier<MessageRequest.Builder<?, ?, ?>>)
                        () -> SmsRequest.builder().to("491725551234")),
                Arguments.of("BulkSmsRequest", (Supplier<MessageRequest.Builder<?, ?, ?>>)
                        () -> BulkSmsRequest.builder().to("491765410994", "491765410995", "491765410996")));
    }

    @Test
    void everySharedSetterReturnsTheBuildersOwnTypeSoThatToStaysReachable() {
        // The API's own example, in its order: each step must still be an SmsRequest.Builder for the next.
        SmsRequest sms = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hello, World!")
                .type(MessageType.AUTO).test(true).reference("Campaign 2019-05, B-split message")
                .callback("https://www.example.com").build();
        // Every shared setter, then to(..), which only the subclasses have.
        SmsRequest.Builder single = SmsRequest.builder().from("MITTO SMS").text("Hi").type(null).test(false)
                .reference(null).callback(null).udh(null).validity(60).pid(0).flash(false);
        BulkSmsRequest.Builder bulk = BulkSmsRequest.builder().from("Mitto SMS").text("Hi").type(null).test(false)
                .reference(null).callback(null).udh(null).validity(60).pid(0).flash(false);
        BulkSmsRequest many = bulk.to("491765410994", "491765410995").build();

        assertThat(sms.to()).isEqualTo("491725551234");
        assertThat(single.to("491725551234").build().validity()).hasValue(60);
        assertThat(many.to()).containsExactly("491765410994", "491765410995");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void everySharedFieldReadsBackThroughEitherRequest(String name, Supplier<MessageRequest.Builder<?, ?, ?>> builder) {
        MessageRequest<?> request = builder.get().from("MITTO SMS").text("Hello").type(MessageType.UNICODE).test(true)
                .reference("ref").callback("https://example.com/dlr").udh("050003CC0201").validity(60).pid(64)
                .flash(true).build();

        assertThat(request).isInstanceOf(name.equals("SmsRequest") ? SmsRequest.class : BulkSmsRequest.class);
        assertThat(request.from()).isEqualTo("MITTO SMS");
        assertThat(request.text()).isEqualTo("Hello");
        assertThat(request.type()).contains(MessageType.UNICODE);
        assertThat(request.test()).isTrue();
        assertThat(request.reference()).contains("ref");
        assertThat(request.callback()).contains("https://example.com/dlr");
        assertThat(request.udh()).contains("050003CC0201");
        assertThat(request.validity()).isEqualTo(OptionalInt.of(60));
        assertThat(request.pid()).isEqualTo(OptionalInt.of(64));
        assertThat(request.flash()).isTrue();
        assertThat(request.toString()).startsWith(name + "{from='MITTO SMS', to=")
                .endsWith("text='Hello', type=UNICODE, test=true, reference='ref', callback=https://example.com/dlr,"
                        + " udh=050003CC0201, validity=60, pid=64, flash=true}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builders")
    void aBuilderBuildsEqualRequestsAgainAndEachSharedFieldCountsInEquals(String name,
            Supplier<MessageRequest.Builder<?, ?, ?>> builder) {
        MessageRequest.Builder<?, ?, ?> base = builder.get().from("MITTO SMS").text("Hello");
        MessageRequest<?> request = base.build();

        assertThat(base.build()).isEqualTo(request).hasSameHashCodeAs(request).isNotSameAs(request);
        List<MessageRequest<?>> others = List.of(builder.get().from("MITTO").text("Hello").build(),
                builder.get().from("MITTO SMS").text("Hello!").build(),
                builder.get().from("MITTO SMS").text("Hello").type(MessageType.AUTO).build(),
                builder.get().from("MITTO SMS").text("Hello").test(true).build(),
                builder.get().from("MITTO SMS").text("Hello").reference("").build(),
                builder.get().from("MITTO SMS").text("Hello").callback("https://example.com").build(),
                builder.get().from("MITTO SMS").text("Hello").udh("00").build(),
                builder.get().from("MITTO SMS").text("Hello").validity(2880).build(),
                builder.get().from("MITTO SMS").text("Hello").pid(0).build(),
                builder.get().from("MITTO SMS").text("Hello").flash(true).build());
        for (MessageRequest<?> other : others) {
            assertThat(other).as(other.toString()).isNotEqualTo(request);
        }
    }

    @Test
    void anSmsIsNeverEqualToABulkRequest() {
        SmsRequest sms = SmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build();
        BulkSmsRequest bulk = BulkSmsRequest.builder().from("MITTO SMS").to("491725551234").text("Hi").build();

        assertThat(sms).isNotEqualTo(bulk);
        assertThat(bulk).isNotEqualTo(sms);
    }
}
