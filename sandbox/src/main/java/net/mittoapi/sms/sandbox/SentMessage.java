package net.mittoapi.sms.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One message {@link MittoSandbox} accepted: what a real account would have sent to a handset. A send to
 * one recipient is one message; a bulk send is one message per recipient, duplicates included.
 * Immutable.
 */
public final class SentMessage {

    private final String id;
    private final Instant timestamp;
    private final String from;
    private final String to;
    private final String text;
    private final @Nullable String type;
    private final boolean test;
    private final @Nullable String reference;
    private final @Nullable String callback;
    private final int textLength;
    private final int parts;
    private final String country;
    private final String mccMnc;
    private final BigDecimal cost;
    private final boolean bulk;

    SentMessage(String id, Instant timestamp, String from, String to, String text, @Nullable String type, boolean test,
            @Nullable String reference, @Nullable String callback, int textLength, int parts, String country,
            String mccMnc, BigDecimal cost, boolean bulk) {
        this.id = id;
        this.timestamp = timestamp;
        this.from = from;
        this.to = to;
        this.text = text;
        this.type = type;
        this.test = test;
        this.reference = reference;
        this.callback = callback;
        this.textLength = textLength;
        this.parts = parts;
        this.country = country;
        this.mccMnc = mccMnc;
        this.cost = cost;
        this.bulk = bulk;
    }

    /** @return the id the sandbox answered with: 32 lower-case hexadecimal digits */
    public String id() {
        return id;
    }

    /** @return when the sandbox accepted the message (100-nanosecond precision, as the answer shows it) */
    public Instant timestamp() {
        return timestamp;
    }

    /** @return the sender, as requested */
    public String from() {
        return from;
    }

    /** @return the recipient, E.164 digits without '+' */
    public String to() {
        return to;
    }

    /** @return the text, as requested */
    public String text() {
        return text;
    }

    /** @return the {@code type} the request named, lower-cased ({@code gsm}, {@code unicode}, …), if any */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** @return whether the request had {@code test: true}: such messages are never charged */
    public boolean test() {
        return test;
    }

    /** @return the request's {@code reference}, if any */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /**
     * @return the URL the delivery report for this message goes to: the request's {@code callback}, or the
     *         sandbox's default callback; empty when there is neither
     */
    public Optional<String> callback() {
        return Optional.ofNullable(callback);
    }

    /**
     * @return the {@code textLength} answered: GSM-7 septets or UTF-16 units, as the SDK's segment calculator
     *         counts them (octets for {@code binary})
     */
    public int textLength() {
        return textLength;
    }

    /** @return how many SMS parts the text takes; usage counts and charges parts */
    public int parts() {
        return parts;
    }

    /** @return the recipient's country, ISO 3166-1 alpha-3, from the number's calling code */
    public String country() {
        return country;
    }

    /**
     * @return the network the sandbox reports in this message's delivery report: the country's mobile country
     *         code followed by MNC {@code 01} (the sandbox knows no operators), or {@code 00101}, the ITU
     *         test network, when it knows no MCC for the country
     */
    public String mccMnc() {
        return mccMnc;
    }

    /** @return what the message costs: parts times the country's price per part; zero for a test message */
    public BigDecimal cost() {
        return cost;
    }

    /** @return whether the message came from {@code /smsbulk} */
    public boolean bulk() {
        return bulk;
    }

    @Override
    public String toString() {
        return "SentMessage[id=" + id + ", to=" + to + ", from=" + from + ", parts=" + parts + ", country=" + country
                + (test ? ", test" : "") + (bulk ? ", bulk" : "") + "]";
    }
}
