package net.mittoapi.sms;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recipient's message within a {@link BulkSmsResponse}.
 *
 * @param id         the message id, distinct per recipient, or {@code null} when the answer had none
 * @param timestamp  when the server accepted it, or {@code null} when the answer had none or it could not be
 *                   read
 * @param to         the recipient, or {@code null} when the answer had none
 * @param textLength the length of the text as the server counted it, -1 when the answer had none or it could
 *                   not be read
 */
public record BulkMessage(@Nullable String id, @Nullable Instant timestamp, @Nullable String to, int textLength) {
}
