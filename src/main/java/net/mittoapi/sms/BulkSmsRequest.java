package net.mittoapi.sms;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.mittoapi.sms.internal.Validation;

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

    private final String from;
    private final List<String> to;
    private final String text;
    private final MessageType type;
    private final boolean test;
    private final String reference;
    private final String callback;
    private final String udh;
    private final Integer validity;
    private final Integer pid;
    private final boolean flash;

    private BulkSmsRequest(Builder b) {
        this.from = Validation.sender(b.from);
        this.to = Validation.recipients(b.to);
        this.text = Validation.text(b.text);
        this.type = b.type;
        this.test = b.test;
        this.reference = Validation.reference(b.reference);
        this.callback = Validation.callback(b.callback);
        this.udh = Validation.udh(b.udh);
        this.validity = Validation.validity(b.validity);
        this.pid = Validation.pid(b.pid);
        this.flash = b.flash;
    }

    /** @return a builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the sender: alphanumeric as given, or numeric digits without a leading {@code +} */
    public String from() {
        return from;
    }

    /** @return the recipients as E.164 digits without a leading {@code +}, in order; unmodifiable */
    public List<String> to() {
        return to;
    }

    /** @return the message text */
    public String text() {
        return text;
    }

    /** @return the encoding, or empty to let the server use its default ({@link MessageType#GSM}) */
    public Optional<MessageType> type() {
        return Optional.ofNullable(type);
    }

    /** @return {@code true} for a test call: validated and answered, never delivered nor charged */
    public boolean test() {
        return test;
    }

    /** @return the free-text reference echoed in delivery reports, or empty */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return the delivery-report URL for this message, overriding the account's, or empty */
    public Optional<String> callback() {
        return Optional.ofNullable(callback);
    }

    /** @return the user data header as hex digits, or empty */
    public Optional<String> udh() {
        return Optional.ofNullable(udh);
    }

    /** @return how long, in minutes, the network keeps trying to deliver, or empty for the server's default */
    public OptionalInt validity() {
        return validity == null ? OptionalInt.empty() : OptionalInt.of(validity);
    }

    /** @return the protocol identifier (TP-PID), or empty for the server's default of 0 */
    public OptionalInt pid() {
        return pid == null ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    /** @return {@code true} for a flash SMS, shown at once and not stored by the handset */
    public boolean flash() {
        return flash;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof BulkSmsRequest r && from.equals(r.from) && to.equals(r.to)
                && text.equals(r.text) && type == r.type && test == r.test && Objects.equals(reference, r.reference)
                && Objects.equals(callback, r.callback) && Objects.equals(udh, r.udh)
                && Objects.equals(validity, r.validity) && Objects.equals(pid, r.pid) && flash == r.flash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, text, type, test, reference, callback, udh, validity, pid, flash);
    }

    @Override
    public String toString() {
        return "BulkSmsRequest{from=" + Validation.show(from) + ", to="
                + (to.size() <= 10 ? to.toString() : to.subList(0, 10) + "… (" + to.size() + " numbers)") + ", text=" + Validation.show(text)
                + (type != null ? ", type=" + type : "") + (test ? ", test=true" : "")
                + (reference != null ? ", reference=" + Validation.show(reference) : "")
                + (callback != null ? ", callback=" + callback : "") + (udh != null ? ", udh=" + udh : "")
                + (validity != null ? ", validity=" + validity : "") + (pid != null ? ", pid=" + pid : "")
                + (flash ? ", flash=true" : "") + "}";
    }

    /** Builds a {@link BulkSmsRequest}; {@link #build()} checks every field. Not thread-safe. */
    public static final class Builder {

        private String from;
        private List<String> to;
        private String text;
        private MessageType type;
        private boolean test;
        private String reference;
        private String callback;
        private String udh;
        private Integer validity;
        private Integer pid;
        private boolean flash;

        private Builder() {
        }

        /**
         * @param from the sender, required: alphanumeric of 3 to 11 characters (ASCII letters, digits, single
         *             inner spaces and {@code .-_&+'}, at least one letter), such as {@code "MITTO SMS"}, or
         *             numeric of 3 to 14 digits
         * @return this builder
         */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /**
         * @param to the recipients, required and non-empty: E.164 digits such as {@code "491725551234"};
         *           one leading {@code +} on each is accepted and stripped. The list is copied.
         * @return this builder
         */
        public Builder to(List<String> to) {
            this.to = to == null ? null : Arrays.asList(to.toArray(new String[0]));
            return this;
        }

        /**
         * @param to the recipients, required and non-empty; see {@link #to(List)}
         * @return this builder
         */
        public Builder to(String... to) {
            this.to = to == null ? null : Arrays.asList(to.clone());
            return this;
        }

        /**
         * @param text the message, required and non-empty; long texts are split by the server
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * @param type the encoding; unset lets the server use GSM. Mitto recommends {@link MessageType#AUTO}
         * @return this builder
         */
        public Builder type(MessageType type) {
            this.type = type;
            return this;
        }

        /**
         * @param test {@code true} to have the call validated and answered without delivery or charge
         * @return this builder
         */
        public Builder test(boolean test) {
            this.test = test;
            return this;
        }

        /**
         * @param reference free text echoed in delivery reports, such as a campaign name; non-blank when set
         * @return this builder
         */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /**
         * @param callback an absolute http(s) URL for this message's delivery reports, overriding the
         *                 account's
         * @return this builder
         */
        public Builder callback(String callback) {
            this.callback = callback;
            return this;
        }

        /**
         * @param udh a user data header as an even number of hex digits, such as {@code "050003CC0201"}
         * @return this builder
         */
        public Builder udh(String udh) {
            this.udh = udh;
            return this;
        }

        /**
         * @param minutes how long the network keeps trying to deliver, positive; the server's default is 2880
         * @return this builder
         */
        public Builder validity(int minutes) {
            this.validity = minutes;
            return this;
        }

        /**
         * @param pid the protocol identifier (TP-PID), 0 to 255; the server's default is 0
         * @return this builder
         */
        public Builder pid(int pid) {
            this.pid = pid;
            return this;
        }

        /**
         * @param flash {@code true} for a flash SMS
         * @return this builder
         */
        public Builder flash(boolean flash) {
            this.flash = flash;
            return this;
        }

        /**
         * @return the request
         * @throws MittoValidationException when a field breaks its rule; the message names the field, the
         *                                  rule and the value
         */
        public BulkSmsRequest build() {
            return new BulkSmsRequest(this);
        }
    }
}
