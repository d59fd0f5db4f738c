package net.mittoapi.sms;

import java.util.Arrays;
import java.util.List;
import net.mittoapi.sms.internal.validation.MessageFields;

/**
 * One text to many recipients in one call, for {@link MittoClient#sendBulk(BulkSmsRequest)}. Each recipient
 * gets its own message and id; a number listed twice is sent to twice. Immutable; built and validated by
 * {@link #builder()}. Equal when every field is, the recipients in the same order.
 *
 * <pre>{@code
 * BulkSmsRequest request = BulkSmsRequest.builder()
 *         .from("Mitto SMS")
 *         .to("491765410994", "491765410995")
 *         .text("Your appointment was scheduled.")
 *         .build();
 * }</pre>
 */
public final class BulkSmsRequest extends MessageRequest<List<String>> {

    private BulkSmsRequest(MessageFields<List<String>> fields) {
        super(fields);
    }

    /** @return a builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the recipients as E.164 digits without a leading {@code +}, in order; unmodifiable */
    public List<String> to() {
        return fields().to();
    }

    /** Builds a {@link BulkSmsRequest}; {@link #build()} checks every field. Not thread-safe. */
    public static final class Builder extends MessageRequest.Builder<Builder, BulkSmsRequest, List<String>> {

        private Builder() {
            super(MessageFields.bulk(), BulkSmsRequest::new);
        }

        /**
         * The recipients, sent as one comma-separated string (the form of Mitto's use-case page, docs/mitto-api.md); a
         * number listed twice is sent to twice. Each is checked as {@link SmsRequest.Builder#to(String)} checks one:
         * E.164 digits, one leading {@code +} accepted and stripped. {@link #build()} also refuses an empty list.
         *
         * @param to the recipients, required and non-empty, such as {@code "491725551234"}; the list is copied
         * @return this builder
         */
        public Builder to(List<String> to) {
            draft.to = to == null ? null : Arrays.asList(to.toArray(new String[0]));
            return this;
        }

        /**
         * @param to the recipients, required and non-empty; see {@link #to(List)}
         * @return this builder
         */
        public Builder to(String... to) {
            draft.to = to == null ? null : Arrays.asList(to.clone());
            return this;
        }
    }
}
