package net.mittoapi.sms.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import net.mittoapi.sms.Region;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Asks the Mitto API what its documentation leaves open, one test message ({@code test=true}: validated and
 * answered like a real one, never delivered, never charged) per question, then prints a table of what was sent,
 * what came back and what that means for the SDK. Mitto documents its API by worked examples (its use-case page,
 * <a href="https://docs.mitto.ch/sms-use-cases/">https://docs.mitto.ch/sms-use-cases/</a>) and a reference page;
 * where they are silent, the SDK and its sandbox work on an assumption, each listed with its source in the
 * repository's {@code docs/mitto-api.md} ("Open questions"). The questions: does {@code type: Unicode} take raw text
 * or hex, is Mitto's spelling of {@code type} required or is lower case taken too, is {@code auto} accepted with
 * non-GSM text, is a 2-character sender refused with responseCode 6, is a numeric sender with a {@code +} accepted,
 * is non-GSM text under {@code GSM} (and without a type) refused with responseCode 4, does {@code /smsbulk} take
 * {@code to} as a comma-separated string (the use-case page's form) or a JSON array (Mitto's connector's), what are
 * the element names of an XML answer, and which geo hosts answer.
 *
 * <p>It sends raw JSON over the JDK's HTTP client, not through the SDK: the point is to send what the SDK
 * would not (a hex text, a JSON array, a lower-case type) and to see the answer exactly as it comes.
 *
 * <p>Runs only with {@code MITTO_API_KEY} set; without it, it lists what it would send and exits. Every
 * request carries {@code test=true}. {@code MITTO_TEST_TO} sets the recipient (default {@code 491725551234}, the
 * use-case page's). {@code MITTO_BASE_URL} sends the questions elsewhere, such as to a sandbox on loopback for a
 * dry run; the geo hosts are then skipped, so that the key goes nowhere else. Answers from anything but Mitto's own
 * hosts are printed as that server's answers, never as facts about Mitto's API: a sandbox answers by the very
 * assumptions the questions are about.
 *
 * <pre>
 * mvn -q -f parent install -DskipTests
 * MITTO_API_KEY=… mvn -q -f examples/pom.xml compile exec:java -Dexec.mainClass=net.mittoapi.sms.examples.ApiConformance
 * </pre>
 */
public final class ApiConformance {

    /** "Hello, World!" in Russian, as in the use-case page's encoding example: 10 UTF-16 units in its first word. */
    private static final String CYRILLIC = "Здравствуй";
    private static final String FROM = "MITTO SMS";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ApiConformance() {
    }

    /** One question, and the request that answers it. */
    private record Probe(String id, String question, String url, String body, String sent,
            Function<Results, String> meaning) {
    }

    /** What came back: the HTTP status (-1 when none), the fields that matter, or why there was no answer. */
    private record Answer(int status, String responseCode, String textLength, String responseText, String shape,
            String error) {

        boolean accepted() {
            return status / 100 == 2 && "0".equals(responseCode == null ? "0" : responseCode.strip());
        }

        String code() {
            return responseCode == null ? "" : responseCode.strip();
        }

        int length() {
            try {
                return textLength == null ? -1 : Integer.parseInt(textLength.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        String summary() {
            return error != null ? "no answer: " + error
                    : status + ", responseCode " + (responseCode == null ? "-" : code()) + ", textLength "
                            + (textLength == null ? "-" : "'" + textLength + "'")
                            + (responseText == null || responseText.isBlank() ? "" : ", \"" + responseText + "\"");
        }
    }

    /** The answers so far, by probe id, for meanings that compare two of them. */
    private record Results(Map<String, Answer> answers) {
        Answer get(String id) {
            return answers.get(id);
        }
    }

    /**
     * @param args unused
     * @throws InterruptedException when interrupted while waiting for an answer
     */
    public static void main(String[] args) throws InterruptedException {
        String key = System.getenv("MITTO_API_KEY");
        String to = env("MITTO_TEST_TO", "491725551234");
        String override = System.getenv("MITTO_BASE_URL");
        boolean overridden = override != null && !override.isBlank();
        String base = overridden ? strip(override) : Region.DEFAULT.baseUrl();
        List<Probe> probes = probes(base, to, !overridden);
        // Only Mitto's own hosts answer for Mitto's API; anything else (a sandbox, a proxy) answers for itself.
        String server = Examples.mittoHost(base) ? "the Mitto API"
                : Examples.loopbackHost(base) ? "the server on this machine at " + base : "the server at " + base;

        if (key == null || key.isBlank()) {
            System.out.println("MITTO_API_KEY is not set, so nothing is sent. With it, ApiConformance sends these "
                    + probes.size() + " test messages (test=true: never delivered, never charged) to " + base
                    + (overridden ? " (MITTO_BASE_URL; the geo hosts skipped)" : " and the geo hosts")
                    + ", and prints what " + server + " answered:");
            for (Probe probe : probes) {
                System.out.printf("  - %s%n      POST %s  %s%n", probe.question(), probe.url(), probe.sent());
            }
            System.out.println("Not probed: the rate limit and the largest bulk (both would take many calls).");
            return;
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Probe probe : probes) {
            answers.put(probe.id(), send(http, key, probe));
        }
        Results results = new Results(answers);

        boolean facts = Examples.mittoHost(base);
        if (facts) {
            System.out.println("Mitto API conformance, " + base + (overridden ? " (MITTO_BASE_URL)" : "")
                    + ", every request with test=true:");
        } else {
            System.out.println("A dry run against " + server + " (MITTO_BASE_URL), every request with test=true."
                    + " These are that server's answers, not facts about Mitto's API: a sandbox answers by the"
                    + " SDK's own assumptions, the very ones these questions are about. Unset MITTO_BASE_URL to"
                    + " ask Mitto's API.");
        }
        System.out.println();
        System.out.println(facts
                ? "| # | question | sent | answer (HTTP, responseCode, textLength) | what it means for the SDK |"
                : "| # | question | sent | its answer (HTTP, responseCode, textLength) | what it would mean, were it"
                        + " Mitto's answer |");
        System.out.println("|---|---|---|---|---|");
        int n = 0;
        for (Probe probe : probes) {
            Answer answer = answers.get(probe.id());
            System.out.printf("| %d | %s | %s | %s | %s |%n", ++n, cell(probe.question()), cell(probe.sent()),
                    cell(answer.summary() + (answer.shape() == null ? "" : "; " + answer.shape())),
                    cell(answer.error() != null && !probe.id().startsWith("host:") ? "unknown: no answer"
                            : (facts ? "" : "if Mitto answered so: ") + probe.meaning().apply(results)));
        }
        System.out.println();
        System.out.println("Not probed: the rate limit and the largest bulk (both would take many calls).");
        if (!facts) {
            System.out.println("Learned about Mitto's API: nothing. These were the answers of " + server + ".");
        }
    }

    private static List<Probe> probes(String base, String to, boolean geoHosts) {
        List<Probe> probes = new ArrayList<>();
        String sms = base + "/sms.json";

        probes.add(new Probe("unicode-raw", "Does type Unicode take raw text?", sms,
                send(to, CYRILLIC, "Unicode"), "text '" + CYRILLIC + "' as is, type \"Unicode\"",
                r -> unicodeMeaning(r.get("unicode-raw"), r.get("unicode-hex"), true)));
        probes.add(new Probe("unicode-hex", "Or hex-encoded UTF-16, as Mitto's Node.js client sends it?", sms,
                send(to, hex(CYRILLIC), "Unicode"), "text '" + hex(CYRILLIC) + "', type \"Unicode\"",
                r -> unicodeMeaning(r.get("unicode-raw"), r.get("unicode-hex"), false)));
        probes.add(new Probe("type-mitto", "Is Mitto's spelling of type accepted?", sms,
                send(to, "Hello, World!", "GSM"), "type \"GSM\" (connector, C#, Magento)",
                r -> r.get("type-mitto").accepted() ? "yes: the SDK's GSM/Unicode/Binary are right"
                        : "no (code " + r.get("type-mitto").code() + "): the SDK must change its spelling of type"));
        probes.add(new Probe("type-lower", "Is a lower-case type accepted too?", sms,
                send(to, "Hello, World!", "gsm"), "type \"gsm\"",
                r -> r.get("type-lower").accepted()
                        ? "yes: type is read in any case; the sandbox's case-insensitivity is right"
                        : "no (code " + r.get("type-lower").code() + "): only Mitto's spelling works; make the"
                                + " sandbox refuse other cases with code 2"));
        probes.add(new Probe("type-auto", "Is auto, the SDK's default, accepted with non-GSM text?", sms,
                send(to, CYRILLIC, "auto"), "text '" + CYRILLIC + "', type \"auto\"",
                r -> r.get("type-auto").accepted() ? "yes (textLength " + r.get("type-auto").length()
                        + "): the SDK's default is safe" : "no: the SDK's default of auto must be revisited"));
        probes.add(new Probe("sender-2", "Is a 2-character sender refused with code 6?", sms,
                body(to, "Hello, World!", null, "AB"), "from \"AB\" (the client lets it through)",
                r -> "6".equals(r.get("sender-2").code()) ? "yes: the sandbox's 3-character minimum is the API's"
                        : r.get("sender-2").accepted() ? "no, accepted: relax the sandbox's minimum sender length"
                        : "refused with code " + r.get("sender-2").code() + ": align the sandbox's code"));
        probes.add(new Probe("sender-plus", "Is a numeric sender with a leading + accepted?", sms,
                body(to, "Hello, World!", null, "+" + to), "from \"+" + to + "\" (the SDK sends it as given)",
                r -> r.get("sender-plus").accepted() ? "yes: keeping the '+' is safe"
                        : "no (code " + r.get("sender-plus").code() + "): the SDK should tell users to drop the '+'"
                                + " of a numeric sender, and the sandbox count it"));
        probes.add(new Probe("gsm-nongsm", "Is non-GSM text under type GSM refused with code 4?", sms,
                send(to, CYRILLIC, "GSM"), "text '" + CYRILLIC + "', type \"GSM\"",
                r -> "4".equals(r.get("gsm-nongsm").code()) ? "yes: the sandbox's code 4 is the API's"
                        : r.get("gsm-nongsm").accepted() ? "no, accepted (textLength " + r.get("gsm-nongsm").length()
                                + "): the API converts or replaces; make the sandbox accept it"
                        : "refused with code " + r.get("gsm-nongsm").code() + ": use that code in the sandbox"));
        probes.add(new Probe("default-nongsm", "Without a type, is non-GSM text refused (a GSM default)?", sms,
                send(to, CYRILLIC, null), "text '" + CYRILLIC + "', no type",
                r -> r.get("default-nongsm").accepted() ? "no, accepted (textLength "
                        + r.get("default-nongsm").length() + "): the default is not plain GSM; the sandbox's"
                        + " default needs changing (the SDK sends auto anyway)"
                        : "yes (code " + r.get("default-nongsm").code() + "): sending auto by default is needed"));
        probes.add(new Probe("bulk-string", "Does /smsbulk take to as a comma-separated string?", base + "/smsbulk.json",
                bulk(to, false), "to \"" + to + "," + to + "\" (the use-case page's form, the SDK's)",
                r -> bulkMeaning(r.get("bulk-string"), "the SDK's form works")));
        probes.add(new Probe("bulk-array", "Or a JSON array, as Mitto's connector describes it?", base + "/smsbulk.json",
                bulk(to, true), "to [\"" + to + "\", \"" + to + "\"]",
                r -> bulkMeaning(r.get("bulk-array"), "the sandbox's leniency is right; the SDK keeps the use-case"
                        + " page's string")));
        probes.add(new Probe("xml", "What are the element names of an XML answer?", base + "/sms.xml",
                send(to, "Hello, World!", null), "a test send to /sms.xml",
                r -> r.get("xml").shape() == null ? "no XML came back"
                        : "the SDK reads any root and matches names ignoring case; compare with the sandbox's"
                                + " <SmsResponse>"));
        if (geoHosts) {
            geo(probes, "the default host (the use-case page's)", Region.DEFAULT.baseUrl(), to, true);
            geo(probes, "Frankfurt (the use-case page's name)", Region.FRANKFURT.baseUrl(), to, true);
            geo(probes, "Singapore (the use-case page's name)", Region.SINGAPORE.baseUrl(), to, true);
            geo(probes, "Hong Kong (the use-case page's name)", Region.HONG_KONG.baseUrl(), to, true);
            geo(probes, "United States (the use-case page's name)", Region.US_EAST.baseUrl(), to, true);
            geo(probes, "Singapore (older reference pages)", "https://rest-sg.mittoapi.net", to, false);
            geo(probes, "Hong Kong (older reference pages)", "https://rest-hk.mittoapi.net", to, false);
            geo(probes, "United States (older reference pages)", "https://rest-us.mittoapi.net", to, false);
            geo(probes, "the host Mitto's own clients use", "https://rest.mittoapi.com", to, false);
        }
        return probes;
    }

    private static void geo(List<Probe> probes, String name, String baseUrl, String to, boolean sdkUsesIt) {
        String id = "host:" + baseUrl;
        probes.add(new Probe(id, "Does " + baseUrl + " serve /sms? (" + name + ")", baseUrl + "/sms.json",
                send(to, "Hello, World!", null), "a test send",
                r -> {
                    Answer answer = r.get(id);
                    if (answer.accepted()) {
                        return sdkUsesIt ? "yes: the SDK's Region constant is right" : "yes: an alias the SDK may use";
                    }
                    if (answer.status() == 401) {
                        return "it answers, but refuses this key";
                    }
                    return sdkUsesIt ? "no: the SDK's Region constant for it needs checking"
                            : "no: the SDK is right not to use it";
                }));
    }

    private static String unicodeMeaning(Answer raw, Answer hex, boolean forRaw) {
        Answer own = forRaw ? raw : hex;
        if (!own.accepted()) {
            return "refused (code " + own.code() + ")" + (forRaw ? ": raw text under Unicode does not work; the SDK"
                    + " must hex-encode it or send auto" : ": hex is not taken");
        }
        int length = own.length();
        if (forRaw) {
            return length == CYRILLIC.length() ? "yes: textLength " + length + " counts the raw text's UTF-16 units;"
                    + " the SDK's raw text is right" : "accepted with textLength " + length + ": compare with the hex row";
        }
        return length == CYRILLIC.length() ? "the hex was decoded (textLength " + length + "): the API takes both;"
                + " raw text stays the SDK's choice" : "the hex was taken as text (textLength " + length + "): raw text,"
                + " as the SDK sends it, is right";
    }

    private static String bulkMeaning(Answer answer, String yes) {
        return answer.accepted() ? "yes: " + yes : "no (HTTP " + answer.status() + ", code " + answer.code() + ")";
    }

    // ---- requests ----

    private static String send(String to, String text, String type) {
        return body(to, text, type, FROM);
    }

    private static String body(String to, String text, String type, String from) {
        ObjectNode body = JSON.createObjectNode().put("from", from).put("to", to).put("text", text);
        if (type != null) {
            body.put("type", type);
        }
        return body.put("test", true).toString();
    }

    private static String bulk(String to, boolean array) {
        ObjectNode body = JSON.createObjectNode().put("from", FROM);
        if (array) {
            body.putArray("to").add(to).add(to);
        } else {
            body.put("to", to + "," + to);
        }
        return body.put("text", "Hello, World!").put("test", true).toString();
    }

    /** UTF-16 units as upper-case hex, four digits each, as Mitto's Node.js client encodes a Unicode text. */
    private static String hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            hex.append(String.format("%04X", (int) text.charAt(i)));
        }
        return hex.toString();
    }

    private static Answer send(HttpClient http, String key, Probe probe) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(probe.url())).timeout(TIMEOUT)
                .header("X-Mitto-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(-1, null, null, null, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        String body = response.body().strip();
        if (body.startsWith("<")) {
            return xml(response.statusCode(), body);
        }
        try {
            JsonNode json = JSON.readTree(body);
            return new Answer(response.statusCode(), text(json, "responseCode"), text(json, "textLength"),
                    text(json, "responseText"), null, null);
        } catch (IOException e) {
            return new Answer(response.statusCode(), null, null, shorten(body, 80), null, null);
        }
    }

    private static Answer xml(int status, String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, String> children = new LinkedHashMap<>();
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    children.putIfAbsent(element.getTagName().toLowerCase(Locale.ROOT), element.getTextContent());
                }
            }
            StringBuilder names = new StringBuilder();
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    names.append(names.length() == 0 ? "" : ", ").append(element.getTagName());
                }
            }
            return new Answer(status, children.get("responsecode"), children.get("textlength"),
                    children.get("responsetext"), "XML <" + root.getTagName() + "> holding " + names, null);
        } catch (Exception e) {
            return new Answer(status, null, null, shorten(body, 80), "not well-formed XML", null);
        }
    }

    private static String text(JsonNode json, String name) {
        if (json == null || !json.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (field.getKey().equalsIgnoreCase(name) && !field.getValue().isNull()) {
                return field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString();
            }
        }
        return null;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String strip(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
