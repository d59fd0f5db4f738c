package net.mittoapi.sms.benchmarks;

import java.text.Normalizer;

/**
 * The segment benchmark's inputs, built deterministically to an exact length in UTF-16 units (one less
 * where the last unit would split a surrogate pair): a script, repeated.
 */
final class Texts {

    private static final String GSM_SENTENCE =
            "Your order #4711 has shipped! Track it at example.com/t/4711 - questions? Reply HELP. ";
    private static final String CYRILLIC_SENTENCE = "Ваш заказ отправлен, спасибо! ";
    /** Vietnamese, decomposed (NFD): most letters carry one or two combining marks. */
    private static final String VIETNAMESE_NFD = Normalizer.normalize(
            "Cảm ơn bạn đã đặt hàng! Đơn hàng của bạn đã được gửi đi hôm nay. ", Normalizer.Form.NFD);
    /** The GSM sentence as a word processor writes it: curly quotes, an apostrophe, dashes, an ellipsis. */
    private static final String TYPOGRAPHIC_SENTENCE =
            "Your order #4711 has shipped – track it at example.com/t/4711… Questions? Reply “HELP”, we’re here. ";
    /** Polish, Czech and Romanian: Latin letters GSM-7 lacks, as precomposed characters. */
    private static final String LATIN_SENTENCE = "Zamówienie wysłane, dziękujemy! Objednávka byla odeslána. "
            + "Comanda a fost expediată, mulțumim! ";
    /** Korean: precomposed Hangul syllables, spaces and punctuation. */
    private static final String KOREAN = "주문해 주셔서 감사합니다! 주문하신 상품이 오늘 발송되었습니다. ";
    private static final String[] PLAIN_EMOJI = {"\uD83D\uDE00", "\uD83C\uDF89", "\uD83D\uDE80", "\uD83D\uDCE6"};
    private static final String[] SEQUENCES = {
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // family
        "\uD83C\uDDE9\uD83C\uDDEA",                         // flag
        "\uD83D\uDC4D\uD83C\uDFFD",                         // thumbs up, skin tone
        "\u2764\uFE0F",                                     // red heart
    };

    private Texts() {
    }

    /**
     * @param script the script's name, as in {@link SegmentBenchmark#script}
     * @param length the text's length in UTF-16 units
     * @return the text
     */
    static String of(String script, int length) {
        switch (script) {
            case "GSM_ASCII":
                return repeat(GSM_SENTENCE, length);
            case "GSM_EXTENSION":
                return repeat(GSM_SENTENCE + "{€} ", length);
            case "CYRILLIC":
                return repeat(CYRILLIC_SENTENCE, length);
            case "EMOJI":
                return mix(PLAIN_EMOJI, length);
            case "ZWJ_FLAGS":
                return mix(SEQUENCES, length);
            case "COMBINING":
                return repeat(VIETNAMESE_NFD, length);
            case "HANGUL":
                return repeat(KOREAN, length);
            case "ONE_CLUSTER":
                return "e" + "\u0301".repeat(length - 1);
            case "TYPOGRAPHIC":
                return repeat(TYPOGRAPHIC_SENTENCE, length);
            case "LATIN":
                return repeat(LATIN_SENTENCE, length);
            default:
                throw new IllegalArgumentException("unknown script " + script);
        }
    }

    private static String repeat(String sentence, int length) {
        StringBuilder text = new StringBuilder(length + sentence.length());
        while (text.length() < length) {
            text.append(sentence);
        }
        return cut(text, length);
    }

    /** Cyrillic sentences with an emoji after every fifth word. */
    private static String mix(String[] emoji, int length) {
        StringBuilder text = new StringBuilder(length + 16);
        int word = 0;
        int next = 0;
        while (text.length() < length) {
            for (String w : CYRILLIC_SENTENCE.split(" ")) {
                text.append(w).append(' ');
                if (++word % 5 == 0) {
                    text.append(emoji[next++ % emoji.length]).append(' ');
                }
            }
        }
        return cut(text, length);
    }

    private static String cut(StringBuilder text, int length) {
        int end = length;
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }
}
