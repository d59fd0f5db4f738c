package net.mittoapi.sms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.mittoapi.sms.CostPreview;
import net.mittoapi.sms.CostPreview.Destination;
import net.mittoapi.sms.MessageType;
import net.mittoapi.sms.MittoValidationException;
import net.mittoapi.sms.PriceList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mitto-cli preview}: what a text to a list of numbers costs, by destination, offline ({@link CostPreview}).
 *
 * <p>The price file is read here, by hand: two comma-separated fields a line, no quoting, no escapes, so that a CSV
 * library (a dependency of the tool) would add nothing but size.
 */
@Command(name = "preview", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Show what a text to a list of numbers costs, by destination country, offline.",
        description = "The SMS parts per message and in all, grouped by the numbers' country calling codes (a code"
                + " several countries share, such as +1 or +7, is shown with every country it may be), and, with"
                + " --prices, what they cost. Nothing is sent; no key is needed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:previewed", "2:bad command line, or a text, number or price list the SDK refuses"},
        footer = {"", "Price file (--prices): UTF-8, one price a line as COUNTRY,PRICE, where COUNTRY is an ISO 3166-1"
                + " alpha-2 or alpha-3 code (DE, DEU) or + and a calling code (+1: every number that starts with it)"
                + " and PRICE the price of one SMS part (0.075, no currency). Blank lines and lines starting with #"
                + " are skipped; so is a first line whose first field is 'country'."})
final class PreviewCommand implements Callable<Integer> {

    /** How many numbers of no known country are listed before "… and N more", unless --all. */
    static final int SHOWN = 20;

    @Option(names = "--text", required = true, paramLabel = "TEXT",
            description = "the message, or - to read it from standard input (UTF-8; one final line break is dropped)")
    private String text;

    @Option(names = "--to", paramLabel = "NUMBER", split = ",",
            description = "a recipient in E.164 digits, such as 491725551234 (a leading + is accepted); repeat it or"
                    + " separate with commas")
    private List<String> to = new ArrayList<>();

    @Option(names = "--to-file", paramLabel = "FILE",
            description = "a file of recipients, or - for standard input: separated by line breaks, commas or"
                    + " spaces; # starts a comment")
    private String toFile;

    @Option(names = "--prices", paramLabel = "FILE", description = "a price file (see below), or - for standard input")
    private String prices;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "auto (GSM-7 when it can, UCS-2 when it must), gsm, unicode or binary (default: auto)")
    private String type;

    @Option(names = "--all", description = "list every number of no known country (default: the first " + SHOWN + ")")
    private boolean all;

    private final Terminal terminal;

    PreviewCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter err = terminal.err();
        long fromStdin = List.of(String.valueOf(text), String.valueOf(toFile), String.valueOf(prices)).stream()
                .filter("-"::equals).count();
        if (fromStdin > 1) {
            err.println("Only one of --text, --to-file and --prices can read standard input (-).");
            return MittoCli.USAGE;
        }
        String message;
        List<String> numbers = new ArrayList<>(to);
        PriceList priceList;
        try {
            message = "-".equals(text) ? terminal.readInput() : text;
            if (toFile != null) {
                numbers.addAll(numbers(terminal.readFile(toFile)));
            }
            priceList = prices == null ? PriceList.none() : priceList(prices, terminal.readFile(prices));
        } catch (IOException e) {
            err.println("Could not read the input: " + e.getMessage());
            return MittoCli.USAGE;
        } catch (MittoValidationException e) {
            err.println(e.getMessage());
            return MittoCli.USAGE;
        }
        if (numbers.isEmpty()) {
            err.println("Name the recipients: --to NUMBER (repeatable, or comma-separated) or --to-file FILE.");
            return MittoCli.USAGE;
        }
        CostPreview preview;
        try {
            preview = CostPreview.of(message, type(), numbers, priceList);
        } catch (MittoValidationException e) {
            err.println("Refused (MittoValidationException): " + e.getMessage());
            return MittoCli.USAGE;
        }
        print(terminal.out(), preview, priceList);
        return MittoCli.OK;
    }

    private void print(PrintWriter out, CostPreview preview, PriceList priceList) {
        boolean priced = !priceList.isEmpty();
        out.println("Each message: " + Show.count(preview.partsPerMessage(), "part", "parts")
                + (preview.encoding() == null ? " of binary data" : " of " + Show.name(preview.encoding())));
        for (Destination destination : preview.destinations()) {
            String counts = Show.count(destination.recipients(), "recipient", "recipients") + ", "
                    + Show.count(destination.parts(), "part", "parts");
            out.println(name(destination) + ": " + counts + (priced ? price(destination, priceList) : ""));
            if (destination.countries().isEmpty()) {
                List<String> unknown = destination.numbers();
                int shown = all ? unknown.size() : Math.min(SHOWN, unknown.size());
                out.println("  " + String.join(", ", unknown.subList(0, shown))
                        + (shown < unknown.size() ? " … and " + (unknown.size() - shown) + " more (--all lists every"
                        + " one)" : ""));
            }
        }
        String total = "Total: " + Show.count(preview.recipients(), "recipient", "recipients") + ", "
                + Show.count(preview.parts(), "part", "parts");
        if (priced) {
            Optional<BigDecimal> cost = preview.cost();
            if (cost.isPresent()) {
                total += ", " + cost.get().toPlainString();
            } else {
                int unpriced = preview.unpriced().stream().mapToInt(Destination::recipients).sum();
                total += unpriced == preview.recipients() ? ", none priced"
                        : ", " + preview.pricedCost().toPlainString() + " for the "
                        + Show.count(preview.recipients() - unpriced, "recipient", "recipients") + " priced; "
                        + unpriced + " not priced";
            }
        }
        out.println(total);
    }

    /** Such as {@code +49 DEU}, {@code +7 shared by RUS, KAZ}, or {@code no country}. */
    private static String name(Destination destination) {
        List<String> countries = destination.countries();
        if (countries.isEmpty()) {
            return "No country (a spare calling code, or a global service's)";
        }
        return "+" + destination.callingCode() + " " + (destination.shared() ? "shared by " + countries.size()
                + " countries (" + String.join(", ", countries) + ")" : countries.get(0));
    }

    /** Such as {@code , 6 parts × 0.075 = 0.450}, or why it has no price. */
    private static String price(Destination destination, PriceList priceList) {
        Optional<BigDecimal> price = destination.pricePerPart();
        if (price.isPresent()) {
            boolean byCode = priceList.prices().containsKey("+" + destination.callingCode());
            return " × " + price.get().toPlainString() + (byCode ? " (+" + destination.callingCode() + "'s price)" : "")
                    + " = " + destination.cost().orElseThrow().toPlainString();
        }
        List<String> countries = destination.countries();
        if (countries.isEmpty()) {
            return ", not priced";
        }
        Map<String, BigDecimal> known = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String country : countries) {
            Optional<BigDecimal> p = priceList.pricePerPart(country);
            if (p.isPresent()) {
                known.put(country, p.get());
            } else {
                missing.add(country);
            }
        }
        if (!destination.shared()) {
            return ", not priced: no price for " + countries.get(0);
        }
        String code = "+" + destination.callingCode();
        if (!missing.isEmpty()) {
            return ", not priced: no price for " + code + (known.isEmpty() ? " nor its countries" : " nor for "
                    + String.join(", ", missing));
        }
        List<String> each = new ArrayList<>();
        known.forEach((country, p) -> each.add(country + " " + p.toPlainString()));
        return ", not priced: its countries' prices differ (" + String.join(", ", each) + "); give " + code + " a price";
    }

    private MessageType type() {
        if (type == null) {
            return null;
        }
        try {
            return MessageType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MittoValidationException("--type must be auto, gsm, unicode or binary, got '" + type + "'");
        }
    }

    /** Numbers separated by line breaks, commas or white space; {@code #} to the end of a line is a comment. */
    static List<String> numbers(String content) {
        List<String> numbers = new ArrayList<>();
        for (String line : content.split("\\R", -1)) {
            int comment = line.indexOf('#');
            String kept = comment >= 0 ? line.substring(0, comment) : line;
            for (String number : kept.split("[,\\s]+")) {
                if (!number.isEmpty()) {
                    numbers.add(number);
                }
            }
        }
        return numbers;
    }

    /**
     * The price file: {@code COUNTRY,PRICE} a line (see the command's footer).
     *
     * @param name    the file's name, for messages
     * @param content its text
     * @return the prices
     * @throws MittoValidationException naming the file and line of the first line that is not a price
     */
    static PriceList priceList(String name, String content) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] lines = content.split("\\R", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = ("-".equals(name) ? "standard input" : name) + ", line " + (i + 1) + ": ";
            String[] fields = line.split(",", -1);
            if (first && fields[0].strip().equalsIgnoreCase("country")) {
                first = false;
                continue;
            }
            first = false;
            if (fields.length != 2) {
                throw new MittoValidationException(where + "expected COUNTRY,PRICE (such as DE,0.075), got '" + line
                        + "'");
            }
            String key = fields[0].strip();
            BigDecimal price;
            try {
                price = new BigDecimal(fields[1].strip());
            } catch (NumberFormatException e) {
                throw new MittoValidationException(where + "the price must be a decimal number with a dot, such as"
                        + " 0.075, without a currency; got '" + fields[1].strip() + "'");
            }
            Integer earlier = lineOf.put(key.toUpperCase(Locale.ROOT), i + 1);
            if (earlier != null) {
                throw new MittoValidationException(where + key + " has a price already, on line " + earlier);
            }
            prices.put(key, price);
            try {
                PriceList.of(Map.of(key, price));
            } catch (MittoValidationException e) {
                throw new MittoValidationException(where + e.getMessage(), e);
            }
        }
        try {
            return PriceList.of(prices);
        } catch (MittoValidationException e) {
            throw new MittoValidationException(("-".equals(name) ? "standard input" : name) + ": " + e.getMessage(), e);
        }
    }
}
