package net.mittoapi.sms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview}: parts and cost by destination, numbers from arguments, a file or standard input. */
class PreviewCommandTest {

    /** 161 GSM-7 septets: 2 parts. */
    static final String TWO_PARTS = "x".repeat(159) + "€";

    /** Two countries, two shared codes (+1, +7), a duplicate and a spare code, one a line, with a comment. */
    static final String NUMBERS = "# the campaign's list\n491725551234\n33612345678, 12025550123\n491765410994\n"
            + "77012345678 +491725551234\n14165550123\n79161234567\n99912345678  # a typo\n";

    static final String PRICES = "country,price\n# per SMS part, in EUR\nDE,0.075\nFRA, 0.081\n+1,0.0085\n\nRU,0.05\n"
            + "kaz,0.07\n";

    static final String NANP = "USA, ATG, AIA, ASM, BRB, BMU, BHS, CAN, DMA, DOM, GRD, GUM, JAM, KNA, CYM, LCA, MNP,"
            + " MSR, PRI, SXM, TCA, TTO, VCT, VGB, VIR";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aMixedListFromAFileIsCountedAndPricedByDestination() throws IOException {
        Path numbers = write("numbers.txt", NUMBERS);
        Path prices = write("prices.csv", PRICES);

        Cli.Result result = Cli.run("preview", "--text", TWO_PARTS, "--to-file", numbers.toString(), "--prices",
                prices.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Each message: 2 parts of GSM-7
                +49 DEU: 3 recipients, 6 parts × 0.075 = 0.450
                +33 FRA: 1 recipient, 2 parts × 0.081 = 0.162
                +1 shared by 25 countries (%s): 2 recipients, 4 parts × 0.0085 (+1's price) = 0.0340
                +7 shared by 2 countries (RUS, KAZ): 2 recipients, 4 parts, not priced: its countries' prices differ \
                (RUS 0.05, KAZ 0.07); give +7 a price
                No country (a spare calling code, or a global service's): 1 recipient, 2 parts, not priced
                  99912345678
                Total: 9 recipients, 18 parts, 0.6460 for the 6 recipients priced; 3 not priced
                """.formatted(NANP));
    }

    @Test
    void withoutPricesItCountsPartsAndWhenEveryDestinationIsPricedItGivesTheTotal() throws IOException {
        Cli.Result counted = Cli.run("preview", "--text", "Hi", "--to", "491725551234,+33612345678", "--to",
                "491725551234");
        Path prices = write("prices.csv", "DEU,0.075\nFR,0.081\n");
        Cli.Result priced = Cli.run("preview", "--text", "Привет", "--to", "491725551234,+33612345678", "--prices",
                prices.toString());

        assertThat(counted.exitCode()).isZero();
        assertThat(counted.out()).isEqualTo("""
                Each message: 1 part of GSM-7
                +49 DEU: 2 recipients, 2 parts
                +33 FRA: 1 recipient, 1 part
                Total: 3 recipients, 3 parts
                """);
        assertThat(priced.out()).isEqualTo("""
                Each message: 1 part of UCS-2
                +49 DEU: 1 recipient, 1 part × 0.075 = 0.075
                +33 FRA: 1 recipient, 1 part × 0.081 = 0.081
                Total: 2 recipients, 2 parts, 0.156
                """);
    }

    @Test
    void numbersComeFromStandardInputAndSayWhyASharedCodeHasNoPrice() throws IOException {
        Path prices = write("prices.csv", "RUS,0.05\nUSA,0.01\nDE,0.07\n");

        Cli.Result result = Cli.run(Map.of(), "77012345678\n12025550123\n33612345678\n", "preview", "--text", "Hi",
                "--type", "unicode", "--to-file", "-", "--prices", prices.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Each message: 1 part of UCS-2
                +7 shared by 2 countries (RUS, KAZ): 1 recipient, 1 part, not priced: no price for +7 nor for KAZ
                +1 shared by 25 countries (%s): 1 recipient, 1 part, not priced: no price for +1 nor for ATG, AIA, ASM, \
                BRB, BMU, BHS, CAN, DMA, DOM, GRD, GUM, JAM, KNA, CYM, LCA, MNP, MSR, PRI, SXM, TCA, TTO, VCT, VGB, VIR
                +33 FRA: 1 recipient, 1 part, not priced: no price for FRA
                Total: 3 recipients, 3 parts, none priced
                """.formatted(NANP));
    }

    @Test
    void aBadPriceFileIsAUsageErrorNamingTheLine() throws IOException {
        Path bad = write("prices.csv", "DE,0.075\nFR;0.08\n");
        Path currency = write("currency.csv", "# EUR\nDE,€0.075\n");
        Path unknown = write("unknown.csv", "DE,0.075\nXX,0.01\n");
        Path twice = write("twice.csv", "DE,0.075\nde,0.07\n");

        assertThat(Cli.run("preview", "--text", "Hi", "--to", "491725551234", "--prices", bad.toString()))
                .satisfies(r -> {
                    assertThat(r.exitCode()).isEqualTo(MittoCli.USAGE);
                    assertThat(r.err()).isEqualTo(bad + ", line 2: expected COUNTRY,PRICE (such as DE,0.075), got"
                            + " 'FR;0.08'\n");
                    assertThat(r.out()).isEmpty();
                });
        assertThat(Cli.run("preview", "--text", "Hi", "--to", "491725551234", "--prices", currency.toString()).err())
                .isEqualTo(currency + ", line 2: the price must be a decimal number with a dot, such as 0.075, without"
                        + " a currency; got '€0.075'\n");
        assertThat(Cli.run("preview", "--text", "Hi", "--to", "491725551234", "--prices", unknown.toString()).err())
                .isEqualTo(unknown + ", line 2: a price list's key must be a country as an ISO 3166-1 alpha-2 or"
                        + " alpha-3 code, such as \"DE\" or \"DEU\", or a calling code, such as \"+1\"; got 'XX'\n");
        assertThat(Cli.run("preview", "--text", "Hi", "--to", "491725551234", "--prices", twice.toString()).err())
                .isEqualTo(twice + ", line 2: de has a price already, on line 1\n");
    }

    @Test
    void badNumbersAndMissingInputAreUsageErrors() {
        Cli.Result badNumber = Cli.run("preview", "--text", "Hi", "--to", "49 172");
        Cli.Result noNumbers = Cli.run("preview", "--text", "Hi");
        Cli.Result noFile = Cli.run("preview", "--text", "Hi", "--to-file", dir.resolve("none.txt").toString());
        Cli.Result twoStdins = Cli.run("preview", "--text", "-", "--to-file", "-");

        assertThat(badNumber.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(badNumber.err()).startsWith("Refused (MittoValidationException): to[0] must be an E.164 number");
        assertThat(noNumbers.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(noNumbers.err()).isEqualTo("Name the recipients: --to NUMBER (repeatable, or comma-separated) or"
                + " --to-file FILE.\n");
        assertThat(noFile.err()).isEqualTo("Could not read the input: " + dir.resolve("none.txt") + ": no such file\n");
        assertThat(twoStdins.err()).isEqualTo("Only one of --text, --to-file and --prices can read standard input (-).\n");
    }

    @Test
    void moreStandardInputThanTheBoundIsAUsageError() {
        Cli.Result result = Cli.run(Map.of(), "4917255512,".repeat(Terminal.MAX_INPUT_BYTES / 11 + 1), "preview",
                "--text", "Hi", "--to-file", "-");

        assertThat(result.exitCode()).isEqualTo(MittoCli.USAGE);
        assertThat(result.err()).isEqualTo("Could not read the input: standard input is longer than 1048576 bytes"
                + " (1 MiB), far more than any SMS needs: split it\n");
    }

    @Test
    void unknownNumbersAreListedUpToTwentyUnlessAll() {
        String[] args = new String[25 + 4];
        args[0] = "preview";
        args[1] = "--text";
        args[2] = "Hi";
        for (int i = 0; i < 25; i++) {
            args[3 + i] = "--to=9990000" + (10 + i);
        }
        args[28] = "--all";

        Cli.Result shortList = Cli.run(java.util.Arrays.copyOf(args, 28));
        Cli.Result full = Cli.run(args);

        assertThat(shortList.out()).contains("  999000010, 999000011,").contains("999000029 … and 5 more (--all lists"
                + " every one)\n").doesNotContain("999000030");
        assertThat(full.out()).contains("999000033, 999000034\nTotal: 25 recipients, 25 parts\n");
    }
}
