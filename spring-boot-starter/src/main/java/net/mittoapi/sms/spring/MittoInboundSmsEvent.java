package net.mittoapi.sms.spring;

import net.mittoapi.sms.webhook.InboundSms;
import org.springframework.context.ApplicationEvent;

/**
 * A message a handset sent to the account's number, forwarded by Mitto to the application's endpoint
 * ({@code mitto.webhook.inbound-path}), published once per accepted forward. Listen with
 * {@code @EventListener void on(MittoInboundSmsEvent event)}.
 *
 * <p>Listeners run on the request's thread before the endpoint answers: keep them quick (or make them
 * {@code @Async}). One that throws makes the answer 500.
 */
public class MittoInboundSmsEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final transient InboundSms sms;

    /**
     * @param source the endpoint that received it
     * @param sms    the message
     */
    public MittoInboundSmsEvent(Object source, InboundSms sms) {
        super(source);
        if (sms == null) {
            throw new IllegalArgumentException("sms must not be null");
        }
        this.sms = sms;
    }

    /** @return the message, as {@link InboundSms} read it */
    public InboundSms sms() {
        return sms;
    }

    /** @return the event's type, not the message's numbers or text */
    @Override
    public String toString() {
        return "MittoInboundSmsEvent[" + sms.raw().size() + " fields]";
    }
}
