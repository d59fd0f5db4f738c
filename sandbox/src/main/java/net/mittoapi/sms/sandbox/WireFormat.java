package net.mittoapi.sms.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides how an answer's fields become bytes: JSON as Mitto's use-case page shows it
 * (docs/mitto-api.md), or flat XML under a root element with the JSON field names as elements (the wire contract's
 * assumption, since the API publishes no XML schema). Written by hand so that the sandbox needs no XML library.
 */
enum WireFormat {
    JSON("application/json; charset=utf-8"),
    XML("application/xml; charset=utf-8");

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private final String contentType;

    WireFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /**
     * A list field: rendered as a JSON array of objects, or as a wrapper element holding one
     * {@code itemName} element per entry.
     */
    record Items(String itemName, List<Map<String, Object>> entries) {
    }

    /**
     * @param root   the XML root element name (ignored for JSON)
     * @param fields ordered values: String, Integer, Long, Boolean or {@link Items}
     */
    byte[] render(String root, Map<String, Object> fields) {
        return this == JSON ? json(fields) : xml(root, fields);
    }

    private static byte[] json(Map<String, Object> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON_FACTORY.createGenerator(out)) {
            writeJsonObject(generator, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeJsonObject(JsonGenerator generator, Map<String, Object> fields) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            generator.writeFieldName(field.getKey());
            Object value = field.getValue();
            if (value instanceof String) {
                generator.writeString((String) value);
            } else if (value instanceof Integer) {
                generator.writeNumber((Integer) value);
            } else if (value instanceof Long) {
                generator.writeNumber((Long) value);
            } else if (value instanceof Boolean) {
                generator.writeBoolean((Boolean) value);
            } else if (value instanceof Items) {
                generator.writeStartArray();
                for (Map<String, Object> entry : ((Items) value).entries()) {
                    writeJsonObject(generator, entry);
                }
                generator.writeEndArray();
            } else {
                throw new IllegalArgumentException("cannot render " + field.getKey() + " = " + value);
            }
        }
        generator.writeEndObject();
    }

    private static byte[] xml(String root, Map<String, Object> fields) {
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        writeXmlElement(xml, root, fields);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeXmlElement(StringBuilder xml, String name, Map<String, Object> fields) {
        xml.append('<').append(name).append('>');
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value instanceof Items) {
                Items items = (Items) value;
                xml.append('<').append(field.getKey()).append('>');
                for (Map<String, Object> entry : items.entries()) {
                    writeXmlElement(xml, items.itemName(), entry);
                }
                xml.append("</").append(field.getKey()).append('>');
            } else {
                xml.append('<').append(field.getKey()).append('>');
                escapeXml(xml, String.valueOf(value));
                xml.append("</").append(field.getKey()).append('>');
            }
        }
        xml.append("</").append(name).append('>');
    }

    /**
     * Escapes the characters that are markup in element content, and replaces what XML 1.0 cannot carry at all (most control characters,
     * unpaired surrogates, U+FFFE and U+FFFF) with U+FFFD.
     */
    static void escapeXml(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    xml.append("&amp;");
                    break;
                case '<':
                    xml.append("&lt;");
                    break;
                case '>':
                    xml.append("&gt;");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        xml.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        xml.append('\uFFFD');
                    } else {
                        xml.append(c);
                    }
            }
        }
    }
}
