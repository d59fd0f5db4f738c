package net.mittoapi.sms;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The API's answer to {@link MittoClient#send(SmsRequest)}. Only successful answers become an
 * {@code SmsResponse}: a non-zero {@code responseCode} is thrown as a {@link MittoApiException}, so
 * {@link #responseCode()} is 0 here, or -1 when the answer carried an id but a code that could not be read.
 *
 * <p>Nothing the answer carries is lost: when its id can be read, the response is returned even if another
 * field cannot be (a timestamp in another format, an odd {@code textLength}); that field is then {@code null}
 * or -1, and a DEBUG line on the logger {@code net.mittoapi.sms.MittoClient} says why. The message went out,
 * and the id is what tracks it.
 *
 * @param id           the message id (for a long message, the id of its first part); used for delivery
 *                     reports and {@link MittoClient#reportConversion(String)}. {@code null} when the answer
 *                     had none, as some descriptions of the API say of test calls
 * @param timestamp    when the server accepted the message, or {@code null} when the answer had none or it
 *                     could not be read
 * @param to           the recipient as the server echoed it, or {@code null} when the answer had none
 *                     (the test-call example of Mitto's use-case page omits it: docs/mitto-api.md)
 * @param responseCode the API's code: 0 for success, -1 when it could not be read (the id could)
 * @param textLength   the length of the text as the server counted it, -1 when the answer had none or it
 *                     could not be read
 * @param responseText the API's text, such as {@code "SMS sent"}, or {@code null} when the answer had none
 * @param test         {@code true} when this was a test call: nothing was delivered or charged
 */
public record SmsResponse(@Nullable String id, @Nullable Instant timestamp, @Nullable String to, int responseCode,
        int textLength, @Nullable String responseText, boolean test) {
}
