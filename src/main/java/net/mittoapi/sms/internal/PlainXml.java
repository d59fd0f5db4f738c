package net.mittoapi.sms.internal;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads plain XML answers (the subset of XML 1.0 that a serializer writes for flat records and lists) as the
 * tokens Jackson's XML parser would give {@link AnswerStream}, without a StAX parser: creating Woodstox's
 * reader costs about 2 KB and 1.3 µs per answer, more than everything else the SDK adds to a call.
 *
 * <p><b>The subset</b> (productions of XML 1.0, Fifth Edition, https://www.w3.org/TR/xml/, and Namespaces in
 * XML 1.0, https://www.w3.org/TR/xml-names/), in ASCII:
 * <ul>
 *   <li>an optional XML declaration, exactly {@code <?xml version="1.0"?>} or with {@code encoding="UTF-8"}
 *       ({@code utf-8}), at the first byte; white space; one root element; white space;</li>
 *   <li>on the root only, namespace declarations ({@code xmlns="…"}, {@code xmlns:p="…"}), which Jackson does
 *       not report; no other attribute on any element;</li>
 *   <li>element names of ASCII letters, digits, {@code _ - .}, starting with a letter or {@code _}, no prefix;
 *       start tags {@code <name>} or {@code <name/>}, end tags {@code </name>}, white space allowed before the
 *       {@code >} or {@code />};</li>
 *   <li>an element holds either elements (white space between them, which Jackson drops) or text: printable
 *       ASCII, tab and line feed, without {@code < & >} and carriage returns (so that no entity, no
 *       {@code ]]>} and no line-end normalization arises).</li>
 * </ul>
 * Tokens, as {@code FromXmlParser} gives them: the root element is {@code START_OBJECT}; a child element is
 * {@code FIELD_NAME}, then {@code VALUE_STRING} with its text ({@code ""} when empty, white space kept) or
 * {@code START_OBJECT} when it holds elements; an end tag is {@code END_OBJECT}. Reading stops at the root's
 * end tag, after which only white space may follow.
 *
 * <p>Anything else (a byte order mark, another encoding, a DOCTYPE, a comment, a processing instruction,
 * CDATA, an entity or character reference, a prefixed name, an attribute, mixed content, non-ASCII text, a root
 * holding only text, nesting deeper than {@value #MAX_DEPTH}, a name longer than {@value #MAX_NAME}, and every
 * malformed document) makes {@link #next()} return {@code null}: {@link AnswerStream} then steps aside, and
 * Woodstox, configured without DTDs or external entities, reads the answer as it always has. No entity is ever
 * expanded here, and the work is one pass over the bytes.
 */
final class PlainXml {

    static final int MAX_DEPTH = 16;
    static final int MAX_NAME = 64;
    private static final int MAX_ATTRIBUTE_VALUE = 1024;

    private static final byte[][] DECLARATIONS = {
        ascii("<?xml version=\"1.0\"?>"),
        ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
    };

    /** The names answers use, handed out without a new String per element. */
    private static final String[] KNOWN_NAMES = {"id", "timestamp", "to", "responseCode", "textLength",
        "responseText", "test", "messages", "message", "usagesByCountry", "usageByCountry", "country",
        "messagesCount", "cost"};
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN_NAMES.length][];

    static {
        for (int i = 0; i < KNOWN_NAMES.length; i++) {
            KNOWN_BYTES[i] = ascii(KNOWN_NAMES[i]);
        }
    }

    private final byte[] b;
    private int pos;
    /** Each open element's name, as its offset and length in {@link #b}. */
    private final int[] openAt = new int[MAX_DEPTH];
    private final int[] openLength = new int[MAX_DEPTH];
    private int depth;
    /** Whether the last token was a {@code FIELD_NAME} whose value is still to be read. */
    private boolean valuePending;
    /** Whether that {@code FIELD_NAME} came from an empty-element tag, {@code <name/>}. */
    private boolean emptyElement;
    private boolean started;
    private boolean ended;
    private String name = "";
    private String text = "";

    PlainXml(byte[] body) {
        this.b = body;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the name of the current {@code FIELD_NAME} */
    String name() {
        return name;
    }

    /** @return the text of the current {@code VALUE_STRING} */
    String text() {
        return text;
    }

    /**
     * @return the next token; {@code null} at the end of the root element, and wherever the document leaves the
     *         subset (the caller tells the two apart: it stops reading at the root's {@code END_OBJECT})
     */
    @Nullable JsonToken next() {
        if (!started) {
            started = true;
            return root() ? JsonToken.START_OBJECT : null;
        }
        if (ended) {
            return null;
        }
        if (valuePending) {
            valuePending = false;
            return value();
        }
        // Inside an element that holds elements: white space, then a child's start tag or this one's end tag.
        skipSpace();
        if (pos + 1 >= b.length || b[pos] != '<') {
            return null; // mixed content, or the end of the bytes
        }
        if (b[pos + 1] == '/') {
            if (!endTag()) {
                return null;
            }
            if (depth == 0) {
                ended = true;
                skipSpace();
                return pos == b.length ? JsonToken.END_OBJECT : null; // only white space after the root
            }
            return JsonToken.END_OBJECT;
        }
        pos++;
        int at = pos;
        if (!nameChars()) {
            return null;
        }
        int length = pos - at;
        name = name(at, length);
        skipSpace();
        if (pos < b.length && b[pos] == '>') {
            pos++;
            if (!open(at, length)) {
                return null;
            }
            valuePending = true;
            return JsonToken.FIELD_NAME;
        }
        if (pos + 1 < b.length && b[pos] == '/' && b[pos + 1] == '>') {
            pos += 2;
            valuePending = true;
            emptyElement = true;
            return JsonToken.FIELD_NAME;
        }
        return null; // an attribute
    }

    /** Skips the current value: for {@code START_OBJECT}, up to and including its {@code END_OBJECT}. */
    boolean skipChildren(JsonToken current) {
        if (current != JsonToken.START_OBJECT) {
            return true;
        }
        int level = 1;
        while (level > 0) {
            JsonToken token = next();
            if (token == null) {
                return false;
            }
            if (token == JsonToken.START_OBJECT) {
                level++;
            } else if (token == JsonToken.END_OBJECT) {
                level--;
            }
        }
        return true;
    }

    /** The value of the element whose start tag was just read. */
    private @Nullable JsonToken value() {
        if (emptyElement) {
            emptyElement = false;
            text = "";
            return JsonToken.VALUE_STRING;
        }
        int start = pos;
        skipSpace();
        if (pos + 1 < b.length && b[pos] == '<' && isNameStart(b[pos + 1])) {
            return JsonToken.START_OBJECT; // it holds elements
        }
        pos = start;
        while (pos < b.length && isTextByte(b[pos])) {
            pos++;
        }
        int end = pos;
        if (pos + 1 >= b.length || b[pos] != '<' || b[pos + 1] != '/' || !endTag()) {
            return null; // a character outside the subset, mixed content, or a mismatched end tag
        }
        text = end == start ? "" : new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        return JsonToken.VALUE_STRING;
    }

    /** Reads the prolog and the root's start tag. */
    private boolean root() {
        if (b.length == 0 || b[0] != '<') {
            return false;
        }
        if (b.length > 1 && b[1] == '?') {
            if (!declaration()) {
                return false;
            }
            skipSpace();
            if (pos >= b.length || b[pos] != '<') {
                return false;
            }
        }
        pos++;
        int at = pos;
        if (!nameChars()) {
            return false;
        }
        int length = pos - at;
        if (!namespaceDeclarations() || pos >= b.length || b[pos] != '>') {
            return false;
        }
        pos++;
        if (!open(at, length)) {
            return false;
        }
        // The root must hold elements: one holding only text is read by Jackson under an empty name.
        int mark = pos;
        skipSpace();
        boolean holdsElements = pos + 1 < b.length && b[pos] == '<' && isNameStart(b[pos + 1]);
        pos = mark;
        return holdsElements;
    }

    private boolean declaration() {
        for (byte[] declaration : DECLARATIONS) {
            if (startsWith(declaration, 0)) {
                pos = declaration.length;
                return true;
            }
        }
        return false;
    }

    /** Zero or more {@code xmlns="…"} or {@code xmlns:p="…"}, each name at most once, then optional space. */
    private boolean namespaceDeclarations() {
        int first = -1;
        int count = 0;
        while (pos < b.length && isSpace(b[pos])) {
            skipSpace();
            if (pos >= b.length || b[pos] == '>') {
                return true;
            }
            int at = pos;
            if (!startsWith(XMLNS, pos)) {
                return false;
            }
            pos += XMLNS.length;
            boolean prefixed = pos < b.length && b[pos] == ':';
            if (prefixed) {
                pos++;
                int prefixAt = pos;
                if (!nameChars() || pos - prefixAt >= 3 && (b[prefixAt] | 0x20) == 'x' && (b[prefixAt + 1] | 0x20) == 'm'
                        && (b[prefixAt + 2] | 0x20) == 'l') {
                    return false; // no name, or a prefix reserved by Namespaces in XML (xml, xmlns, xml…)
                }
            }
            int nameLength = pos - at;
            if (pos + 1 >= b.length || b[pos] != '=' || (b[pos + 1] != '"' && b[pos + 1] != '\'')) {
                return false;
            }
            byte quote = b[pos + 1];
            pos += 2;
            int valueAt = pos;
            while (pos < b.length && b[pos] != quote && b[pos] >= 0x20 && b[pos] < 0x7f && b[pos] != '<'
                    && b[pos] != '&') {
                pos++;
            }
            int valueLength = pos - valueAt;
            if (pos >= b.length || b[pos] != quote || valueLength > MAX_ATTRIBUTE_VALUE
                    || (prefixed && valueLength == 0) || reservedNamespace(valueAt, valueLength)) {
                return false;
            }
            pos++;
            // Each attribute at most once: compare with the ones before (a handful at most).
            if (++count > 8 || first >= 0 && repeats(first, at, nameLength)) {
                return false;
            }
            if (first < 0) {
                first = at;
            }
        }
        return true;
    }

    private static final byte[] XMLNS = ascii("xmlns");
    private static final byte[] XML_URI = ascii("www.w3.org/XML/1998/namespace");
    private static final byte[] XMLNS_URI = ascii("www.w3.org/2000/xmlns");

    /** Namespaces in XML forbids binding these URIs to any other prefix: left to Woodstox to refuse. */
    private boolean reservedNamespace(int at, int length) {
        for (int i = at; i < at + length; i++) {
            if (startsWith(XML_URI, i) || startsWith(XMLNS_URI, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the attribute name at {@code at} already appeared among those from {@code first}. */
    private boolean repeats(int first, int at, int length) {
        int i = first;
        while (i < at) {
            int nameEnd = i;
            while (b[nameEnd] != '=') {
                nameEnd++;
            }
            if (nameEnd - i == length && same(i, at, length)) {
                return true;
            }
            byte quote = b[nameEnd + 1];
            i = nameEnd + 2;
            while (b[i] != quote) {
                i++;
            }
            i++;
            while (isSpace(b[i])) {
                i++;
            }
        }
        return false;
    }

    /** Reads {@code </name>} for the innermost open element. */
    private boolean endTag() {
        if (depth <= 0) {
            return false;
        }
        int length = openLength[depth - 1];
        int at = pos + 2;
        if (at + length >= b.length || !same(openAt[depth - 1], at, length)) {
            return false;
        }
        pos = at + length;
        skipSpace();
        if (pos >= b.length || b[pos] != '>') {
            return false; // another name that begins with this one, or no end
        }
        pos++;
        depth--;
        return true;
    }

    /** @return {@code false} when the element is nested deeper than any answer: Woodstox decides */
    private boolean open(int at, int length) {
        if (depth == MAX_DEPTH) {
            return false;
        }
        openAt[depth] = at;
        openLength[depth] = length;
        depth++;
        return true;
    }

    private boolean nameChars() {
        if (pos >= b.length || !isNameStart(b[pos])) {
            return false;
        }
        int start = pos;
        pos++;
        while (pos < b.length && isNameChar(b[pos])) {
            pos++;
        }
        return pos - start <= MAX_NAME;
    }

    private String name(int at, int length) {
        for (int i = 0; i < KNOWN_BYTES.length; i++) {
            byte[] known = KNOWN_BYTES[i];
            if (known.length == length && startsWith(known, at)) {
                return KNOWN_NAMES[i];
            }
        }
        return new String(b, at, length, StandardCharsets.ISO_8859_1);
    }

    private boolean same(int a, int c, int length) {
        for (int i = 0; i < length; i++) {
            if (b[a + i] != b[c + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(byte[] prefix, int at) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipSpace() {
        while (pos < b.length && isSpace(b[pos])) {
            pos++;
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isNameStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameChar(byte c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    /** Printable ASCII but {@code < & >}, tab and line feed. */
    private static boolean isTextByte(byte c) {
        return (c >= 0x20 && c < 0x7f && c != '<' && c != '&' && c != '>') || c == '\t' || c == '\n';
    }
}
