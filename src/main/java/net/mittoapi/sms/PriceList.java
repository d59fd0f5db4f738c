package net.mittoapi.sms;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Prices per SMS part, by destination, for {@link CostPreview}: your own, or your account's averages from
 * {@link #fromUsage(UsageResponse)}. Immutable and thread-safe.
 *
 * <pre>{@code
 * PriceList mine = PriceList.of(Map.of(
 *         "DE", new BigDecimal("0.075"),      // ISO 3166-1 alpha-2 ...
 *         "FRA", new BigDecimal("0.081"),     // ... or alpha-3, as the API's usage names countries
 *         "+1", new BigDecimal("0.0085")));   // or a calling code: every number that starts with it
 * PriceList averages = PriceList.fromUsage(client.usageByCountry(lastMonth));
 * PriceList both = averages.with(mine);      // mine wins where both have a price
 * }</pre>
 *
 * <p><b>Keys.</b> A country, as an ISO 3166-1 alpha-2 or alpha-3 code in any case ({@code "de"}, {@code "DEU"}),
 * kept as its alpha-3 code, the form of {@link CountryUsage#country()}; or a country calling code, {@code "+"} and its
 * digits ({@code "+1"}, {@code "+7"}), which prices every number that starts with it: the way to price a code that
 * several countries share (see {@link CostPreview}). A calling code's price wins over its countries' prices.
 *
 * <p><b>Money.</b> Prices are {@link BigDecimal}s, kept exactly as given (scale included), and never rounded except in
 * {@link #fromUsage(UsageResponse)}'s division. There is no currency: the API's usage states none for its
 * {@code cost} (it is the account's), so a price list is in whatever currency its prices are, and mixing lists of
 * two currencies is yours to avoid.
 */
public final class PriceList {

    private static final PriceList NONE = new PriceList(new TreeMap<>());
    private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());
    private static final Set<String> ALPHA3 = alpha3Codes();

    /** Alpha-3 codes and {@code +digits}, sorted: calling codes first ({@code +} sorts before letters). */
    private final Map<String, BigDecimal> prices;

    private PriceList(TreeMap<String, BigDecimal> prices) {
        this.prices = Collections.unmodifiableMap(prices);
    }

    /** @return a price list with no price: a {@link CostPreview} made with it counts parts only */
    public static PriceList none() {
        return NONE;
    }

    /**
     * Your own prices per part.
     *
     * @param pricePerPart the price of one SMS part, by country (ISO 3166-1 alpha-2 or alpha-3, any case) or calling
     *                     code ({@code "+1"}); copied
     * @return the price list
     * @throws MittoValidationException when the map is {@code null}, a key is neither a country code (one the JDK's
     *                                  ISO 3166 data or the SDK's calling-code table knows) nor a calling code
     *                                  assigned to a country, a price is {@code null} or negative, or two keys name
     *                                  the same country ({@code "DE"} and {@code "DEU"})
     */
    public static PriceList of(Map<String, ? extends BigDecimal> pricePerPart) {
        if (pricePerPart == null) {
            throw new MittoValidationException("pricePerPart must not be null: pass a map of country (or \"+\" and a"
                    + " calling code) to the price of one SMS part, or use PriceList.none()");
        }
        TreeMap<String, BigDecimal> prices = new TreeMap<>();
        Map<String, String> givenAs = new TreeMap<>();
        for (Map.Entry<String, ? extends BigDecimal> entry : pricePerPart.entrySet()) {
            String key = key(entry.getKey());
            BigDecimal price = entry.getValue();
            if (price == null || price.signum() < 0) {
                throw new MittoValidationException("the price of " + entry.getKey() + " must be zero or more, per SMS"
                        + " part; got " + price);
            }
            String other = givenAs.put(key, entry.getKey());
            if (other != null) {
                throw new MittoValidationException(other + " and " + entry.getKey() + " both name " + key
                        + ": give it one price");
            }
            prices.put(key, price);
        }
        return new PriceList(prices);
    }

    /**
     * Your account's own average cost per message in each country over a period: {@link CountryUsage#cost()} ÷
     * {@link CountryUsage#messagesCount()}. Not a price Mitto quotes, but what you paid on average, to preview
     * a new message at.
     *
     * <p><b>Per message or per part?</b> The API does not document what {@code messagesCount} counts, messages or SMS
     * parts. If it counts parts, the average is a price per part, as {@link CostPreview} uses it. If it counts
     * messages, the average is a price per message of the period's mix, and a period of multi-part messages makes it
     * higher than a part's price: a preview priced with it is then too high by the period's average parts per message.
     * Compare it once with your invoice, or use prices of your own ({@link #of(Map)}, {@link #with(PriceList)}).
     *
     * <p>Left out: an entry without a country, a country with no messages (its average is undefined) or with a
     * negative cost (a refund or a correction, not a price). A country listed twice is averaged over both entries.
     * A quotient that does not end is rounded to 16 significant digits ({@link MathContext#DECIMAL64}); one that ends is
     * exact ({@code 68.400000 ÷ 1140 = 0.060000}). Countries are kept as the API names them, upper-cased.
     *
     * @param usage the API's answer to {@link MittoClient#usageByCountry(UsageRequest)}
     * @return the averages, by alpha-3 country
     * @throws MittoValidationException when {@code usage} is {@code null}
     */
    public static PriceList fromUsage(UsageResponse usage) {
        if (usage == null) {
            throw new MittoValidationException("usage must not be null: pass the answer of client.usageByCountry(...)");
        }
        Map<String, Usage> sums = new TreeMap<>();
        for (CountryUsage entry : usage.usagesByCountry()) {
            String country = entry.country();
            if (country == null || country.isBlank() || entry.cost() == null || entry.cost().signum() < 0
                    || entry.messagesCount() <= 0) {
                continue;
            }
            sums.merge(country.strip().toUpperCase(Locale.ROOT), new Usage(entry.cost(), entry.messagesCount()),
                    (a, b) -> new Usage(a.cost().add(b.cost()), a.count() + b.count()));
        }
        TreeMap<String, BigDecimal> prices = new TreeMap<>();
        sums.forEach((country, sum) ->
                prices.put(country, sum.cost().divide(BigDecimal.valueOf(sum.count()), MathContext.DECIMAL64)));
        return new PriceList(prices);
    }

    /**
     * @param other another price list, such as your own prices for what your usage lacks
     * @return a price list with the prices of both, {@code other}'s where both have one
     * @throws MittoValidationException when {@code other} is {@code null}
     */
    public PriceList with(PriceList other) {
        if (other == null) {
            throw new MittoValidationException("other must not be null: pass a PriceList, or PriceList.none()");
        }
        TreeMap<String, BigDecimal> merged = new TreeMap<>(prices);
        merged.putAll(other.prices);
        return new PriceList(merged);
    }

    /**
     * @param key a country (ISO 3166-1 alpha-2 or alpha-3, any case) or a calling code ({@code "+7"})
     * @return the price of one SMS part there, or empty when this list has none. A country's price only: a calling
     *         code's price, which wins over it in a {@link CostPreview}, is asked for with {@code "+"} and the code
     * @throws MittoValidationException when {@code key} is neither, as {@link #of(Map)} refuses it
     */
    public Optional<BigDecimal> pricePerPart(String key) {
        return Optional.ofNullable(prices.get(key(key)));
    }

    /**
     * @return every price, by alpha-3 country or {@code "+"} and a calling code, sorted (calling codes first);
     *         unmodifiable
     */
    public Map<String, BigDecimal> prices() {
        return prices;
    }

    /** @return whether this list has no price */
    public boolean isEmpty() {
        return prices.isEmpty();
    }

    /**
     * The price of a part to a destination: the calling code's own price when the list has one; else the price of its
     * one country; else, for a code several countries share, their price when every one of them has the same (by
     * {@link BigDecimal#compareTo}). Otherwise none: the preview does not guess which country a number is in.
     *
     * @param code the destination's calling code, or {@code null} for numbers of no known country
     * @return the price, or {@code null}
     */
    @Nullable BigDecimal priceFor(CallingCodes.@Nullable Code code) {
        if (code == null) {
            return null;
        }
        BigDecimal own = prices.get("+" + code.digits());
        if (own != null) {
            return own;
        }
        BigDecimal price = null;
        for (String country : code.countries()) {
            BigDecimal p = prices.get(country);
            if (p == null || price != null && p.compareTo(price) != 0) {
                return null;
            }
            price = price == null ? p : price;
        }
        return price;
    }

    /** Equal when the prices are, scale included ({@code 0.10} is not {@code 0.1}). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PriceList other && prices.equals(other.prices);
    }

    @Override
    public int hashCode() {
        return prices.hashCode();
    }

    /** @return such as {@code PriceList{+1=0.0085, DEU=0.075}} */
    @Override
    public String toString() {
        return "PriceList" + prices;
    }

    /** A country's usage summed over the entries that name it. */
    private record Usage(BigDecimal cost, long count) {
    }

    /** A key as kept: alpha-3 in capitals, or {@code +} and the digits of a calling code assigned to a country. */
    private static String key(@Nullable String key) {
        if (key == null) {
            throw new MittoValidationException("a price list's key must not be null: use a country, such as \"DE\" or"
                    + " \"DEU\", or a calling code, such as \"+1\"");
        }
        CallingCodes table = CallingCodes.table();
        if (key.startsWith("+")) {
            String digits = key.substring(1);
            if (table.code(digits) == null) {
                throw new MittoValidationException("a price list's calling code must be one assigned to a country"
                        + " (ITU-T E.164), such as \"+1\" or \"+49\"; got '" + key + "'");
            }
            return key;
        }
        String upper = key.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && letters(upper)) {
            String alpha3 = table.alpha3(upper);
            if (alpha3 == null && ALPHA2.contains(upper)) {
                alpha3 = new Locale.Builder().setRegion(upper).build().getISO3Country();
            }
            if (alpha3 != null && !alpha3.isEmpty()) {
                return alpha3;
            }
        } else if (upper.length() == 3 && letters(upper) && ALPHA3.contains(upper)) {
            return upper;
        }
        throw new MittoValidationException("a price list's key must be a country as an ISO 3166-1 alpha-2 or alpha-3"
                + " code, such as \"DE\" or \"DEU\", or a calling code, such as \"+1\"; got '" + key + "'");
    }

    private static boolean letters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** The JDK's ISO 3166-1 alpha-3 codes and the calling-code table's (XKX for Kosovo is only there). */
    private static Set<String> alpha3Codes() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        for (CallingCodes.Code code : CallingCodes.table().codes()) {
            codes.addAll(code.countries());
        }
        return Set.copyOf(codes);
    }
}
