package net.mittoapi.sms.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile callbacks (issue 8, "keep the attacks"): every reader of what Mitto sends to the application,
 * {@link DeliveryReport} and {@link InboundSms}, each through {@code fromQuery}, {@code fromJson} and
 * {@code fromParameters}, fed overflowing and million-digit numbers in every field, 100k nesting, invalid
 * UTF-8, XML attacks (billion laughs, XXE, external DTD, XInclude: a callback is JSON or a query, so XML is
 * refused), wrong types, nulls and 16 MB payloads. Each ends within {@link #BOUND} with a value or a
 * {@link MittoValidationException}, never another throwable; a value's {@code toString()} is no larger than
 * what came in (nothing expands), and no file named by the payload is read.
 */
class HostileCallbacksIT {

    /** The longest one read may take: generous, for a loaded machine; reads take microseconds to milliseconds. */
    static final Duration BOUND = Duration.ofSeconds(10);
    private static final String MILLION_DIGITS = "9".repeat(1_000_000);
    private static final int SIXTEEN_MB = 16 * 1024 * 1024;
    /** Every field name either reader knows, so that a hostile value reaches each accessor's parsing. */
    private static final List<String> FIELDS = List.of("ID", "MCCMNC", "MCC", "MNC", "Price", "Rate", "Cost", "Status",
            "ErrorCode", "Reference", "To", "From", "Text", "Timestamp", "Time", "ts", "Date");

    private static Path secret;
    private static String marker;

    @BeforeAll
    static void secretFile() throws Exception {
        marker = "MARKER-" + UUID.randomUUID();
        secret = Files.createTempFile("mitto-hostile-callback-", ".txt");
        Files.writeString(secret, marker);
    }

    @AfterAll
    static void removeSecretFile() throws Exception {
        Files.deleteIfExists(secret);
    }

    /** Values that are each put, one at a time, into every field (the message id stays valid). */
    static Stream<Arguments> hostileValues() {
        List<Arguments> values = new ArrayList<>();
        for (String value : List.of("1e9999999999", "-1e9999999999", "1e999999999", "1e-999999999", "1e2147483647",
                "-1e2147483648", "NaN", "-Infinity", "0x1p3", "99999999999999999999999", MILLION_DIGITS,
                "0." + MILLION_DIGITS, "2019-04-13T17:51:06." + MILLION_DIGITS + "Z", "+999999999-12-31T23:59:59Z",
                "\u0000\u0001\u001f", "\uD800", "\uDFFF\uD800", "\uFFFD\uFFFE\uFFFF", "a".repeat(SIXTEEN_MB),
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + "file:///etc/passwd" + "\">]><r>&x;</r>")) {
            values.add(Arguments.of(describe(value), value));
        }
        return values.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void aHostileValueInAnyFieldIsAValueOrARefusal(String name, String value) {
        // 16 MB costs a real copy per read: it goes to the fields that parse (price, timestamp) and a plain one.
        for (String field : value.length() > 2_000_000 ? List.of("Price", "Timestamp", "Reference") : FIELDS) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("ID", "m1");
            parameters.put("from", "491725551234");
            parameters.put(field, value);
            String query = query(parameters);
            String json = json(parameters);
            String what = field + "=" + name;
            read(what + " DeliveryReport.fromParameters", parameters, DeliveryReport::fromParameters);
            read(what + " DeliveryReport.fromQuery", query, DeliveryReport::fromQuery);
            read(what + " DeliveryReport.fromJson", json, DeliveryReport::fromJson);
            read(what + " InboundSms.fromParameters", parameters, InboundSms::fromParameters);
            read(what + " InboundSms.fromQuery", query, InboundSms::fromQuery);
            read(what + " InboundSms.fromJson", json, InboundSms::fromJson);
        }
    }

    /** Whole payloads, each given to both readers' {@code fromJson} and {@code fromQuery}. */
    static Stream<Arguments> hostilePayloads() {
        String file = secret.toUri().toString();
        List<String> payloads = List.of(
                "{\"ID\":\"m1\",\"Price\":1e9999999999}",
                "{\"ID\":\"m1\",\"Price\":" + MILLION_DIGITS + "}",
                "{\"ID\":\"m1\",\"meta\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                "{\"ID\":\"m1\",\"meta\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}",
                "[".repeat(100_000),
                "{\"ID\":\"m1\",\"meta\":{\"x\":" + MILLION_DIGITS + "}}",
                "{\"ID\":\"m1\",\"meta\":[1e9999999999, 1e999999999, -1e2147483648]}",
                "{\"" + "k".repeat(1_000_000) + "\":\"v\",\"ID\":\"m1\"}",
                "{\"ID\":\"m1\"," + "\"f\":1,".repeat(500_000) + "\"g\":2}",
                "{\"ID\":null,\"Price\":null,\"Timestamp\":null,\"from\":null,\"text\":null}",
                "{\"ID\":[\"m1\"],\"Price\":{\"amount\":6},\"Timestamp\":[2019,4,13],\"text\":true,\"from\":491725551234}",
                "{\"ID\":\"m1\",\"text\":\"\\uD800\\uDFFF\\uDFFF\\uD800\\u0000\"}",
                "null", "[]", "\"ID=m1\"", "42", "", "   ", "{", "{\"ID\":\"m1\"} trailing", "{\"ID\":\"m1\"}{\"ID\":\"m2\"}",
                "ID=m1&Price=%FF%FE&text=%C3%28%ED%A0%80%C0%AF", "ID=m1&text=%", "ID=m1&text=%zz&Price=1e999999999",
                "ID=m1&" + "a=1&".repeat(500_000), "&&&&=&=&==", "ID=m1&Price=" + MILLION_DIGITS,
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + file + "\">]><r><ID>&x;</ID></r>",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + file + "\">]><r ID=\"&x;\"/>",
                "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"" + file + "\"><r><ID>m1</ID></r>",
                "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + file + "\" parse=\"text\"/></r>",
                "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><r>&c;</r>",
                "{\"ID\":\"m1\",\"text\":\"" + "a".repeat(SIXTEEN_MB) + "\"}",
                "ID=m1&text=" + "a".repeat(SIXTEEN_MB),
                " ".repeat(SIXTEEN_MB));
        List<Arguments> arguments = new ArrayList<>();
        for (String payload : payloads) {
            arguments.add(Arguments.of(describe(payload), payload));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePayloads")
    void aHostilePayloadIsAValueOrARefusal(String name, String payload) {
        read("DeliveryReport.fromJson", payload, DeliveryReport::fromJson);
        read("DeliveryReport.fromQuery", payload, DeliveryReport::fromQuery);
        read("InboundSms.fromJson", payload, InboundSms::fromJson);
        read("InboundSms.fromQuery", payload, InboundSms::fromQuery);
    }

    private static <T> void read(String what, T input, Function<T, ?> reader) {
        long inputSize = input instanceof Map ? ((Map<?, ?>) input).toString().length() : String.valueOf(input).length();
        assertTimeoutPreemptively(BOUND, () -> {
            Object value;
            try {
                value = reader.apply(input);
            } catch (MittoException e) {
                assertThat(e).as(what).isInstanceOf(MittoValidationException.class);
                assertThat(e.getMessage()).as(what + ": a refusal stays short").hasSizeLessThan(2_000)
                        .doesNotContain(marker);
                return;
            }
            String text = value.toString();
            assertThat(text.length()).as(what + ": toString() is no larger than the input").isLessThanOrEqualTo(
                    (int) Math.min(Integer.MAX_VALUE, inputSize + 200));
            assertThat(text).as(what).doesNotContain(marker);
            value.hashCode();
            if (value instanceof DeliveryReport) {
                DeliveryReport report = (DeliveryReport) value;
                report.price().ifPresent(price -> assertThat(price.toPlainString()).hasSizeLessThan(200));
                assertThat(report.raw().toString()).doesNotContain(marker);
            } else {
                InboundSms sms = (InboundSms) value;
                sms.timestamp();
                assertThat(sms.raw().toString()).doesNotContain(marker);
            }
        }, () -> what + ": no outcome within " + BOUND);
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** A JSON object of the parameters, each value written as a JSON number when it reads as one, else a string. */
    private static String json(Map<String, String> parameters) {
        StringBuilder json = new StringBuilder("{");
        parameters.forEach((name, value) -> {
            json.append(json.length() == 1 ? "" : ",").append('"').append(name).append("\":");
            if (value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                json.append(value);
            } else {
                json.append('"');
                value.chars().forEach(c -> {
                    if (c == '"' || c == '\\') {
                        json.append('\\').append((char) c);
                    } else if (c < 0x20) {
                        json.append(String.format("\\u%04x", c));
                    } else {
                        json.append((char) c);
                    }
                });
                json.append('"');
            }
        });
        return json.append('}').toString();
    }

    private static String describe(String value) {
        String shown = value.length() <= 40 ? value : value.substring(0, 30) + "… (" + value.length() + " chars)";
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
