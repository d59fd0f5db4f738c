package net.mittoapi.sms.webhook;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.internal.codec.Numbers;
import org.jspecify.annotations.Nullable;

/**
 * A delivery report that Mitto sent to a callback URL, read from the callback request.
 *
 * <p>Mitto builds each report from the account's template, so its field names are the account's choice:
 * the API's documentation shows {@code ?ID=…&MCCMNC=…} for a GET callback and
 * {@code {"Id":…,"MccMnc":…,"Price":…}} for a POST one, and other templates write {@code msgid} or
 * {@code status}. This reader therefore matches names <em>ignoring case and punctuation</em>
 * ({@code MessageId}, {@code message_id} and {@code MESSAGE-ID} are the same name) and accepts these
 * aliases, the first one present winning:
 *
 * <table>
 *   <caption>Field names recognised for each accessor</caption>
 *   <tr><th>accessor</th><th>field names</th></tr>
 *   <tr><td>{@link #messageId()}</td><td>{@code id}, {@code msgid}, {@code messageId}, {@code smsId}</td></tr>
 *   <tr><td>{@link #mccMnc()}</td><td>{@code mccmnc}; otherwise {@code mcc} followed by {@code mnc}</td></tr>
 *   <tr><td>{@link #price()}</td><td>{@code price}, {@code rate}, {@code cost}</td></tr>
 *   <tr><td>{@link #status()}</td><td>{@code status}, {@code state}, {@code deliveryStatus},
 *       {@code dlrStatus}</td></tr>
 *   <tr><td>{@link #errorCode()}</td><td>{@code errorCode}, {@code errCode}, {@code error}</td></tr>
 *   <tr><td>{@link #reference()}</td><td>{@code reference}, {@code ref}</td></tr>
 *   <tr><td>{@link #to()}</td><td>{@code to}, {@code receiver}, {@code recipient}, {@code msisdn},
 *       {@code destination}</td></tr>
 *   <tr><td>{@link #from()}</td><td>{@code from}, {@code sender}, {@code originator}</td></tr>
 * </table>
 *
 * <p>Values are stripped of surrounding white space, and a blank value counts as absent (a template whose
 * placeholder was empty sends {@code Reference=}). {@link #raw()} keeps every field exactly as received,
 * including those no accessor reads. Where a name occurs twice, the first occurrence wins.
 *
 * <p>A price that is no number ({@code 6,00}, an unfilled {@code ~rate~}) leaves {@link #price()} empty, but
 * one that is a number no report can carry is refused with a {@link MittoValidationException}: more than
 * 64 characters, or a scale beyond ±64 ({@code 1e999999999}, whose plain text alone would take a gigabyte).
 * Such a request was not built by Mitto from a template; answer it with HTTP 400.
 *
 * <p>Read one with {@link #fromQuery(String)} (a GET callback), {@link #fromJson(String)} (a POST callback)
 * or {@link #fromParameters(Map)} (parameters your web framework already decoded). Instances are immutable
 * and thread-safe; two reports are equal when their raw fields are equal.
 */
public final class DeliveryReport {

    private static final String WHAT = "delivery report";

    private final Map<String, @Nullable String> raw;
    private final String messageId;
    private final @Nullable String mccMnc;
    private final @Nullable String mcc;
    private final @Nullable String mnc;
    private final @Nullable BigDecimal price;
    private final @Nullable String status;
    private final @Nullable String errorCode;
    private final @Nullable String reference;
    private final @Nullable String to;
    private final @Nullable String from;

    private DeliveryReport(Fields fields) {
        this.raw = fields.raw();
        this.messageId = fields.first(Fields.MESSAGE_ID).orElseThrow(() ->
                new MittoValidationException("delivery report has no message id: expected a non-blank field"
                        + " named ID, msgid, messageId or smsId (any case), but got the fields " + fields.names()
                        + "; check the callback template configured for the account"));
        Optional<String> explicitMcc = fields.first("mcc");
        Optional<String> explicitMnc = fields.first("mnc");
        Optional<String> combined = fields.first("mccmnc");
        if (combined.isPresent()) {
            this.mccMnc = combined.get();
            this.mcc = explicitMcc.orElse(mccMnc.length() > 3 ? mccMnc.substring(0, 3) : null);
            this.mnc = explicitMnc.orElse(mccMnc.length() > 3 ? mccMnc.substring(3) : null);
        } else {
            this.mcc = explicitMcc.orElse(null);
            this.mnc = explicitMnc.orElse(null);
            this.mccMnc = mcc != null && mnc != null ? mcc + mnc : null;
        }
        this.price = fields.first("price", "rate", "cost").map(DeliveryReport::price).orElse(null);
        this.status = fields.first("status", "state", "deliverystatus", "dlrstatus").orElse(null);
        this.errorCode = fields.first("errorcode", "errcode", "error").orElse(null);
        this.reference = fields.first("reference", "ref").orElse(null);
        this.to = fields.first("to", "receiver", "recipient", "msisdn", "destination").orElse(null);
        this.from = fields.first("from", "sender", "originator").orElse(null);
    }

    /**
     * Reads a GET callback's query string, such as {@code ID=d8d9…&MCCMNC=26201}.
     *
     * <p>Pass the <em>raw</em> (still encoded) query, with or without its leading {@code ?}: for example
     * {@code HttpExchange.getRequestURI().getRawQuery()} or a servlet's {@code getQueryString()}. Names and
     * values are URL-decoded as UTF-8, {@code +} meaning a space; a {@code %} that starts no valid escape (a
     * template's raw {@code 50%}) is kept as a literal {@code %} rather than costing the report. Parameters that
     * a framework has already decoded go to {@link #fromParameters(Map)} instead, so that they are not decoded
     * twice.
     *
     * @param query the raw query string
     * @return the report
     * @throws MittoValidationException when the query is null, carries no message id, or has a price out of
     *                                  bounds
     */
    public static DeliveryReport fromQuery(String query) {
        return new DeliveryReport(Fields.fromQuery(query, WHAT));
    }

    /**
     * Reads a POST callback's JSON body, such as {@code {"Id":"d8d9…","MccMnc":"26201","Price":"6.00"}}.
     *
     * <p>Values may be JSON strings, numbers or booleans; a number is kept exactly as written, so
     * {@code "Price": 6.00} reads as the price {@code 6.00}. JSON string values are not URL-decoded.
     *
     * @param json the request body
     * @return the report
     * @throws MittoValidationException when the body is null, empty, not JSON, not a JSON object, carries
     *                                  no message id, or has a price out of bounds
     */
    public static DeliveryReport fromJson(String json) {
        return new DeliveryReport(Fields.fromJson(json, WHAT));
    }

    /**
     * Reads parameters that were already decoded, such as Spring's {@code @RequestParam Map<String, String>}.
     * Values are taken as they are (not URL-decoded again). From a servlet's {@code Map<String, String[]>},
     * pass the first value of each parameter.
     *
     * @param parameters the callback's parameters by name; iteration order is kept in {@link #raw()}
     * @return the report
     * @throws MittoValidationException when the map is null, carries no message id, or has a price out of
     *                                  bounds
     */
    public static DeliveryReport fromParameters(Map<String, ? extends @Nullable String> parameters) {
        return new DeliveryReport(Fields.fromParameters(parameters, WHAT));
    }

    /** @return the id of the message this report is about, as returned by the send call; never blank */
    public String messageId() {
        return messageId;
    }

    /**
     * @return the mobile network the message went to, MCC followed by MNC (such as {@code 26201}), from an
     *         {@code mccmnc} field or from {@code mcc} and {@code mnc} fields together; empty when neither
     */
    public Optional<String> mccMnc() {
        return Optional.ofNullable(mccMnc);
    }

    /**
     * @return the mobile country code: an {@code mcc} field, or the first three digits of {@link #mccMnc()}
     */
    public Optional<String> mcc() {
        return Optional.ofNullable(mcc);
    }

    /** @return the mobile network code: an {@code mnc} field, or what follows the MCC in {@link #mccMnc()} */
    public Optional<String> mnc() {
        return Optional.ofNullable(mnc);
    }

    /**
     * @return the price the template reported, as an exact decimal; empty when the report has none or when
     *         its text is not a plain decimal number (such as {@code "6,00"} or {@code "EUR 6"}): the text is
     *         then still in {@link #raw()}. An unreadable price never makes the report itself unreadable;
     *         a price out of bounds does (see the class description).
     */
    public Optional<BigDecimal> price() {
        return Optional.ofNullable(price);
    }

    /** @return the delivery status, exactly as the template sent it (such as {@code DELIVERED} or {@code 2}) */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /** @return the error code, exactly as the template sent it */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** @return the {@code reference} given when the message was sent, decoded */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return the recipient's number, when the template includes it */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    /** @return the sender, when the template includes it */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /**
     * @return every field as received (names as written, values decoded but otherwise untouched), in
     *         arrival order; unmodifiable. A JSON {@code null} is kept as a {@code null} value.
     */
    public Map<String, @Nullable String> raw() {
        return raw;
    }

    private static @Nullable BigDecimal price(String text) {
        try {
            return Numbers.decimal(text);
        } catch (Numbers.OutOfBounds e) {
            throw new MittoValidationException(WHAT + ": its price '" + Fields.excerpt(text) + "' is " + e.getMessage()
                    + ". A report's price is a plain decimal such as 6.00, so Mitto did not build this one: answer"
                    + " the request with HTTP 400", null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DeliveryReport && raw.equals(((DeliveryReport) other).raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("DeliveryReport[messageId=").append(messageId);
        append(text, "mccMnc", mccMnc);
        append(text, "price", price == null ? null : price.toPlainString());
        append(text, "status", status);
        append(text, "errorCode", errorCode);
        append(text, "reference", reference);
        append(text, "to", to);
        append(text, "from", from);
        return text.append(']').toString();
    }

    static void append(StringBuilder text, String name, @Nullable String value) {
        if (value != null) {
            text.append(", ").append(name).append('=').append(value);
        }
    }
}
