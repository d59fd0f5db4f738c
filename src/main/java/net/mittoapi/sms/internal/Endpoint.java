package net.mittoapi.sms.internal;

import java.util.Locale;
import net.mittoapi.sms.Format;
import okhttp3.HttpUrl;

/**
 * The API's four calls and the one place that turns a base URL, a call and a format into a URL:
 * {@code <base>/sms.json}, {@code <base>/usage/bycountry.xml} and so on.
 */
public enum Endpoint {

    /** {@code POST /sms}: one SMS. Served by the geo-resolved regions. */
    SMS("sms", true),
    /** {@code POST /smsbulk}: one text to many recipients. Served by the geo-resolved regions. */
    SMS_BULK("smsbulk", true),
    /** {@code POST /usage/bycountry}: usage per country. Default base URL only. */
    USAGE_BY_COUNTRY("usage/bycountry", false),
    /** {@code POST /sms/converted}: report a conversion. Default base URL only. */
    CONVERSION("sms/converted", false);

    private final String path;
    private final boolean sending;

    Endpoint(String path, boolean sending) {
        this.path = path;
        this.sending = sending;
    }

    /** @return {@code true} for the sending calls, which the geo-resolved regions serve */
    public boolean sending() {
        return sending;
    }

    /**
     * @param base   the base URL; a path it carries (a proxy's prefix) is kept
     * @param format the wire format, whose name becomes the suffix
     * @return the call's URL, such as {@code https://rest.mittoapi.net/sms.json}
     */
    public HttpUrl url(HttpUrl base, Format format) {
        return base.newBuilder()
                .addPathSegments(path + "." + format.name().toLowerCase(Locale.ROOT))
                .build();
    }
}
