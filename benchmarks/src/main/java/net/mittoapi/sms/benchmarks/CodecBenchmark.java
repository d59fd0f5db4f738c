package net.mittoapi.sms.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.internal.codec.Answers;
import net.mittoapi.sms.internal.codec.Codec;
import net.mittoapi.sms.internal.validation.MessageFields;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's codec alone, no network: {@code Codec} writing a request and {@code Answers} reading each answer
 * into its response record, each beside a plain-Jackson baseline on the same bytes in the same run:
 * <ul>
 *   <li>{@link #encodeSms} against {@link #encodeBaselineStreaming}, Jackson's {@code JsonGenerator} writing
 *       the same four fields (the least a JSON writer can do), and against {@link #encodeBaselineBind}, a
 *       mapper writing a record of them, as the hand-written client of {@link ClientBenchmark} does;</li>
 *   <li>{@link #decode} against {@link #decodeBaselineReadTree}, the same format's plain Jackson mapper
 *       reading the same bytes into a tree (the step {@code Answers} starts with; the rest is its tolerant
 *       mapping into records: case-insensitive names, numbers as numbers or strings, exact decimals, ISO
 *       timestamps), and against {@link #decodeBaselineBind}, that mapper binding the bytes to records of
 *       strings and numbers, as the hand-written client of {@link ClientBenchmark} does (timestamps left as
 *       strings, names exact, no check of any field).</li>
 * </ul>
 * Answers: {@code SMS} (the use-case page's {@code /sms} answer), {@code BULK_100} (a {@code /smsbulk} answer
 * for 100 recipients), {@code USAGE_50} ({@code /usage/bycountry} for 50 countries), each in JSON and XML.
 * Run with {@code -prof gc} for bytes per call. {@code Codec} and {@code Answers} live in the SDK's
 * non-exported package, reachable on the class path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

    /** The answers read. */
    public enum Answer {
        /** {@code POST /sms}. */
        SMS,
        /** {@code POST /smsbulk}, 100 recipients. */
        BULK_100,
        /** {@code POST /usage/bycountry}, 50 countries. */
        USAGE_50
    }

    /** The request side: the same message for every run. */
    @State(Scope.Benchmark)
    public static class Encoding {
        final Codec codec = Codec.of(Format.JSON);
        final MessageFields<String> fields = ClientBenchmark.fields();
        final JsonFactory factory = new JsonFactory();
        final ObjectMapper mapper = new JsonMapper();
        final ClientBenchmark.SmsBody record = new ClientBenchmark.SmsBody(fields.from(), fields.to(), fields.text(),
                "auto");
    }

    /** The answer side: one answer in one format. */
    @State(Scope.Benchmark)
    public static class Decoding {
        @Param({"JSON", "XML"})
        public Format format;

        @Param({"SMS", "BULK_100", "USAGE_50"})
        public Answer answer;

        byte[] body;
        Answers answers;
        ObjectMapper plain;
        ObjectMapper binding;
        Class<?> record;

        @Setup
        public void setUp() throws IOException {
            body = switch (answer) {
                case SMS -> Bodies.sms(format);
                case BULK_100 -> Bodies.bulk(format, 100);
                case USAGE_50 -> Bodies.usage(format, 50);
            };
            answers = new Answers(Codec.of(format));
            plain = format == Format.JSON ? new JsonMapper() : new XmlMapper();
            binding = (format == Format.JSON ? JsonMapper.builder() : XmlMapper.builder())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            record = switch (answer) {
                case SMS -> ClientBenchmark.SmsAnswer.class;
                case BULK_100 -> BulkAnswer.class;
                case USAGE_50 -> UsageAnswer.class;
            };
            // Both sides must read something real: the sizes the answers promise.
            Object read = read();
            int size = read instanceof net.mittoapi.sms.BulkSmsResponse bulk ? bulk.messages().size()
                    : read instanceof net.mittoapi.sms.UsageResponse usage ? usage.usagesByCountry().size() : 1;
            int expected = answer == Answer.BULK_100 ? 100 : answer == Answer.USAGE_50 ? 50 : 1;
            Object bound = binding.readValue(body, record);
            int boundSize = bound instanceof BulkAnswer bulk ? bulk.messages().size()
                    : bound instanceof UsageAnswer usage ? usage.usagesByCountry().size() : 1;
            if (size != expected || boundSize != expected || plain.readTree(body).size() == 0) {
                throw new IllegalStateException(answer + " in " + format + " read as " + size + " entries");
            }
        }

        Object read() {
            return switch (answer) {
                case SMS -> answers.sms(200, body);
                case BULK_100 -> answers.bulk(200, body);
                case USAGE_50 -> answers.usage(200, body);
            };
        }
    }

    /** A {@code /smsbulk} answer as an application's own client binds it. */
    public record BulkAnswer(int responseCode, String responseText, List<Message> messages) {
    }

    /** One message of a {@link BulkAnswer}. */
    public record Message(String id, String timestamp, String to, int textLength) {
    }

    /** A {@code /usage/bycountry} answer as an application's own client binds it. */
    public record UsageAnswer(List<Usage> usagesByCountry) {
    }

    /** One country of a {@link UsageAnswer}. */
    public record Usage(String country, long messagesCount, BigDecimal cost) {
    }

    /** @return the SDK's JSON body for {@code /sms} */
    @Benchmark
    public byte[] encodeSms(Encoding e) {
        return e.codec.encodeSms(e.fields);
    }

    /** @return the same four fields written by Jackson's streaming generator */
    @Benchmark
    public byte[] encodeBaselineStreaming(Encoding e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = e.factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("from", e.fields.from());
            json.writeStringField("to", e.fields.to());
            json.writeStringField("text", e.fields.text());
            json.writeStringField("type", "auto");
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /** @return the same four fields written from a record by a Jackson mapper */
    @Benchmark
    public byte[] encodeBaselineBind(Encoding e) throws IOException {
        return e.mapper.writeValueAsBytes(e.record);
    }

    /** @return the answer read by {@code Answers} into the SDK's response record */
    @Benchmark
    public Object decode(Decoding d) {
        return d.read();
    }

    /** @return the same bytes read into a tree by the format's plain Jackson mapper */
    @Benchmark
    public JsonNode decodeBaselineReadTree(Decoding d) throws IOException {
        return d.plain.readTree(d.body);
    }

    /** @return the same bytes bound to records by the format's Jackson mapper */
    @Benchmark
    public Object decodeBaselineBind(Decoding d) throws IOException {
        return d.binding.readValue(d.body, d.record);
    }
}
