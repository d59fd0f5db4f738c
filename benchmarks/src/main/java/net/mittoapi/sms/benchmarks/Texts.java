package net.mittoapi.sms.benchmarks;

/** The benchmark's inputs, built deterministically. */
final class Texts {

    private static final String GSM_SENTENCE =
            "Your order #4711 has shipped! Track it at example.com/t/4711 - questions? Reply HELP. ";
    private static final String CYRILLIC_SENTENCE = "Ваш заказ отправлен, спасибо! ";
    private static final String[] PLAIN_EMOJI = {"\uD83D\uDE00", "\uD83C\uDF89", "\uD83D\uDE80", "\uD83D\uDCE6"};
    private static final String[] SEQUENCES = {
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // family
        "\uD83C\uDDE9\uD83C\uDDEA",                         // flag
        "\uD83D\uDC4D\uD83C\uDFFD",                         // thumbs up, skin tone
        "\u2764\uFE0F",                                     // red heart
    };

    private Texts() {
    }

    static String of(String name) {
        switch (name) {
            case "GSM_160":
                return repeat(GSM_SENTENCE, 160);
            case "GSM_1000":
                return repeat(GSM_SENTENCE + "{€} ", 1000);
            case "GSM_1000_ASCII":
                return repeat(GSM_SENTENCE, 1000);
            case "UCS2_EMOJI_1000":
                return mix(PLAIN_EMOJI, 1000);
            case "UCS2_ZWJ_FLAGS_1000":
                return mix(SEQUENCES, 1000);
            default:
                throw new IllegalArgumentException("unknown input " + name);
        }
    }

    private static String repeat(String sentence, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(sentence);
        }
        return text.substring(0, length);
    }

    /** Cyrillic sentences with an emoji after every fifth word, cut to {@code length} UTF-16 units. */
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
        int end = length;
        while (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }
}
