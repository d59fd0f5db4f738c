package net.mittoapi.sms;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.mittoapi.sms.internal.MessageFields;
import org.jspecify.annotations.Nullable;

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

    /** @return the sender, exactly as given and as sent (a numeric sender's leading {@code +} included) */
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

    /**
     * @return the encoding chosen, or empty when none was: then the request goes out with
     *         {@link MessageType#AUTO}, as Mitto recommends (the server's own default is GSM)
     */
    public Optional<MessageType> type() {
        return fields.type();
    }

    /** @return {@code true} for a test call: validated and answered, never delivered nor charged */
    public boolean test() {
        return fields.test();
    }

    /** @return the free-text reference echoed in delivery reports, exactly as given (even empty), or empty if unset */
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
         * The sender, sent exactly as given. {@link #build()} refuses only what no network can carry: a blank
         * sender; a numeric one (digits, optionally after one {@code +}) of more than 15 digits, the E.164
         * maximum; an alphanumeric one longer than 11 septets of the GSM 7-bit alphabet (a character of its
         * extension table, such as {@code €}, counts 2) or holding a character outside it, since the
         * originating address of an SMS carries no more (3GPP TS 23.040). A numeric sender's {@code +} is
         * kept, as Mitto's own clients send the sender untouched and its connector writes numbers with one.
         * Anything else, such as {@code "Dr.Müller"}, {@code "Shop@Home"}, {@code "A&B (CH)"} or a
         * 2-character name, goes to the server: its own rules (alphanumeric 3 to 11 characters, numeric 3 to
         * 14 digits) answer responseCode 6.
         *
         * @param from the sender, required, such as {@code "MITTO SMS"} or {@code "+491725551234"}
         * @return this builder
         */
        public Builder from(String from) {
            draft.from = from;
            return this;
        }

        /**
         * The recipients, sent as one comma-separated string (the seed's form); a number listed twice is sent
         * to twice. Each is checked as {@link SmsRequest.Builder#to(String)} checks one: E.164 digits, one
         * leading {@code +} accepted and stripped. {@link #build()} also refuses an empty list.
         *
         * @param to the recipients, required and non-empty, such as {@code "491725551234"}; the list is copied
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
         * The message text, sent as given. {@link #build()} refuses only a missing or empty text (the API's
         * responseCode 3, "Empty message"); long texts are split by the server into concatenated parts.
         *
         * @param text the message, required
         * @return this builder
         */
        public Builder text(String text) {
            draft.text = text;
            return this;
        }

        /**
         * The encoding, sent as Mitto's own clients spell it ({@code GSM}, {@code Unicode}, {@code Binary},
         * {@code auto}). Unset, the request goes out with {@code auto}, which Mitto recommends: the server's own
         * default is GSM, which refuses or garbles any text outside the GSM alphabet.
         *
         * @param type the encoding, or {@code null} for {@link MessageType#AUTO}
         * @return this builder
         */
        public Builder type(@Nullable MessageType type) {
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
         * Free text the API echoes in this message's delivery reports. Sent exactly as given; nothing is refused,
         * an empty text included, since the API documents no rule for it.
         *
         * @param reference such as a campaign name, {@code "Campaign 2019-05, B-split message"}; {@code null}
         *                  leaves it unset, the default
         * @return this builder
         */
        public Builder reference(@Nullable String reference) {
            draft.reference = reference;
            return this;
        }

        /**
         * Where this message's delivery reports go, overriding the account's URL. The API fills template
         * placeholders in it, so {@code https://example.com/dlr?id=~msgid~} (or {@code <msgid>},
         * {@code $msgid$}, {@code {id}}) is fine and need not be a strict URI. {@link #build()} refuses only what
         * cannot be a callback: a value that is not an absolute {@code http} or {@code https} URL with a host, or
         * holds white space or control characters.
         *
         * @param callback the URL, such as {@code "https://www.example.com"}; {@code null} leaves it unset, the
         *                 default (the account's URL)
         * @return this builder
         */
        public Builder callback(@Nullable String callback) {
            draft.callback = callback;
            return this;
        }

        /**
         * A user data header, hex-encoded. {@link #build()} refuses what no network can carry: anything but whole
         * octets of hex digits (an even number of {@code 0-9}, {@code a-f}, {@code A-F}), and more than the 140
         * octets of one SMS.
         *
         * @param udh such as {@code "050003CC0201"}; {@code null} leaves it unset, the default
         * @return this builder
         */
        public Builder udh(@Nullable String udh) {
            draft.udh = udh;
            return this;
        }

        /**
         * How long, in minutes, the network keeps trying to deliver; the server's default is 2880. {@link #build()}
         * refuses a negative period, which no network can carry (3GPP TS 23.040, TP-VP); the server judges the
         * rest.
         *
         * @param minutes zero or more
         * @return this builder
         */
        public Builder validity(int minutes) {
            draft.validity = minutes;
            return this;
        }

        /**
         * The protocol identifier; the server's default is 0. {@link #build()} refuses a value outside 0 to 255:
         * TP-PID is one octet (3GPP TS 23.040).
         *
         * @param pid 0 to 255
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
