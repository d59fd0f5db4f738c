package net.mittoapi.sms;

import java.time.Instant;

/**
 * The API's answer to {@link MittoClient#send(SmsRequest)}. Only successful answers become an
 * {@code SmsResponse}: a non-zero {@code responseCode} is thrown as a {@link MittoApiException}, so
 * {@link #responseCode()} is always 0 here.
 *
 * @param id           the message id (for a long message, the id of its first part); used for delivery
 *                     reports and {@link MittoClient#reportConversion(String)}. {@code null} when the answer
 *                     had none, as some descriptions of the API say of test calls
 * @param timestamp    when the server accepted the message, or {@code null} when the answer had none
 * @param to           the recipient as the server echoed it, or {@code null} when the answer had none
 *                     (the seed's test-call example omits it)
 * @param responseCode the API's code, 0 for success
 * @param textLength   the length of the text as the server counted it, 0 when the answer had none
 * @param responseText the API's text, such as {@code "SMS sent"}, or {@code null} when the answer had none
 * @param test         {@code true} when this was a test call: nothing was delivered or charged
 */
public record SmsResponse(String id, Instant timestamp, String to, int responseCode, int textLength,
        String responseText, boolean test) {
}
