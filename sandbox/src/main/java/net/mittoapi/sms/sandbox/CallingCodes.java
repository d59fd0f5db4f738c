package net.mittoapi.sms.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The country of a phone number, from its country calling code (ITU-T E.164): the longest prefix of the
 * number found in {@code calling-codes.tsv} wins, so {@code +1 416…} is Canada while other {@code +1}
 * numbers are the USA, and {@code +7 7…} is Kazakhstan while other {@code +7} numbers are Russia.
 */
final class CallingCodes {

    /** A country: its ISO 3166-1 alpha-3 code and, when known, its mobile country code (ITU-T E.212). */
    record Country(String alpha3, @Nullable String mcc) {
    }

    private static final String RESOURCE = "calling-codes.tsv";
    private static final CallingCodes TABLE = load();

    private final Map<String, Country> byPrefix;
    private final int longestPrefix;

    private CallingCodes(Map<String, Country> byPrefix) {
        this.byPrefix = byPrefix;
        this.longestPrefix = byPrefix.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    static CallingCodes table() {
        return TABLE;
    }

    /** @param digits an E.164 number without '+' */
    Optional<Country> lookup(String digits) {
        for (int length = Math.min(longestPrefix, digits.length()); length > 0; length--) {
            Country country = byPrefix.get(digits.substring(0, length));
            if (country != null) {
                return Optional.of(country);
            }
        }
        return Optional.empty();
    }

    int size() {
        return byPrefix.size();
    }

    private static CallingCodes load() {
        Map<String, Country> byPrefix = new HashMap<>();
        try (InputStream in = CallingCodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the mitto-sms jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 2 || !columns[0].matches("[1-9][0-9]*") || !columns[1].matches("[A-Z]{3}")
                        || columns.length > 2 && !columns[2].matches("[0-9]{3}")) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " is malformed: '" + line + "'");
                }
                Country previous = byPrefix.put(columns[0], new Country(columns[1], columns.length > 2 ? columns[2] : null));
                if (previous != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " repeats prefix " + columns[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        return new CallingCodes(Map.copyOf(byPrefix));
    }
}
