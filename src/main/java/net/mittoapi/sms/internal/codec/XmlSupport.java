package net.mittoapi.sms.internal.codec;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import javax.xml.stream.XMLInputFactory;

/**
 * The only class that links against {@code jackson-dataformat-xml}. {@link Codec} touches it only after
 * checking that the library is present, so the SDK loads and runs JSON without it.
 *
 * <p>The StAX factory has DTD support and external entities turned off: a DOCTYPE in an answer is not
 * processed, and an entity reference it declares is an error, never a file or URL fetched (XXE).
 */
final class XmlSupport {

    private XmlSupport() {
    }

    /** @return the shared, immutable XML mapper, built on first use */
    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = create();
    }

    private static ObjectMapper create() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(input)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return XmlMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }
}
