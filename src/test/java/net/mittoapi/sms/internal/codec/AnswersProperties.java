package net.mittoapi.sms.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.MittoException;
import net.mittoapi.sms.MittoTransportException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tolerance {@link AnswersTest} shows field by field, on seeded random answers: 1,000 for each of 8 seeds. */
class AnswersProperties {

    private final Answers json = new Answers(Codec.of(Format.JSON));
    private final Answers xml = new Answers(Codec.of(Format.XML));

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0xA11_5EEDL * 31 + i * 104_729);
    }

    /**
     * The tolerance promised above, on seeded random answers (the seed and both bodies in every failure message):
     * the same fields with the same texts are read alike, whatever their order, the case of their names, the
     * unknown fields beside them, the white space between them, and whether they come as JSON or as XML; and
     * whatever the texts (padded, hostile, unreadable numbers, timestamps and booleans), the outcome is a record or
     * a {@code MittoException}, never another throwable.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anAnswerReadsAlikeWhateverItsFieldOrderNameCaseUnknownFieldsAndFormat(long seed) {
        Random random = new Random(seed);
        int records = 0;
        int answers = 1_000;
        for (int i = 0; i < answers; i++) {
            RandomAnswer answer = RandomAnswer.of(random);
            String canonical = answer.json(false);
            Object expected = outcome(answer.kind, xml, bytes(canonical));
            records += expected instanceof List<?> ? 0 : 1;
            for (int v = 0; v < 3; v++) {
                boolean asXml = random.nextBoolean();
                String variant = asXml ? answer.xml(true) : answer.json(true);
                assertThat(outcome(answer.kind, asXml || random.nextBoolean() ? xml : json, bytes(variant)))
                        .as("seed %d, answer %d: %s read as %s", seed, i, variant, canonical).isEqualTo(expected);
            }
        }
        // The generator must reach both sides, or the comparison proves little.
        assertThat(records).as("seed %d: answers read into a record", seed).isBetween(answers / 10, answers * 9 / 10);
    }

    /** A record, or the exception as its type and what callers read from it (not the raw body, which differs). */
    private static Object outcome(RandomAnswer.Kind kind, Answers answers, byte[] body) {
        try {
            return switch (kind) {
                case SMS -> answers.sms(200, body);
                case BULK -> answers.bulk(200, body);
                case USAGE -> answers.usage(200, body);
            };
        } catch (MittoApiException e) {
            return List.of(e.getClass().getName(), e.httpStatus(), e.responseCode(), String.valueOf(e.responseText()));
        } catch (MittoTransportException e) {
            return List.of(e.getClass().getName(), e.getMessage(), e.maybeDelivered());
        } catch (MittoException e) {
            return List.of(e.getClass().getName(), e.getMessage());
        }
    }

    /** An answer as fields of text, written as JSON or XML, canonically or varied. */
    private static final class RandomAnswer {
        enum Kind { SMS, BULK, USAGE }

        final Kind kind;
        final Random r;
        /** Name to text, or to a list of entries (each name to text), in the API's order. */
        final Map<String, Object> fields = new LinkedHashMap<>();

        private RandomAnswer(Kind kind, Random r) {
            this.kind = kind;
            this.r = r;
        }

        static RandomAnswer of(Random r) {
            RandomAnswer a = new RandomAnswer(Kind.values()[r.nextInt(3)], r);
            switch (a.kind) {
                case SMS -> a.fill(a.fields, "id", "timestamp", "to", "responseCode", "textLength", "responseText", "test");
                case BULK -> {
                    a.fill(a.fields, "responseCode", "responseText");
                    a.fields.put("messages", a.entries("id", "timestamp", "to", "textLength"));
                }
                case USAGE -> {
                    if (r.nextInt(4) == 0) {
                        a.fill(a.fields, "responseCode");
                    }
                    a.fields.put("usagesByCountry", a.entries("country", "messagesCount", "cost"));
                }
            }
            return a;
        }

        private List<Map<String, String>> entries(String... names) {
            List<Map<String, String>> entries = new ArrayList<>();
            for (int n = r.nextInt(4); n > 0; n--) {
                Map<String, String> entry = new LinkedHashMap<>();
                while (entry.isEmpty()) { // an entry with no known field is another shape in each format
                    fill(entry, names);
                }
                entries.add(entry);
            }
            return entries;
        }

        private void fill(Map<String, ? super String> into, String... names) {
            for (String name : names) {
                if (r.nextInt(4) != 0) {
                    into.put(name, text(name));
                }
            }
        }

        private String text(String name) {
            return switch (name) {
                case "timestamp" -> pick("2019-04-13T12:07:57.8625574Z", "2019-04-13T19:51:06+02:00",
                        "2019-04-13T12:07:57.8625574", " 2019-04-13T12:07:57Z ", "2019-04-13t12:07:57z",
                        "2019-04-13T12:07:57.86255741234567Z", "2019-02-29T00:00:00Z", "13.04.2019 17:51", "");
                case "responseCode" -> r.nextInt(3) == 0 ? pick("4", " 0", "zero", "1e9999999999", "", "-0") : "0";
                case "textLength", "messagesCount" -> pick("13", "0013", " 13", "13.0", "12.5", "1e2", "1e9999999999",
                        "99999999999999999999", "thirteen", "", "-1");
                case "cost" -> pick("68.400000", "0.06", "1e3", " 0.5 ", "cheap", "", "1e9999999999", "7".repeat(70));
                case "test" -> pick("true", "false", "TRUE", "1", "0", "maybe", "");
                default -> pick(AnswersTest.ID, "a", " x ", "SMS sent", "<&> \"quoted\" 'ü😀'", "");
            };
        }

        String json(boolean varied) {
            return "{" + object(fields, varied, true) + "}";
        }

        String xml(boolean varied) {
            String root = pick("SmsResponse", "BulkSmsResponse", "UsageResponse", "r");
            return (r.nextBoolean() ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" : "") + "<" + root + ">"
                    + object(fields, varied, false) + "</" + root + ">";
        }

        @SuppressWarnings("unchecked")
        private String object(Map<String, ?> map, boolean varied, boolean asJson) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, ?> field : map.entrySet()) {
                String name = varied ? name(field.getKey()) : field.getKey();
                String value;
                if (field.getValue() instanceof List<?> entries) {
                    List<String> written = new ArrayList<>();
                    for (Object entry : entries) {
                        String inner = object((Map<String, ?>) entry, varied, asJson);
                        written.add(asJson ? "{" + inner + "}" : "<entry>" + inner + "</entry>");
                    }
                    value = asJson ? "[" + String.join(",", written) + "]" : String.join("", written);
                } else {
                    value = asJson ? quote((String) field.getValue()) : escape((String) field.getValue());
                }
                parts.add(asJson ? quote(name) + ":" + value : "<" + name + ">" + value + "</" + name + ">");
            }
            if (varied && r.nextInt(3) == 0) {
                parts.add(asJson ? "\"extra\":" + pick("1", "null", "{\"a\":[1,{\"b\":2}]}", "[]", "1e9999999999")
                        : pick("<extra>1</extra>", "<details><a>1</a><a>2</a></details>", "<x y=\"z\"/>", "<!-- c -->"));
            }
            if (varied) {
                Collections.shuffle(parts, r);
            }
            String separator = varied && r.nextInt(4) == 0 ? (asJson ? ",\n  " : "\n  ") : asJson ? "," : "";
            return String.join(separator, parts);
        }

        private String name(String name) {
            return switch (r.nextInt(8)) {
                case 0 -> name.toUpperCase(Locale.ROOT);
                case 1 -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
                default -> name;
            };
        }

        private String pick(String... values) {
            return values[r.nextInt(values.length)];
        }

        private static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
