package net.mittoapi.sms;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API's answer to {@link MittoClient#sendBulk(BulkSmsRequest)}: one {@link BulkMessage} per recipient,
 * in the order the server listed them. A non-zero {@code responseCode} is thrown as a
 * {@link MittoApiException}, so {@link #responseCode()} is 0 here, or -1 when the answer listed message ids but
 * a code that could not be read. As with {@link SmsResponse}, a message whose id can be read is kept even when
 * another of its fields cannot be (that field {@code null} or -1, with a DEBUG line saying why).
 *
 * @param responseCode the API's code: 0 for success, -1 when it could not be read
 * @param responseText the API's text, such as {@code "SMS sent"}, or {@code null} when the answer had none
 * @param messages     the messages, one per recipient; unmodifiable, empty when the answer listed none
 */
public record BulkSmsResponse(int responseCode, @Nullable String responseText, List<BulkMessage> messages) {

    /**
     * @param responseCode the API's code
     * @param responseText the API's text, or {@code null}
     * @param messages     the messages; copied, {@code null} read as empty
     */
    public BulkSmsResponse(int responseCode, @Nullable String responseText, @Nullable List<BulkMessage> messages) {
        this.responseCode = responseCode;
        this.responseText = responseText;
        this.messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
