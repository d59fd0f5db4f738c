package net.mittoapi.sms;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import net.mittoapi.sms.internal.validation.MessageFields;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SmsRequest} and {@link BulkSmsRequest} share, written once: every field but the recipient, with
 * its accessor, its builder setter and their Javadoc, and the value semantics. The fields themselves, their
 * validation, {@code equals}, {@code hashCode} and {@code toString} are {@link MessageFields}'s, which the codec
 * reads.
 *
 * <p>Package-private, as the JDK's {@code AbstractStringBuilder} is: users see only the two requests, and
 * Javadoc documents the public methods inherited from here on each of them, with the builder's self type
 * ({@code B}) substituted. A builder's setters return {@code B}, so that {@code SmsRequest.builder().from(..)}
 * is still an {@code SmsRequest.Builder} and the chain reaches {@code to(..)}, which only the subclasses have.
 *
 * @param <T> the recipient: one number ({@code String}) or the numbers of a bulk message ({@code List})
 */
abstract sealed class MessageRequest<T> permits SmsRequest, BulkSmsRequest {

    private final MessageFields<T> fields;

    MessageRequest(MessageFields<T> fields) {
        this.fields = fields;
    }

    /** @return the sender, exactly as given and as sent (a numeric sender's leading {@code +} included) */
    public String from() {
        return fields.from();
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

    /**
     * @return the cap on the parts one message may cost, as {@link Builder#maxParts(int)} set it, or empty when
     *         none was; a cap the text fitted when built, and never sent
     */
    public OptionalInt maxParts() {
        return fields.maxParts();
    }

    MessageFields<T> fields() {
        return fields;
    }

    /**
     * @param o any object
     * @return whether {@code o} is a request of the same class with equal fields
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof MessageRequest<?> r && r.getClass() == getClass() && fields.equals(r.fields));
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** @return every field set, the text and the reference quoted and shortened; a long list of numbers shortened */
    @Override
    public String toString() {
        return fields.describe(getClass().getSimpleName());
    }

    /**
     * The setters both builders share; each returns the builder it was called on, typed as its own class.
     *
     * @param <B> the builder's own class
     * @param <R> the request it builds
     * @param <T> the recipient type
     */
    abstract static sealed class Builder<B extends Builder<B, R, T>, R extends MessageRequest<T>, T>
            permits SmsRequest.Builder, BulkSmsRequest.Builder {

        /** The fields as given, unchecked; the subclass's {@code to} setter writes the recipients here. */
        final MessageFields.Draft<T> draft;
        private final Function<MessageFields<T>, R> request;

        Builder(MessageFields.Draft<T> draft, Function<MessageFields<T>, R> request) {
            this.draft = draft;
            this.request = request;
        }

        /**
         * Both permitted builders name themselves as {@code B} ({@code SmsRequest.Builder extends
         * Builder<SmsRequest.Builder, ..>}), and no other can exist, so the cast always holds.
         */
        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
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
        public B from(String from) {
            draft.from = from;
            return self();
        }

        /**
         * The message text, sent as given. {@link #build()} refuses only a missing or empty text (the API's
         * responseCode 3, "Empty message"); long texts are split by the server into concatenated parts
         * ({@link #maxParts(int)} caps how many).
         *
         * @param text the message, required
         * @return this builder
         */
        public B text(String text) {
            draft.text = text;
            return self();
        }

        /**
         * The encoding, sent as Mitto's own clients spell it ({@code GSM}, {@code Unicode}, {@code Binary},
         * {@code auto}). Unset, the request goes out with {@code auto}, which Mitto recommends: the server's own
         * default is GSM, which refuses or garbles any text outside the GSM alphabet.
         *
         * @param type the encoding, or {@code null} for {@link MessageType#AUTO}
         * @return this builder
         */
        public B type(@Nullable MessageType type) {
            draft.type = type;
            return self();
        }

        /**
         * @param test {@code true} to have the call validated and answered without delivery or charge
         * @return this builder
         */
        public B test(boolean test) {
            draft.test = test;
            return self();
        }

        /**
         * Free text the API echoes in this message's delivery reports. Sent exactly as given; nothing is refused,
         * an empty text included, since the API documents no rule for it.
         *
         * @param reference such as a campaign name, {@code "Campaign 2019-05, B-split message"}; {@code null}
         *                  leaves it unset, the default
         * @return this builder
         */
        public B reference(@Nullable String reference) {
            draft.reference = reference;
            return self();
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
        public B callback(@Nullable String callback) {
            draft.callback = callback;
            return self();
        }

        /**
         * A user data header, hex-encoded. {@link #build()} refuses what no network can carry: anything but whole
         * octets of hex digits (an even number of {@code 0-9}, {@code a-f}, {@code A-F}), and more than the 140
         * octets of one SMS.
         *
         * @param udh such as {@code "050003CC0201"}; {@code null} leaves it unset, the default
         * @return this builder
         */
        public B udh(@Nullable String udh) {
            draft.udh = udh;
            return self();
        }

        /**
         * How long, in minutes, the network keeps trying to deliver; the server's default is 2880. {@link #build()}
         * refuses a negative period, which no network can carry (3GPP TS 23.040, TP-VP); the server judges the
         * rest.
         *
         * @param minutes zero or more
         * @return this builder
         */
        public B validity(int minutes) {
            draft.validity = minutes;
            return self();
        }

        /**
         * The protocol identifier; the server's default is 0. {@link #build()} refuses a value outside 0 to 255:
         * TP-PID is one octet (3GPP TS 23.040).
         *
         * @param pid 0 to 255
         * @return this builder
         */
        public B pid(int pid) {
            draft.pid = pid;
            return self();
        }

        /**
         * @param flash {@code true} for a flash SMS
         * @return this builder
         */
        public B flash(boolean flash) {
            draft.flash = flash;
            return self();
        }

        /**
         * Your own cap on the SMS parts one message may cost, so that a long text never goes out as an unexpected
         * 9-part message: {@link #build()} refuses a text that needs more. Counted per message, so per recipient of
         * a bulk request, by {@link net.mittoapi.sms.segments.SegmentCalculator} in the encoding the message goes
         * out in: GSM-7 for {@link MessageType#GSM}, UCS-2 for {@link MessageType#UNICODE}, and for
         * {@link MessageType#AUTO} or no type whichever the text needs (160 GSM-7 septets or 70 UCS-2 units in one
         * part, 153 or 67 in each part of a longer message, fewer where a part ends before an escape pair, a
         * surrogate pair or a grapheme cluster it must not split). A {@link MessageType#BINARY} text is counted as
         * hex digits, two per octet: 140 octets in one part, 134 in each part of a longer one. The refusal says
         * how many parts the text needs and the cap, and when
         * {@link net.mittoapi.sms.segments.GsmNormalizer#normalize(String)} would make it fit, says so.
         *
         * <p>Also refused by {@link #build()}, which checks every value the setters record: a cap below 1; and,
         * since the cap could not be kept, a {@link MessageType#GSM} text with a character outside GSM-7 (what
         * the server then sends is undocumented) and a binary text that is not whole octets of hex digits (the
         * API documents no encoding for it). A {@code udh} of your own is not counted. The cap is the client's own
         * guard: it is not sent, and no cap applies unless one is set.
         *
         * @param maxParts 1 or more
         * @return this builder
         */
        public B maxParts(int maxParts) {
            draft.maxParts = maxParts;
            return self();
        }

        /**
         * @return the request
         * @throws MittoValidationException when a field breaks its rule; the message names the field, the
         *                                  rule and the value
         */
        public R build() {
            return request.apply(draft.build());
        }
    }
}
