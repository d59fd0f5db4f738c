package net.mittoapi.sms.internal.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.SegmentCalculator;
import net.mittoapi.sms.segments.SegmentInfo;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a message to send, shared by {@code SmsRequest} (one recipient) and {@code BulkSmsRequest}
 * (many): sender, recipient(s), text and the API's options, validated once, in the order the API lists
 * them, by {@link Validation}'s rules (only what the API documents as invalid or no network can carry).
 * Both requests hold one and delegate their accessors, {@code equals}, {@code hashCode} and {@code toString}
 * to it, through their common base; their builders write into a {@link Draft}. Immutable.
 *
 * @param <T> the recipient: one number ({@code String}) or the numbers of a bulk message ({@code List})
 */
public final class MessageFields<T> {

    /** A bulk message's {@code toString()} lists this many numbers, then how many there are. */
    private static final int SHOWN_NUMBERS = 10;

    private final String from;
    private final T to;
    private final String text;
    private final @Nullable MessageType type;
    private final boolean test;
    private final @Nullable String reference;
    private final @Nullable String callback;
    private final @Nullable String udh;
    private final @Nullable Integer validity;
    private final @Nullable Integer pid;
    private final boolean flash;
    private final @Nullable Integer maxParts;

    private MessageFields(Draft<T> d) {
        this.from = Validation.sender(d.from);
        this.to = d.recipients.apply(d.to);
        this.text = Validation.text(d.text);
        this.type = d.type;
        this.test = d.test;
        this.reference = Validation.reference(d.reference);
        this.callback = Validation.callback(d.callback);
        this.udh = Validation.udh(d.udh);
        this.validity = Validation.validity(d.validity);
        this.pid = Validation.pid(d.pid);
        this.flash = d.flash;
        this.maxParts = Validation.maxParts(d.maxParts, text, type);
    }

    /**
     * What one message of this text costs, by the segment calculator, in the encoding it goes out in: GSM-7 for
     * {@link MessageType#GSM}, UCS-2 for {@link MessageType#UNICODE}, and for {@link MessageType#AUTO} (or no
     * type) whichever the text needs, as {@link SegmentCalculator#calculate(String)} decides. The one place of that
     * rule: {@code maxParts} counts with it, and so does {@link CallEvents#forecast} for the listener.
     *
     * @param text the message text
     * @param type the type chosen, or {@code null} for {@link MessageType#AUTO}
     * @return the calculation, or {@code null} for {@link MessageType#BINARY} (not a text) and for
     *         {@link MessageType#GSM} with a character GSM-7 lacks (what the server then sends is undocumented)
     */
    public static @Nullable SegmentInfo segments(String text, @Nullable MessageType type) {
        if (type == MessageType.BINARY) {
            return null;
        }
        if (type == MessageType.UNICODE) {
            return SegmentCalculator.calculate(text, Encoding.UCS_2);
        }
        SegmentInfo info = SegmentCalculator.calculate(text);
        return type == MessageType.GSM && info.encoding() != Encoding.GSM_7 ? null : info;
    }

    /** @return an empty draft for a message to one recipient, checked as {@link Validation#recipient} */
    public static Draft<String> single() {
        return new Draft<>(to -> Validation.recipient("to", to));
    }

    /** @return an empty draft for a bulk message, its recipients checked as {@link Validation#recipients} */
    public static Draft<List<String>> bulk() {
        return new Draft<>(Validation::recipients);
    }

    /** @return the sender, exactly as given and as sent */
    public String from() {
        return from;
    }

    /** @return the recipient(s) as sent: E.164 digits without {@code +} */
    public T to() {
        return to;
    }

    /** @return the message text */
    public String text() {
        return text;
    }

    /** @return the encoding the caller chose, or empty when none was ({@link Codec} then sends {@code auto}) */
    public Optional<MessageType> type() {
        return Optional.ofNullable(type);
    }

    /** @return whether this is a test call */
    public boolean test() {
        return test;
    }

    /** @return the reference echoed in delivery reports, or empty */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return the delivery-report URL, or empty */
    public Optional<String> callback() {
        return Optional.ofNullable(callback);
    }

    /** @return the user data header as hex, or empty */
    public Optional<String> udh() {
        return Optional.ofNullable(udh);
    }

    /** @return the validity period in minutes, or empty */
    public OptionalInt validity() {
        return validity == null ? OptionalInt.empty() : OptionalInt.of(validity);
    }

    /** @return the protocol identifier, or empty */
    public OptionalInt pid() {
        return pid == null ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    /** @return whether this is a flash SMS */
    public boolean flash() {
        return flash;
    }

    /** @return the caller's cap on the parts one message may cost, or empty; never sent */
    public OptionalInt maxParts() {
        return maxParts == null ? OptionalInt.empty() : OptionalInt.of(maxParts);
    }

    /**
     * The request's {@code toString()}: every set field, the text and reference quoted and shortened, a list of
     * more than ten numbers shortened to its first ten and its size.
     *
     * @param name the request's class name
     * @return such as {@code SmsRequest{from='MITTO SMS', to=491725551234, text='Hi', type=AUTO}}
     */
    public String describe(String name) {
        return name + "{from=" + Validation.show(from) + ", to=" + showTo() + ", text=" + Validation.show(text)
                + (type != null ? ", type=" + type : "") + (test ? ", test=true" : "")
                + (reference != null ? ", reference=" + Validation.show(reference) : "")
                + (callback != null ? ", callback=" + callback : "") + (udh != null ? ", udh=" + udh : "")
                + (validity != null ? ", validity=" + validity : "") + (pid != null ? ", pid=" + pid : "")
                + (flash ? ", flash=true" : "") + (maxParts != null ? ", maxParts=" + maxParts : "") + "}";
    }

    private String showTo() {
        return to instanceof List<?> list && list.size() > SHOWN_NUMBERS
                ? list.subList(0, SHOWN_NUMBERS) + "… (" + list.size() + " numbers)" : to.toString();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof MessageFields<?> m && from.equals(m.from) && to.equals(m.to)
                && text.equals(m.text) && type == m.type && test == m.test && Objects.equals(reference, m.reference)
                && Objects.equals(callback, m.callback) && Objects.equals(udh, m.udh)
                && Objects.equals(validity, m.validity) && Objects.equals(pid, m.pid) && flash == m.flash
                && Objects.equals(maxParts, m.maxParts));
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, text, type, test, reference, callback, udh, validity, pid, flash, maxParts);
    }

    @Override
    public String toString() {
        return describe("MessageFields");
    }

    /**
     * A request builder's state: fields as given, unchecked, {@code null} when unset. Not thread-safe;
     * {@link #build()} may be called more than once.
     *
     * @param <T> the recipient type
     */
    public static final class Draft<T> {

        private final Function<@Nullable T, T> recipients;

        /** The sender as given, or {@code null}. */
        public @Nullable String from;
        /** The recipient(s) as given, or {@code null}; a list must already be the builder's own copy. */
        public @Nullable T to;
        /** The text as given, or {@code null}. */
        public @Nullable String text;
        /** The encoding, or {@code null}. */
        public @Nullable MessageType type;
        /** Whether this is a test call. */
        public boolean test;
        /** The reference, or {@code null}. */
        public @Nullable String reference;
        /** The callback URL, or {@code null}. */
        public @Nullable String callback;
        /** The user data header, or {@code null}. */
        public @Nullable String udh;
        /** The validity in minutes, or {@code null}. */
        public @Nullable Integer validity;
        /** The protocol identifier, or {@code null}. */
        public @Nullable Integer pid;
        /** Whether this is a flash SMS. */
        public boolean flash;
        /** The cap on parts per message, or {@code null}. */
        public @Nullable Integer maxParts;

        private Draft(Function<@Nullable T, T> recipients) {
            this.recipients = recipients;
        }

        /**
         * @return the checked fields
         * @throws net.mittoapi.sms.MittoValidationException for the first field, in the API's order, that
         *                                                    breaks its rule
         */
        public MessageFields<T> build() {
            return new MessageFields<>(this);
        }
    }
}
