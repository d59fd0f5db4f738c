package net.mittoapi.sms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.mittoapi.sms.internal.validation.MessageFields;
import net.mittoapi.sms.internal.validation.Validation;
import net.mittoapi.sms.segments.Encoding;
import net.mittoapi.sms.segments.SegmentInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a message will cost before it is sent, offline: the SMS parts per recipient and in all, grouped by the
 * destination's country calling code, and priced when given a {@link PriceList}.
 *
 * <pre>{@code
 * BulkSmsRequest request = BulkSmsRequest.builder().from("MITTO SMS")
 *         .to("491725551234", "33612345678", "12025550123").text("Your order ships today.").build();
 * CostPreview preview = CostPreview.of(request, PriceList.of(Map.of(
 *         "DE", new BigDecimal("0.075"), "FR", new BigDecimal("0.081"), "+1", new BigDecimal("0.0085"))));
 * preview.parts();          // 3: one part to each of 3 recipients
 * preview.destinations();   // +49 [DEU], +33 [FRA], +1 [USA, ATG, AIA, ...: the 25 countries of +1]
 * preview.cost();           // Optional[0.1645]
 * }</pre>
 *
 * <p><b>Parts.</b> Every recipient gets the same text, so each costs {@link #partsPerMessage()} parts, counted as
 * {@code maxParts} counts them ({@link SmsRequest.Builder#maxParts(int)}): by the
 * {@link net.mittoapi.sms.segments.SegmentCalculator} in the encoding the message goes out in, a binary text as hex
 * octets. A number listed twice is sent to twice, and counted twice. The request's {@code test} flag is not looked at:
 * the preview says what the message costs when sent for real. A {@code udh} of your own is not counted.
 *
 * <p><b>Countries.</b> A number's country is read from its country calling code (ITU-T E.164), from a table in the
 * SDK whose source is named in its header ({@code net/mittoapi/sms/calling-codes.tsv}: ITU-T's list of assigned
 * codes; which region uses which, from libphonenumber's metadata). Countries are ISO 3166-1 alpha-3 codes, the form
 * of the API's {@link CountryUsage#country()}. Numbers are grouped by calling code, in order of first appearance:
 * <ul>
 *   <li>a code of one country ({@code +49}) is a {@link Destination} of that country;</li>
 *   <li>a code several countries share is a destination of them all, {@link Destination#shared()}: {@code +1} (the
 *       North American Numbering Plan: the USA, Canada and 23 Caribbean and Pacific members), {@code +7} (Russia,
 *       Kazakhstan), {@code +44} (the United Kingdom, Guernsey, the Isle of Man, Jersey), {@code +47} (Norway,
 *       Svalbard), {@code +61} (Australia, Christmas Island, the Cocos Islands), {@code +212}, {@code +262},
 *       {@code +358}, {@code +39}, {@code +590}, {@code +599}. Which of them a number is in depends on its area code,
 *       and the preview does not guess it;</li>
 *   <li>a number that starts with no code assigned to a country (a spare code, or a global service's such as
 *       {@code +882}) is in one destination of no country, with an empty calling code.</li>
 * </ul>
 *
 * <p><b>Prices.</b> A destination is priced, by {@link PriceList}, at its calling code's price when the list has one
 * ({@code "+1"}); else at its country's; else, for a shared code, at its countries' price when every one of them has
 * the same. Otherwise it is not priced: a shared code whose countries are priced differently, or not all, has no
 * price until the list gives one for the code itself. {@link #cost()} is the total when every destination is priced;
 * {@link #pricedCost()} and {@link #unpriced()} say what is known when not. Amounts are exact {@link BigDecimal}
 * products and sums of the list's prices, in its currency: the API's cost states none.
 *
 * <p><b>Why not libphonenumber.</b> Google's libphonenumber would tell which country of a shared code a number is in
 * (by its area code), but the SDK does not use it: the preview needs one lookup, a 4 KB table, where libphonenumber's
 * core jar is 360 KB of metadata and code for parsing, formatting and validating numbers, which the SDK does not need
 * (the API takes E.164 digits); and as an optional dependency it would make the same request preview differently
 * depending on whether some other library brought it onto the class path, as many do. A number of a shared code is
 * billed by Mitto as whichever country it is in: price the code ({@code "+1"}), or resolve such numbers yourself with
 * libphonenumber if you have it. The SDK's tests check its table against libphonenumber's metadata.
 *
 * @param encoding        the encoding every part goes out in, or {@code null} for a binary message (not a text)
 * @param partsPerMessage the parts one recipient's message costs, at least 1
 * @param destinations    the recipients by calling code, in order of first appearance; unmodifiable
 */
public record CostPreview(@Nullable Encoding encoding, int partsPerMessage, List<Destination> destinations) {

    /**
     * @param encoding        the encoding, or {@code null} for a binary message
     * @param partsPerMessage the parts per recipient, at least 1
     * @param destinations    the destinations; copied
     * @throws IllegalArgumentException if {@code partsPerMessage} is below 1
     * @throws NullPointerException     if {@code destinations} is {@code null} or holds {@code null}
     */
    public CostPreview {
        if (partsPerMessage < 1) {
            throw new IllegalArgumentException("partsPerMessage must be at least 1, got " + partsPerMessage);
        }
        destinations = List.copyOf(destinations);
    }

    /**
     * @param request the message
     * @return its parts, unpriced
     * @throws MittoValidationException when {@code request} is {@code null} or its parts cannot be counted (a
     *                                  {@link MessageType#GSM} text with a character outside GSM-7, a binary text
     *                                  that is not whole octets of hex digits)
     */
    public static CostPreview of(SmsRequest request) {
        return of(request, PriceList.none());
    }

    /**
     * @param request the message
     * @param prices  the prices per part
     * @return its parts and cost
     * @throws MittoValidationException as {@link #of(SmsRequest)}, or when {@code prices} is {@code null}
     */
    public static CostPreview of(SmsRequest request, PriceList prices) {
        return of(required(request).text(), request.type().orElse(null), List.of(request.to()), prices);
    }

    /**
     * @param request the message and its recipients
     * @return its parts, unpriced
     * @throws MittoValidationException as {@link #of(SmsRequest)}
     */
    public static CostPreview of(BulkSmsRequest request) {
        return of(request, PriceList.none());
    }

    /**
     * @param request the message and its recipients
     * @param prices  the prices per part
     * @return its parts and cost
     * @throws MittoValidationException as {@link #of(SmsRequest, PriceList)}
     */
    public static CostPreview of(BulkSmsRequest request, PriceList prices) {
        return of(required(request).text(), request.type().orElse(null), request.to(), prices);
    }

    /**
     * A preview of a text to a list of numbers, without building a request (no sender needed). The text and the
     * numbers are checked as the request builders check them.
     *
     * @param text   the message text, not empty
     * @param type   the type it goes out as, or {@code null} for {@link MessageType#AUTO}
     * @param to     the recipients, E.164 digits (one leading {@code +} accepted); not empty
     * @param prices the prices per part, or {@link PriceList#none()}
     * @return its parts and cost
     * @throws MittoValidationException when the text or a number breaks the builders' rules, the parts cannot be
     *                                  counted, or {@code prices} is {@code null}
     */
    public static CostPreview of(String text, @Nullable MessageType type, List<String> to, PriceList prices) {
        String checked = Validation.text(text);
        List<String> numbers = Validation.recipients(to);
        if (prices == null) {
            throw new MittoValidationException("prices must not be null: pass PriceList.none() to count parts only");
        }
        int parts = Validation.partsPerMessage(checked, type);
        SegmentInfo info = type == MessageType.BINARY ? null : MessageFields.segments(checked, type);
        CallingCodes table = CallingCodes.table();
        Map<String, List<String>> byCode = new LinkedHashMap<>();
        Map<String, CallingCodes.@Nullable Code> codes = new LinkedHashMap<>();
        for (String number : numbers) {
            CallingCodes.Code code = table.of(number);
            String digits = code == null ? "" : code.digits();
            byCode.computeIfAbsent(digits, d -> new ArrayList<>()).add(number);
            codes.put(digits, code);
        }
        List<Destination> destinations = new ArrayList<>(byCode.size());
        byCode.forEach((digits, list) -> {
            CallingCodes.Code code = codes.get(digits);
            destinations.add(new Destination(digits, code == null ? List.of() : code.countries(), list,
                    (long) parts * list.size(), Optional.ofNullable(prices.priceFor(code))));
        });
        return new CostPreview(info == null ? null : info.encoding(), parts, destinations);
    }

    /** @return how many messages: the recipients, a number listed twice counted twice */
    public int recipients() {
        int total = 0;
        for (Destination destination : destinations) {
            total += destination.recipients();
        }
        return total;
    }

    /** @return the SMS parts in all: {@link #partsPerMessage()} times {@link #recipients()} */
    public long parts() {
        long total = 0;
        for (Destination destination : destinations) {
            total += destination.parts();
        }
        return total;
    }

    /** @return the cost in all when every destination is priced, else empty (see {@link #pricedCost()}) */
    public Optional<BigDecimal> cost() {
        return unpriced().isEmpty() ? Optional.of(pricedCost()) : Optional.empty();
    }

    /** @return the cost of the destinations that are priced; zero when none is */
    public BigDecimal pricedCost() {
        BigDecimal total = BigDecimal.ZERO;
        for (Destination destination : destinations) {
            Optional<BigDecimal> cost = destination.cost();
            if (cost.isPresent()) {
                total = total.add(cost.get());
            }
        }
        return total;
    }

    /** @return the destinations without a price, in order; empty when every one is priced */
    public List<Destination> unpriced() {
        List<Destination> result = new ArrayList<>();
        for (Destination destination : destinations) {
            if (destination.pricePerPart().isEmpty()) {
                result.add(destination);
            }
        }
        return List.copyOf(result);
    }

    private static <R> R required(R request) {
        if (request == null) {
            throw new MittoValidationException("request must not be null: build one with its builder(), such as"
                    + " BulkSmsRequest.builder()");
        }
        return request;
    }

    /**
     * The recipients that start with one country calling code, and what they cost.
     *
     * @param callingCode  the calling code's digits, such as {@code "49"} or {@code "1"}; empty for numbers that
     *                     start with no code assigned to a country
     * @param countries    the ISO 3166-1 alpha-3 countries that use the code, the main one first: one, several for a
     *                     shared code ({@code +1}: {@code USA} first, then the other 24 of the NANP), none for numbers
     *                     of no known country; unmodifiable
     * @param numbers      the recipients, as E.164 digits without {@code +}, in the request's order, a number listed
     *                     twice kept twice; unmodifiable
     * @param parts        the SMS parts they cost in all
     * @param pricePerPart the price of one part here, as {@link CostPreview} describes, or empty when not priced
     */
    public record Destination(String callingCode, List<String> countries, List<String> numbers, long parts,
            Optional<BigDecimal> pricePerPart) {

        /**
         * @param callingCode  the calling code's digits, or empty
         * @param countries    the countries; copied
         * @param numbers      the numbers; copied
         * @param parts        the parts in all, zero or more
         * @param pricePerPart the price per part, or empty
         * @throws NullPointerException     if an argument is {@code null}
         * @throws IllegalArgumentException if {@code parts} is negative
         */
        public Destination {
            if (callingCode == null || pricePerPart == null) {
                throw new NullPointerException("callingCode and pricePerPart must not be null");
            }
            if (parts < 0) {
                throw new IllegalArgumentException("parts must be zero or more, got " + parts);
            }
            countries = List.copyOf(countries);
            numbers = List.copyOf(numbers);
        }

        /** @return how many messages go here: the numbers, a number listed twice counted twice */
        public int recipients() {
            return numbers.size();
        }

        /** @return whether the calling code is shared by several countries, so that a number's country is not known */
        public boolean shared() {
            return countries.size() > 1;
        }

        /** @return the parts times the price per part, or empty when not priced */
        public Optional<BigDecimal> cost() {
            return pricePerPart.map(price -> price.multiply(BigDecimal.valueOf(parts)));
        }
    }
}
