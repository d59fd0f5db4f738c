package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.mittoapi.sms.webhook.DeliveryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How form-encoded text is read: in a given charset, strictly for a body, as the SDK reads a query for a query. */
class FormFieldsTest {

    private static Map<String, String> strictly(String text, Charset charset) throws FormFields.MalformedEscape {
        Map<String, String> fields = new LinkedHashMap<>();
        FormFields.readStrictly(text, charset, fields);
        return fields;
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                arguments("a=1&b=2", StandardCharsets.UTF_8, Map.of("a", "1", "b", "2")),
                arguments("Reference=Caf%C3%A9+cr%C3%A8me", StandardCharsets.UTF_8, Map.of("Reference", "Café crème")),
                arguments("Reference=Caf%E9", StandardCharsets.ISO_8859_1, Map.of("Reference", "Café")),
                arguments("Reference=%D0%9F%D1%80%D0%B8", StandardCharsets.UTF_8, Map.of("Reference", "При")),
                arguments("smiley=%F0%9F%98%80", StandardCharsets.UTF_8, Map.of("smiley", "😀")),
                arguments("Reference=50%&b=%zz%4", StandardCharsets.UTF_8, Map.of("Reference", "50%", "b", "%zz%4")),
                arguments("a&b=&=c&&d=1=2", StandardCharsets.UTF_8, Map.of("a", "", "b", "", "d", "1=2")),
                arguments("M%43C=26201&%4D%43C=1", StandardCharsets.UTF_8, Map.of("MCC", "26201")),
                arguments("", StandardCharsets.UTF_8, Map.of()),
                arguments("a=%00", StandardCharsets.UTF_8, Map.of("a", "\0")),
                arguments("t=%00%61%00%62", StandardCharsets.UTF_16BE, Map.of("t", "ab")));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void readsTheFieldsInTheCharset(String text, Charset charset, Map<String, String> expected) throws Exception {
        assertThat(strictly(text, charset)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void theFirstOccurrenceOfANameWinsAndTheFieldsAlreadyThereFirstOfAll() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Reference", "from-query");
        FormFields.readStrictly("ID=1&Reference=from-body&ID=2&Status=OK", StandardCharsets.UTF_8, fields);

        assertThat(fields).containsExactly(Map.entry("Reference", "from-query"), Map.entry("ID", "1"),
                Map.entry("Status", "OK"));
    }

    @Test
    void escapesNotValidInTheCharsetAreRefusedWithTheirOffset() {
        assertThatThrownBy(() -> strictly("ID=1&Reference=Caf%E9", StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(FormFields.MalformedEscape.class, e -> assertThat(e.offset()).isEqualTo(18));
        assertThatThrownBy(() -> strictly("a=%C3%A9%C3&b=1", StandardCharsets.UTF_8))
                .as("a truncated sequence").isInstanceOfSatisfying(FormFields.MalformedEscape.class,
                        e -> assertThat(e.offset()).isEqualTo(2));
        assertThatThrownBy(() -> strictly("a=%80", StandardCharsets.US_ASCII))
                .isInstanceOf(FormFields.MalformedEscape.class);
        assertThatThrownBy(() -> strictly("%FF=1", StandardCharsets.UTF_8)).as("in a name")
                .isInstanceOf(FormFields.MalformedEscape.class);
    }

    @Test
    void aQueryReadsLenientlyAsTheSdkReadsIt() {
        Map<String, String> fields = new LinkedHashMap<>();
        FormFields.readLeniently("?ID=1&Reference=Caf%E9", StandardCharsets.UTF_8, fields);

        assertThat(fields).containsExactly(Map.entry("ID", "1"), Map.entry("Reference", "Caf\uFFFD"));
    }

    /** 5,000 seeded random queries: the fields read here are the SDK's raw() of the same query, in the same order. */
    @Test
    void everyQueryReadsAsTheSdksFromQueryReadsIt() {
        String[] pieces = {"a", "B", "id", "ID", "x", "1", "=", "=", "&", "&", "+", "%", "%2", "%41", "%3D", "%26",
            "%2B", "%C3%A9", "%E9", "%F0%9F%98%80", "%F0%9F", "%zz", "%%", "é", "?", " ", "%20", "token"};
        Random random = new Random(20261206);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder query = new StringBuilder(random.nextBoolean() ? "ID=m" + run + "&" : "");
            for (int i = random.nextInt(12); i > 0; i--) {
                query.append(pieces[random.nextInt(pieces.length)]);
            }
            query.append("&msgid=fallback");
            Map<String, String> fields = new LinkedHashMap<>();
            FormFields.readLeniently(query.toString(), StandardCharsets.UTF_8, fields);

            assertThat(new ArrayList<>(fields.entrySet())).as(query.toString())
                    .isEqualTo(new ArrayList<>(DeliveryReport.fromQuery(query.toString()).raw().entrySet()));
        }
    }
}
