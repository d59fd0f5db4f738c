package net.mittoapi.sms.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.mittoapi.sms.Format;

/**
 * The answers the benchmarks read: in the shapes of the API's use-case page (JSON) and of the sandbox's XML
 * (flat elements named as the JSON fields, under a root element), built once, as bytes.
 */
final class Bodies {

    private Bodies() {
    }

    private static final String ID = "715118ef01aa4480bbd67324a0459b0b";
    private static final String TIMESTAMP = "2019-04-13T12:07:57.8625574Z";

    /** @return the answer to {@code POST /sms} of the use-case page ("Send an SMS"), in {@code format} */
    static byte[] sms(Format format) {
        if (format == Format.JSON) {
            return utf8("{\"id\":\"" + ID + "\",\"timestamp\":\"" + TIMESTAMP + "\",\"to\":\"41751231234\","
                    + "\"responseCode\":0,\"textLength\":13,\"responseText\":\"SMS sent\",\"test\":false}");
        }
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SmsResponse><id>" + ID + "</id><timestamp>"
                + TIMESTAMP + "</timestamp><to>41751231234</to><responseCode>0</responseCode>"
                + "<textLength>13</textLength><responseText>SMS sent</responseText><test>false</test></SmsResponse>");
    }

    /** @return the answer to {@code POST /smsbulk} for {@code recipients} recipients, in {@code format} */
    static byte[] bulk(Format format, int recipients) {
        StringBuilder out = new StringBuilder(128 * recipients + 128);
        boolean json = format == Format.JSON;
        out.append(json ? "{\"responseCode\":0,\"responseText\":\"SMS sent\",\"messages\":["
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BulkSmsResponse><responseCode>0</responseCode>"
                        + "<responseText>SMS sent</responseText><messages>");
        for (int i = 0; i < recipients; i++) {
            String id = String.format(Locale.ROOT, "%032x", 0x7d35863fe6f44695L + i);
            String to = String.format(Locale.ROOT, "4917654%05d", i);
            String time = String.format(Locale.ROOT, "2019-04-13T12:07:%02d.%07dZ", i % 60, 8625574 + i);
            if (json) {
                out.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"timestamp\":\"")
                        .append(time).append("\",\"to\":\"").append(to).append("\",\"textLength\":31}");
            } else {
                out.append("<message><id>").append(id).append("</id><timestamp>").append(time)
                        .append("</timestamp><to>").append(to).append("</to><textLength>31</textLength></message>");
            }
        }
        out.append(json ? "]}" : "</messages></BulkSmsResponse>");
        return utf8(out.toString());
    }

    /** @return the answer to {@code POST /usage/bycountry} for {@code countries} countries, in {@code format} */
    static byte[] usage(Format format, int countries) {
        StringBuilder out = new StringBuilder(96 * countries + 96);
        boolean json = format == Format.JSON;
        out.append(json ? "{\"usagesByCountry\":["
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><UsageResponse><usagesByCountry>");
        for (int i = 0; i < countries; i++) {
            String country = "" + (char) ('A' + i % 26) + (char) ('A' + i / 26) + 'X';
            String count = Long.toString(1140L + 17 * i);
            String cost = String.format(Locale.ROOT, "%d.%06d", 68 + i, 400000 + i);
            if (json) {
                out.append(i == 0 ? "" : ",").append("{\"country\":\"").append(country)
                        .append("\",\"messagesCount\":\"").append(count).append("\",\"cost\":\"").append(cost)
                        .append("\"}");
            } else {
                out.append("<usageByCountry><country>").append(country).append("</country><messagesCount>")
                        .append(count).append("</messagesCount><cost>").append(cost)
                        .append("</cost></usageByCountry>");
            }
        }
        out.append(json ? "]}" : "</usagesByCountry></UsageResponse>");
        return utf8(out.toString());
    }

    /** @return the request body {@code MittoClient.send} writes for the benchmarks' message */
    static byte[] smsRequest() {
        return utf8("{\"from\":\"MITTO SMS\",\"to\":\"491725551234\",\"text\":\"Hello, World!\",\"type\":\"auto\"}");
    }

    static String contentType(Format format) {
        return format == Format.JSON ? "application/json; charset=utf-8" : "application/xml; charset=utf-8";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
