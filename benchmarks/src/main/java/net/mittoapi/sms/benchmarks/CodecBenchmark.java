package net.mittoapi.sms.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import net.mittoapi.sms.Format;
import net.mittoapi.sms.internal.Answers;
import net.mittoapi.sms.internal.Codec;
import net.mittoapi.sms.internal.MessageFields;
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
 *       the same four fields (the least a JSON writer can do);</li>
 *   <li>{@link #decode} against {@link #decodeBaselineReadTree}, the same format's plain Jackson mapper
 *       reading the same bytes into a tree (the step {@code Answers} starts with; the rest is its tolerant
 *       mapping into records: case-insensitive names, numbers as numbers or strings, exact decimals, ISO
 *       timestamps).</li>
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

        @Setup
        public void setUp() throws IOException {
            body = switch (answer) {
                case SMS -> Bodies.sms(format);
                case BULK_100 -> Bodies.bulk(format, 100);
                case USAGE_50 -> Bodies.usage(format, 50);
            };
            answers = new Answers(Codec.of(format));
            plain = format == Format.JSON ? new JsonMapper() : new XmlMapper();
            // Both sides must read something real: the sizes the answers promise.
            Object read = read();
            int size = read instanceof net.mittoapi.sms.BulkSmsResponse bulk ? bulk.messages().size()
                    : read instanceof net.mittoapi.sms.UsageResponse usage ? usage.usagesByCountry().size() : 1;
            int expected = answer == Answer.BULK_100 ? 100 : answer == Answer.USAGE_50 ? 50 : 1;
            if (size != expected || plain.readTree(body).size() == 0) {
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
}
