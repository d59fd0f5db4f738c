package net.mittoapi.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The country calling codes of ITU-T E.164 and the countries that use each, from {@code calling-codes.tsv} beside
 * this class (its header names the sources: ITU-T's list of assigned codes, libphonenumber's metadata for which
 * region uses which). Calling codes are prefix-free and 1 to 3 digits long, so the code of a number is whichever of
 * its first one, two or three digits the table holds, and a number has at most one. A code several countries share
 * (+1, +7, +44, ...) names them all: which of them a number is in depends on its area code, which this table does
 * not hold on purpose (see {@link CostPreview}).
 *
 * <p>Why a table and not Google's libphonenumber: it answers this one question in 4 KB, the same on every class
 * path; {@link CostPreview}'s Javadoc says more.
 */
final class CallingCodes {

    /** A calling code and the ISO 3166-1 alpha-3 countries that use it, the main one first, without repeats. */
    record Code(String digits, List<String> countries) {
    }

    private static final String RESOURCE = "calling-codes.tsv";
    private static final int LONGEST_CODE = 3;

    private final Map<String, Code> byDigits;
    private final Map<String, String> alpha3ByAlpha2;

    private CallingCodes(Map<String, Code> byDigits, Map<String, String> alpha3ByAlpha2) {
        this.byDigits = byDigits;
        this.alpha3ByAlpha2 = alpha3ByAlpha2;
    }

    /** @return the table, read once from the SDK's jar */
    static CallingCodes table() {
        return Holder.TABLE;
    }

    /**
     * @param number E.164 digits without {@code +}
     * @return the calling code the number starts with, or {@code null} when it starts with none assigned to a
     *         country (a spare code, or one of a global service such as +882)
     */
    @Nullable Code of(String number) {
        for (int length = 1; length <= LONGEST_CODE && length <= number.length(); length++) {
            Code code = byDigits.get(number.substring(0, length));
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /**
     * @param digits a calling code's digits, such as {@code "1"}
     * @return the code, or {@code null} when no country uses it
     */
    @Nullable Code code(String digits) {
        return byDigits.get(digits);
    }

    /**
     * @param alpha2 an ISO 3166-1 alpha-2 code in capitals
     * @return the alpha-3 country the table bills that region as, or {@code null} when the region has no calling code
     *         of its own in the table
     */
    @Nullable String alpha3(String alpha2) {
        return alpha3ByAlpha2.get(alpha2);
    }

    /** @return every code, in the table's order */
    List<Code> codes() {
        return List.copyOf(byDigits.values());
    }

    private static CallingCodes load() {
        Map<String, List<String>> countries = new LinkedHashMap<>();
        Map<String, String> alpha3ByAlpha2 = new HashMap<>();
        try (InputStream in = CallingCodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the mitto-sms jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": three columns expected, got '" + line + "'");
                }
                List<String> list = countries.computeIfAbsent(columns[0], digits -> new ArrayList<>());
                if (!list.contains(columns[2])) {
                    list.add(columns[2]);
                }
                alpha3ByAlpha2.put(columns[1], columns[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE + " from the mitto-sms jar", e);
        }
        Map<String, Code> byDigits = new LinkedHashMap<>();
        countries.forEach((digits, list) -> byDigits.put(digits, new Code(digits, List.copyOf(list))));
        return new CallingCodes(byDigits, Map.copyOf(alpha3ByAlpha2));
    }

    /** Loads the table on first use, not when the SDK's classes load. */
    private static final class Holder {
        static final CallingCodes TABLE = load();
    }
}
