package net.mittoapi.sms;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.mittoapi.sms.internal.MessageFields;

/**
 * One text to many recipients in one call, for {@link MittoClient#sendBulk(BulkSmsRequest)}. Each recipient
 * gets its own message and id; a number listed twice is sent to twice. Immutable; built and validated by
 * {@link #builder()}.
 *
 * <pre>{@code
 * BulkSmsRequest request = BulkSmsRequest.builder()
 *         .from("Mitto SMS")
 *         .to("491765410994", "491765410995")
 *         .text("Your appointment was scheduled.")
 *         .build();
 * }</pre>
 */
public final class BulkSmsRequest {

    private final MessageFields<List<String>> fields;

    private BulkSmsRequest(MessageFields<List<String>> fields) {
        this.fields = fields;
    }

    /** @return a builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the sender: alphanumeric as given, or numeric digits without a leading {@code +} */
    public String from() {
        return fields.from();
    }

    /** @return the recipients as E.164 digits without a leading {@code +}, in order; unmodifiable */
    public List<String> to() {
        return fields.to();
    }

    /** @return the message text */
    public String text() {
        return fields.text();
    }

    /** @return the encoding, or empty to let the server use its default ({@link MessageType#GSM}) */
    public Optional<MessageType> type() {
        return fields.type();
    }

    /** @return {@code true} for a test call: validated and answered, never delivered nor charged */
    public boolean test() {
        return fields.test();
    }

    /** @return the free-text reference echoed in delivery reports, or empty */
    public Optional<String> reference() {
        return fields.reference();
    }

    /** @return the delivery-report URL for this message, overriding the account's, or empty */
    public Optional<String> callback() {
        return fields.callback();
    }

    /** @return the user data header as hex digits, or empty */
    public Optional<String> udh() {
        return fields.udh();
    }

    /** @return how long, in minutes, the network keeps trying to deliver, or empty for the server's default */
    public OptionalInt validity() {
        return fields.validity();
    }

    /** @return the protocol identifier (TP-PID), or empty for the server's default of 0 */
    public OptionalInt pid() {
        return fields.pid();
    }

    /** @return {@code true} for a flash SMS, shown at once and not stored by the handset */
    public boolean flash() {
        return fields.flash();
    }

    MessageFields<List<String>> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof BulkSmsRequest r && fields.equals(r.fields));
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.describe("BulkSmsRequest", BulkSmsRequest::shorten);
    }

    private static String shorten(List<String> to) {
        return to.size() <= 10 ? to.toString() : to.subList(0, 10) + "… (" + to.size() + " numbers)";
    }

    /** Builds a {@link BulkSmsRequest}; {@link #build()} checks every field. Not thread-safe. */
    public static final class Builder {

        private final MessageFields.Draft<List<String>> draft = MessageFields.bulk();

        private Builder() {
        }

        /**
         * @param from the sender, required: alphanumeric of 3 to 11 characters (ASCII letters, digits, single
         *             inner spaces and {@code .-_&+'}, at least one letter), such as {@code "MITTO SMS"}, or
         *             numeric of 3 to 14 digits
         * @return this builder
         */
        public Builder from(String from) {
            draft.from = from;
            return this;
        }

        /**
         * @param to the recipients, required and non-empty: E.164 digits such as {@code "491725551234"};
         *           one leading {@code +} on each is accepted and stripped. The list is copied.
         * @return this builder
         */
        public Builder to(List<String> to) {
            draft.to = to == null ? null : Arrays.asList(to.toArray(new String[0]));
            return this;
        }

        /**
         * @param to the recipients, required and non-empty; see {@link #to(List)}
         * @return this builder
         */
        public Builder to(String... to) {
            draft.to = to == null ? null : Arrays.asList(to.clone());
            return this;
        }

        /**
         * @param text the message, required and non-empty; long texts are split by the server
         * @return this builder
         */
        public Builder text(String text) {
            draft.text = text;
            return this;
        }

        /**
         * @param type the encoding; unset lets the server use GSM. Mitto recommends {@link MessageType#AUTO}
         * @return this builder
         */
        public Builder type(MessageType type) {
            draft.type = type;
            return this;
        }

        /**
         * @param test {@code true} to have the call validated and answered without delivery or charge
         * @return this builder
         */
        public Builder test(boolean test) {
            draft.test = test;
            return this;
        }

        /**
         * @param reference free text echoed in delivery reports, such as a campaign name; non-blank when set
         * @return this builder
         */
        public Builder reference(String reference) {
            draft.reference = reference;
            return this;
        }

        /**
         * @param callback an absolute http(s) URL for this message's delivery reports, overriding the
         *                 account's
         * @return this builder
         */
        public Builder callback(String callback) {
            draft.callback = callback;
            return this;
        }

        /**
         * @param udh a user data header as an even number of hex digits, such as {@code "050003CC0201"}
         * @return this builder
         */
        public Builder udh(String udh) {
            draft.udh = udh;
            return this;
        }

        /**
         * @param minutes how long the network keeps trying to deliver, positive; the server's default is 2880
         * @return this builder
         */
        public Builder validity(int minutes) {
            draft.validity = minutes;
            return this;
        }

        /**
         * @param pid the protocol identifier (TP-PID), 0 to 255; the server's default is 0
         * @return this builder
         */
        public Builder pid(int pid) {
            draft.pid = pid;
            return this;
        }

        /**
         * @param flash {@code true} for a flash SMS
         * @return this builder
         */
        public Builder flash(boolean flash) {
            draft.flash = flash;
            return this;
        }

        /**
         * @return the request
         * @throws MittoValidationException when a field breaks its rule; the message names the field, the
         *                                  rule and the value
         */
        public BulkSmsRequest build() {
            return new BulkSmsRequest(draft.build());
        }
    }
}
