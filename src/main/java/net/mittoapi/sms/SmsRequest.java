package net.mittoapi.sms;

import net.mittoapi.sms.internal.validation.MessageFields;

/**
 * One SMS to one recipient, for {@link MittoClient#send(SmsRequest)}. Immutable; built and validated by
 * {@link #builder()}, so an instance always holds a sendable request. Equal when every field is.
 *
 * <pre>{@code
 * SmsRequest request = SmsRequest.builder()
 *         .from("MITTO SMS")
 *         .to("+491725551234")
 *         .text("Hello, World!")
 *         .type(MessageType.AUTO)
 *         .build();
 * }</pre>
 */
public final class SmsRequest extends MessageRequest<String> {

    private SmsRequest(MessageFields<String> fields) {
        super(fields);
    }

    /** @return a builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the recipient as E.164 digits, without a leading {@code +} */
    public String to() {
        return fields().to();
    }

    /** Builds an {@link SmsRequest}; {@link #build()} checks every field. Not thread-safe. */
    public static final class Builder extends MessageRequest.Builder<Builder, SmsRequest, String> {

        private Builder() {
            super(MessageFields.single(), SmsRequest::new);
        }

        /**
         * The recipient. The API documents it as E.164 digits without {@code +} (docs/mitto-api.md), so one leading
         * {@code +} is accepted and stripped, and {@link #build()} refuses anything else: spaces, dashes, a
         * leading 0 (a country code never starts with one) or more than 15 digits (ITU-T E.164).
         *
         * @param to the recipient, required, such as {@code "491725551234"} or {@code "+491725551234"}
         * @return this builder
         */
        public Builder to(String to) {
            draft.to = to;
            return this;
        }
    }
}
