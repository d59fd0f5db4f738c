package net.mittoapi.sms.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * Seeded random inputs for the property tests of this package, in plain JUnit 5: a property is a
 * {@code @ParameterizedTest} over {@link #seeds()}, each seed drives one {@link Random}, and a failure names
 * its seed and its input, so that it can be replayed alone.
 *
 * <p>By default every property runs over the same {@value #DEFAULT_TRIES} seeds, so a build is repeatable.
 * {@code -Dsegments.seed=N} runs one seed (the one a failure names); {@code -Dsegments.tries=N} runs
 * {@code N} seeds drawn afresh, to explore further.
 */
final class Seeds {

    /** As many cases per property as jqwik's default, which the properties used before. */
    static final int DEFAULT_TRIES = 1000;

    private Seeds() {
    }

    /** @return the seeds to run: the one given, fresh ones, or the default fixed ones */
    static LongStream seeds() {
        String one = System.getProperty("segments.seed");
        if (one != null) {
            return LongStream.of(Long.parseLong(one));
        }
        String tries = System.getProperty("segments.tries");
        if (tries != null) {
            return new Random().longs(Long.parseLong(tries));
        }
        return LongStream.range(0, DEFAULT_TRIES).map(i -> 0x5EED_0000L + i);
    }

    /**
     * Runs a property on the input a seed generates; a failure (an assertion, or any exception the code under
     * test throws) is rethrown with the seed, the input and how to replay it.
     */
    static <T> void check(long seed, T input, Consumer<T> property) {
        try {
            property.accept(input);
        } catch (AssertionError | RuntimeException e) {
            String test = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass()
                    .getSimpleName();
            throw new AssertionError("seed " + seed + " (replay: mvn -q test-compile failsafe:integration-test"
                    + " failsafe:verify -Dit.test=" + test + " -Dsegments.seed=" + seed + "), input " + describe(input)
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Draws a list size as jqwik did: the edge cases (empty, one element, the maximum) often, any other
     * size otherwise.
     */
    static int size(Random random, int min, int max) {
        switch (random.nextInt(10)) {
            case 0:
                return min;
            case 1:
                return Math.min(min + 1, max);
            case 2:
                return max;
            default:
                return min + random.nextInt(max - min + 1);
        }
    }

    /** A pool of pieces, each drawn with its weight. */
    static final class Pool {
        private final List<List<String>> choices = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private int total;

        /** Adds pieces drawn, all together, {@code weight} times in {@code total}; returns this pool. */
        Pool add(int weight, List<String> pieces) {
            choices.add(pieces);
            weights.add(weight);
            total += weight;
            return this;
        }

        String piece(Random random) {
            int r = random.nextInt(total);
            for (int i = 0; i < weights.size(); i++) {
                r -= weights.get(i);
                if (r < 0) {
                    List<String> choice = choices.get(i);
                    return choice.get(random.nextInt(choice.size()));
                }
            }
            throw new AssertionError("unreachable");
        }

        /** @return the concatenation of {@code min} to {@code max} pieces */
        String text(Random random, int min, int max) {
            int pieces = size(random, min, max);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < pieces; i++) {
                text.append(piece(random));
            }
            return text.toString();
        }
    }

    private static String describe(Object input) {
        if (!(input instanceof String)) {
            return String.valueOf(input);
        }
        String text = (String) input;
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\') {
                out.appendCodePoint(cp);
            } else {
                out.append(cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\u{%X}", cp));
            }
        });
        return out.append("\" (").append(text.length()).append(" chars)").toString();
    }
}
