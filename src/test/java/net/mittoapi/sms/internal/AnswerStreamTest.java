package net.mittoapi.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import net.mittoapi.sms.BulkSmsResponse;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import net.mittoapi.sms.SmsResponse;
import net.mittoapi.sms.UsageResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming fast path against the tree reader it stands in for: on every answer, reading with the fast path
 * first gives exactly what the tree alone gives (the same record, or the same exception with the same message),
 * and where the fast path answers at all, its record is the tree's. Answers are seeded random variations of the
 * API's (field order, case, duplicates, padding, numbers as texts, hostile numbers, unknown and nested fields,
 * XML attributes, comments, CDATA, list shapes), the seed and the body in every failure message.
 */
class AnswerStreamTest {

    private static final Codec JSON = Codec.of(Format.JSON);
    private static final Codec XML = Codec.of(Format.XML);

    private enum Kind { SMS, BULK, USAGE }

    // ---- the fast path engages on the answers the API sends ----

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"715118ef01aa4480bbd67324a0459b0b\",\"timestamp\":\"2019-04-13T12:07:57.8625574Z\","
            + "\"to\":\"41751231234\",\"responseCode\":0,\"textLength\":13,\"responseText\":\"SMS sent\",\"test\":false}",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SmsResponse><id>715118ef01aa4480bbd67324a0459b0b</id><timestamp>"
            + "2019-04-13T12:07:57.8625574Z</timestamp><to>41751231234</to><responseCode>0</responseCode>"
            + "<textLength>13</textLength><responseText>SMS sent</responseText><test>false</test></SmsResponse>",
        "\uFEFF <r>\n  <id>a</id>\n  <unknown><deep x=\"1\">y</deep></unknown>\n</r>",
        "{\"id\":\"a\",\"extra\":{\"n\":[1,2,{\"m\":null}]},\"responseCode\":\"0\",\"textLength\":\"13\",\"test\":\"true\"}"})
    void theUsualSmsAnswersAreReadWithoutATree(String body) throws IOException {
        Codec codec = body.contains("<") ? XML : JSON;
        SmsResponse streamed = AnswerStream.sms(codec.parser(bytes(body)), Codec.isXml(bytes(body)));

        assertThat(streamed).isNotNull().isEqualTo(new Answers(codec, false).sms(200, bytes(body)));
        if (codec == XML && !body.startsWith("\uFEFF")) {
            assertThat(AnswerStream.sms(bytes(body))).as("read by PlainXml").isEqualTo(streamed);
        }
    }

    @Test
    void theUsualBulkAndUsageAnswersAreReadWithoutATree() throws IOException {
        String bulkJson = "{\"responseCode\":0,\"responseText\":\"SMS sent\",\"messages\":[{\"id\":\"a\",\"timestamp\":"
                + "\"2019-04-13T12:07:57.8625574Z\",\"to\":\"4917600001\",\"textLength\":31},{\"id\":\"b\",\"to\":\"2\"}]}";
        String bulkXml = "<BulkSmsResponse><responseCode>0</responseCode><messages><message><id>a</id><timestamp>"
                + "2019-04-13T12:07:57.8625574Z</timestamp><to>4917600001</to><textLength>31</textLength></message>"
                + "<message><id>b</id><to>2</to></message></messages></BulkSmsResponse>";
        String usageJson = "{\"usagesByCountry\":[{\"country\":\"DEU\",\"messagesCount\":\"1140\",\"cost\":\"68.400000\"},"
                + "{\"country\":\"AUT\",\"messagesCount\":3,\"cost\":0.18}]}";
        String usageXml = "<UsageResponse><usagesByCountry><usageByCountry><country>DEU</country><messagesCount>1140"
                + "</messagesCount><cost>68.400000</cost></usageByCountry></usagesByCountry></UsageResponse>";

        for (String body : new String[] {bulkJson, bulkXml}) {
            Codec codec = body.startsWith("<") ? XML : JSON;
            BulkSmsResponse streamed = AnswerStream.bulk(codec.parser(bytes(body)), Codec.isXml(bytes(body)));
            assertThat(streamed).as(body).isNotNull().isEqualTo(new Answers(codec, false).bulk(200, bytes(body)));
            assertThat(streamed.messages()).hasSize(2);
            if (codec == XML) {
                assertThat(AnswerStream.bulk(bytes(body))).as("read by PlainXml").isEqualTo(streamed);
            }
        }
        for (String body : new String[] {usageJson, usageXml, "[]"}) {
            Codec codec = body.startsWith("<") ? XML : JSON;
            UsageResponse streamed = AnswerStream.usage(codec.parser(bytes(body)), Codec.isXml(bytes(body)));
            assertThat(streamed).as(body).isNotNull().isEqualTo(new Answers(codec, false).usage(200, bytes(body)));
            if (codec == XML) {
                assertThat(AnswerStream.usage(bytes(body))).as("read by PlainXml").isEqualTo(streamed);
            }
        }
    }

    /** A timestamp with more than nine fractional digits: the fast paths read it, exactly as the tree does. */
    @Test
    void aTimestampOfAnyPrecisionIsReadByTheFastPathAsByTheTree() throws IOException {
        String stamp = "2019-04-13T12:07:57.86255741234567Z";
        Instant expected = Instant.parse("2019-04-13T12:07:57.862557412Z");
        String json = "{\"id\":\"a\",\"timestamp\":\"" + stamp + "\",\"responseCode\":0}";
        String xml = "<SmsResponse><id>a</id><timestamp>" + stamp + "</timestamp><responseCode>0</responseCode>"
                + "</SmsResponse>";
        String bulk = "{\"responseCode\":0,\"messages\":[{\"id\":\"a\",\"timestamp\":\"" + stamp + "\"}]}";

        SmsResponse tree = new Answers(JSON, false).sms(200, bytes(json));
        assertThat(tree.timestamp()).isEqualTo(expected);
        assertThat(AnswerStream.sms(JSON.parser(bytes(json)), false)).as("JSON").isNotNull().isEqualTo(tree);
        SmsResponse xmlTree = new Answers(XML, false).sms(200, bytes(xml));
        assertThat(xmlTree).isEqualTo(tree);
        assertThat(AnswerStream.sms(XML.parser(bytes(xml)), true)).as("XML").isNotNull().isEqualTo(xmlTree);
        assertThat(AnswerStream.sms(bytes(xml))).as("PlainXml").isNotNull().isEqualTo(xmlTree);
        BulkSmsResponse bulkTree = new Answers(JSON, false).bulk(200, bytes(bulk));
        assertThat(bulkTree.messages().get(0).timestamp()).isEqualTo(expected);
        assertThat(AnswerStream.bulk(JSON.parser(bytes(bulk)), false)).as("bulk").isNotNull().isEqualTo(bulkTree);
    }

    /** Where only the tree can tell, the fast path steps aside rather than guess. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ID\":\"a\"}", "{\"id\":\"a\",\"id\":\"b\"}", "{\"id\":\"a\",\"textLength\":\" 13\"}",
        "{\"id\":\"a\",\"textLength\":13.0}", "{\"id\":\"a\",\"responseCode\":4}", "{\"to\":\"1\"}",
        "{\"id\":\"a\",\"timestamp\":\"yesterday\"}", "{\"id\":\"a\",\"test\":\"TRUE\"}", "{\"id\":\"a\",\"test\":1}",
        "{\"id\":\"a\",\"textLength\":1e9999999999}", "{\"id\":7}", "[]", "{\"id\":\"a\"", "",
        "<r><id type=\"hex\">a</id></r>", "<r><id>a</id><id>b</id></r>", "<r><Id>a</Id></r>", "<r>a</r>",
        "<r><id>a</id><textLength/></r>"})
    void unusualAnswersAreLeftToTheTree(String body) throws IOException {
        Codec codec = body.contains("<") ? XML : JSON;
        var parser = codec.parser(bytes(body));

        assertThat(parser == null ? null : AnswerStream.sms(parser, Codec.isXml(bytes(body)))).as(body).isNull();
        assertThat(AnswerStream.sms(bytes(body))).as("PlainXml: %s", body).isNull();
    }

    // ---- seeded random answers: the fast path changes nothing ----

    static LongStream seeds() {
        return LongStream.range(0, 16).map(i -> 0xA11_5EEDL * 31 + i * 104_729);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readingWithTheFastPathGivesExactlyWhatTheTreeGives(long seed) throws IOException {
        Random random = new Random(seed);
        int streamed = 0;
        int left = 0;
        int plainRead = 0;
        int answers = 1_500;
        for (int i = 0; i < answers; i++) {
            Kind kind = Kind.values()[random.nextInt(3)];
            boolean xml = random.nextInt(3) == 0;
            String body = xml ? new XmlAnswer(random).write(kind) : new JsonAnswer(random).write(kind);
            Codec codec = xml || random.nextInt(4) == 0 ? XML : JSON;
            byte[] bytes = bytes(body);
            String context = "seed " + seed + ", answer " + i + ", " + kind + " read by a " + codec.format()
                    + " codec: " + body;

            Object reference = outcome(kind, new Answers(codec, false), bytes);
            assertThat(outcome(kind, new Answers(codec), bytes)).as(context).isEqualTo(reference);

            var parser = codec.parser(bytes);
            Object fast = parser == null ? null : switch (kind) {
                case SMS -> AnswerStream.sms(parser, Codec.isXml(bytes));
                case BULK -> AnswerStream.bulk(parser, Codec.isXml(bytes));
                case USAGE -> AnswerStream.usage(parser, Codec.isXml(bytes));
            };
            if (fast != null) {
                streamed++;
                assertThat(fast).as(context).isEqualTo(reference);
            } else {
                left++;
            }
            if (Codec.isXml(bytes)) {
                Object plain = switch (kind) {
                    case SMS -> AnswerStream.sms(bytes);
                    case BULK -> AnswerStream.bulk(bytes);
                    case USAGE -> AnswerStream.usage(bytes);
                };
                if (plain != null) {
                    plainRead++;
                    assertThat(plain).as("PlainXml, " + context).isEqualTo(reference);
                }
            }
        }
        // The generator must reach both sides, or the comparison proves little.
        assertThat(streamed).as("seed %d: answers the fast path read", seed).isGreaterThan(answers / 10);
        assertThat(left).as("seed %d: answers left to the tree", seed).isGreaterThan(answers / 10);
        assertThat(plainRead).as("seed %d: answers read by PlainXml", seed).isGreaterThan(answers / 40);
    }

    /** A result, or the exception as its type, message and the fields callers read from it. */
    private static Object outcome(Kind kind, Answers answers, byte[] body) {
        try {
            return switch (kind) {
                case SMS -> answers.sms(200, body);
                case BULK -> answers.bulk(200, body);
                case USAGE -> answers.usage(200, body);
            };
        } catch (MittoApiException e) {
            return List.of(e.getClass().getName(), e.getMessage(), e.httpStatus(), e.responseCode(),
                    String.valueOf(e.responseText()), String.valueOf(e.body()));
        } catch (MittoTransportException e) {
            return List.of(e.getClass().getName(), e.getMessage(), e.maybeDelivered());
        } catch (MittoException e) {
            return List.of(e.getClass().getName(), e.getMessage());
        }
    }

    // ---- the generator ----

    /** Values a field may carry, the usual ones most often. */
    private abstract static class Answer {
        final Random r;
        /** An answer as a serializer writes it: the API's names and usual values, no variation. */
        boolean clean;

        Answer(Random r) {
            this.r = r;
        }

        boolean chance(int inN) {
            return r.nextInt(inN) == 0;
        }

        <T> T pick(List<T> values) {
            return values.get(r.nextInt(values.size()));
        }

        /** A field name as the API spells it, sometimes in another case. */
        String name(String name) {
            if (clean || !chance(12)) {
                return name;
            }
            return chance(2) ? name.toUpperCase(Locale.ROOT) : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        String id() {
            return pick(List.of("715118ef01aa4480bbd67324a0459b0b", "a", "d8d9505a-161b", "", " x "));
        }

        String timestamp() {
            return pick(List.of("2019-04-13T12:07:57.8625574Z", "2019-04-13T12:07:57Z", "2019-04-13T19:51:06+02:00",
                    "2019-04-13T12:07:57.8625574", " 2019-04-13T12:07:57Z ", "2019-04-13t12:07:57z",
                    "2019-02-29T00:00:00Z", "13.04.2019 17:51", "yesterday", "", "2019-04-13T12:07Z",
                    "2019-04-13T12:07:57.86255741234567Z", "2019-04-13T19:51:06.3091182000+02:00"));
        }

        String number() {
            return pick(List.of("0", "13", "529", "0013", "123456789", "1234567890", "99999999999999999999", "-1",
                    "4", " 13", "13 ", "13.0", "12.5", "1e2", "1e9999999999", "-1e9999999999", "1e400", "thirteen",
                    "", "+7", "\u0661\u0663"));
        }

        String cost() {
            return pick(List.of("68.400000", "0.06", "0", "12", "1e3", "1e-70", " 0.5 ", "cheap", "", "-3.25",
                    "1e9999999999", "7".repeat(70)));
        }

        String bool() {
            return pick(List.of("true", "false", "TRUE", "1", "0", "maybe", "", " false"));
        }

        String unknownName() {
            return pick(List.of("extra", "status", "details", "x", "idx", "messageId"));
        }
    }

    /** JSON answers: fields in any order, values as JSON numbers, strings, booleans, null or structures. */
    private static final class JsonAnswer extends Answer {
        JsonAnswer(Random r) {
            super(r);
        }

        String write(Kind kind) {
            if (kind == Kind.USAGE && chance(8)) {
                return list(this::country);
            }
            if (chance(60)) {
                return pick(List.of("[]", "\"OK\"", "42", "{\"id\":\"a\"", "{}", "null", "{\"id\":\"a\"} trailing"));
            }
            return switch (kind) {
                case SMS -> object(List.of(f("id", this::stringValue, 1), f("timestamp", this::timestampValue, 2),
                        f("to", this::stringValue, 2), f("responseCode", this::codeValue, 2),
                        f("textLength", this::numberValue, 2), f("responseText", this::stringValue, 2),
                        f("test", this::boolValue, 2)));
                case BULK -> object(List.of(f("responseCode", this::codeValue, 2), f("responseText", this::stringValue, 2),
                        f("messages", () -> listValue(this::message), 1)));
                case USAGE -> object(List.of(f("responseCode", this::codeValue, 4),
                        f("usagesByCountry", () -> listValue(this::country), 1)));
            };
        }

        private String message() {
            return object(List.of(f("id", this::stringValue, 1), f("timestamp", this::timestampValue, 2),
                    f("to", this::stringValue, 2), f("textLength", this::numberValue, 2)));
        }

        private String country() {
            return object(List.of(f("country", this::stringValue, 1), f("messagesCount", this::numberValue, 1),
                    f("cost", this::costValue, 1)));
        }

        /** A field: its name, how to write a value, and 1 in {@code absent} + 1 that it is left out. */
        private Field f(String name, Supplier<String> value, int absent) {
            return new Field(name, value, absent);
        }

        private record Field(String name, Supplier<String> value, int absent) {
        }

        private String object(List<Field> fields) {
            List<String> parts = new ArrayList<>();
            for (Field field : fields) {
                if (chance(field.absent() + 1)) {
                    continue;
                }
                parts.add(quote(name(field.name())) + ":" + field.value().get());
                if (chance(15)) {
                    parts.add(quote(name(field.name())) + ":" + field.value().get()); // a duplicate
                }
            }
            if (chance(3)) {
                parts.add(quote(unknownName()) + ":" + pick(List.of("1", "\"x\"", "null", "{\"a\":[1,{\"b\":2}]}",
                        "[]", "1e9999999999", "true")));
            }
            Collections.shuffle(parts, r);
            return (chance(10) ? " \n" : "") + "{" + String.join(chance(5) ? ", " : ",", parts) + "}";
        }

        private String list(Supplier<String> entry) {
            List<String> entries = new ArrayList<>();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                entries.add(chance(20) ? pick(List.of("42", "\"x\"", "null", "[]")) : entry.get());
            }
            return "[" + String.join(",", entries) + "]";
        }

        private String listValue(Supplier<String> entry) {
            return chance(12) ? pick(List.of("null", "\"\"", "{}", "42", "{\"m\":" + entry.get() + "}")) : list(entry);
        }

        private String stringValue() {
            return chance(10) ? pick(List.of("null", "7", "true", "{\"a\":1}", "[\"x\"]")) : quote(id());
        }

        private String timestampValue() {
            return chance(12) ? pick(List.of("null", "5", "{}")) : quote(timestamp());
        }

        private String codeValue() {
            return chance(3) ? pick(List.of("0", "0", "\"0\"", "4", "\" 0\"", "null", "0.0", "1e9999999999", "\"zero\"",
                    "99999999999", "-0")) : "0";
        }

        private String numberValue() {
            String n = number();
            return isJsonNumber(n) && chance(2) ? n : chance(15) ? pick(List.of("null", "{\"a\":1}", "true")) : quote(n);
        }

        private String costValue() {
            String c = cost();
            return isJsonNumber(c) && chance(2) ? c : chance(15) ? pick(List.of("null", "[]", "false")) : quote(c);
        }

        private String boolValue() {
            return chance(2) ? pick(List.of("true", "false")) : chance(10) ? pick(List.of("1", "null", "{}"))
                    : quote(bool());
        }

        private static boolean isJsonNumber(String text) {
            return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
        }

        private static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** XML answers in the sandbox's shape and around it: any root, attributes, comments, CDATA, list shapes. */
    private static final class XmlAnswer extends Answer {
        XmlAnswer(Random r) {
            super(r);
        }

        String write(Kind kind) {
            clean = chance(3);
            if (!clean && chance(60)) {
                return pick(List.of("<r/>", "<r>text</r>", "<r><id>a</id>", "<r><id>a</r>", "<r><id>&bogus;</id></r>"));
            }
            String root = pick(List.of("SmsResponse", "BulkSmsResponse", "UsageResponse", "r"));
            String body = switch (kind) {
                case SMS -> fields(List.of("id", "timestamp", "to", "responseCode", "textLength", "responseText", "test"));
                case BULK -> fields(List.of("responseCode", "responseText")) + (chance(6) ? "" : list("messages",
                        () -> fields(List.of("id", "timestamp", "to", "textLength"))));
                case USAGE -> (chance(4) ? element("responseCode", value("responseCode")) : "")
                        + (chance(10) ? "" : list("usagesByCountry", () -> fields(List.of("country", "messagesCount", "cost"))));
            };
            return (chance(2) ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" : "") + "<" + root
                    + (chance(8) ? " version=\"1\"" : "") + ">" + body + "</" + root + ">";
        }

        private String fields(List<String> names) {
            List<String> parts = new ArrayList<>();
            for (String name : names) {
                if (chance(4)) {
                    continue;
                }
                parts.add(element(name(name), value(name)));
                if (!clean && chance(15)) {
                    parts.add(element(name(name), value(name)));
                }
            }
            if (chance(3)) {
                parts.add(pick(List.of("<extra>1</extra>", "<details><a>1</a><a>2</a></details>", "<x y=\"z\"/>",
                        "<!-- note -->", "<status code=\"0\">ok</status>")));
            }
            Collections.shuffle(parts, r);
            return String.join(chance(5) ? "\n  " : "", parts);
        }

        private String list(String wrapper, Supplier<String> entry) {
            StringBuilder out = new StringBuilder();
            int shape = clean ? 9 : r.nextInt(10);
            int n = r.nextInt(4);
            if (shape == 0) { // repeated wrappers, one entry each
                for (int i = 0; i < Math.max(1, n); i++) {
                    out.append(element(wrapper, entry.get()));
                }
                return out.toString();
            }
            if (shape == 1) { // the entry's fields right in the wrapper
                return element(wrapper, entry.get());
            }
            if (shape == 2) {
                return pick(List.of("<" + wrapper + "/>", "<" + wrapper + "></" + wrapper + ">",
                        "<" + wrapper + ">text</" + wrapper + ">"));
            }
            for (int i = 0; i < n; i++) {
                String name = shape == 3 && chance(2) ? "other" : "entry";
                out.append(element(name, shape == 4 && chance(2) ? "<inner>" + entry.get() + "</inner>" : entry.get()));
            }
            return element(wrapper, out.toString());
        }

        private String value(String name) {
            if (clean) {
                return switch (name) {
                    case "timestamp" -> "2019-04-13T12:07:57.8625574Z";
                    case "responseCode" -> "0";
                    case "textLength", "messagesCount" -> "13";
                    case "cost" -> "68.400000";
                    case "test" -> "false";
                    default -> "715118ef01aa4480bbd67324a0459b0b";
                };
            }
            String text = switch (name) {
                case "timestamp" -> timestamp();
                case "responseCode" -> chance(3) ? pick(List.of("0", "4", " 0", "zero", "1e9999999999", "")) : "0";
                case "textLength", "messagesCount" -> number();
                case "cost" -> cost();
                case "test" -> bool();
                default -> id();
            };
            return escape(text);
        }

        private String element(String name, String content) {
            if (clean) {
                return content.isEmpty() ? "<" + name + " />" : "<" + name + ">" + content + "</" + name + ">";
            }
            if (chance(25)) {
                return "<" + name + " unit=\"x\">" + content + "</" + name + ">";
            }
            if (content.isEmpty() && chance(2)) {
                return "<" + name + "/>";
            }
            if (chance(30) && !content.contains("<")) {
                return "<" + name + "><![CDATA[" + content + "]]></" + name + ">";
            }
            return "<" + name + ">" + content + "</" + name + ">";
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
