package net.mittoapi.sms;

import java.util.List;

/**
 * The API's answer to {@link MittoClient#sendBulk(BulkSmsRequest)}: one {@link BulkMessage} per recipient,
 * in the order the server listed them. A non-zero {@code responseCode} is thrown as a
 * {@link MittoApiException}, so {@link #responseCode()} is always 0 here.
 *
 * @param responseCode the API's code, 0 for success
 * @param responseText the API's text, such as {@code "SMS sent"}, or {@code null} when the answer had none
 * @param messages     the messages, one per recipient; unmodifiable, empty when the answer listed none
 */
public record BulkSmsResponse(int responseCode, String responseText, List<BulkMessage> messages) {

    /**
     * @param responseCode the API's code
     * @param responseText the API's text, or {@code null}
     * @param messages     the messages; copied, {@code null} read as empty
     */
    public BulkSmsResponse {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
