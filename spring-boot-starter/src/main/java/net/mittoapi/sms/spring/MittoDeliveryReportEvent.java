package net.mittoapi.sms.spring;

import net.mittoapi.sms.webhook.DeliveryReport;
import org.springframework.context.ApplicationEvent;

/**
 * A delivery report that Mitto sent to the application's endpoint ({@code mitto.webhook.path}), published once per
 * message id and status within {@code mitto.webhook.deduplication.window} (copies Mitto sends again are answered
 * without being published; {@code mitto.webhook.deduplication.enabled=false} publishes every accepted callback).
 * Listen with {@code @EventListener void on(MittoDeliveryReportEvent event)}.
 *
 * <p>Listeners run on the request's thread before the endpoint answers: keep them quick (or make them
 * {@code @Async}). One that throws makes the answer 500, so that Mitto may try again, and the report is published
 * again when it does. Deduplication makes a second delivery rare, not impossible (see {@code docs/spring-boot.md}):
 * a listener that must never act twice stays idempotent by message id and status.
 */
public class MittoDeliveryReportEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final transient DeliveryReport report;

    /**
     * @param source the endpoint that received it
     * @param report the report
     */
    public MittoDeliveryReportEvent(Object source, DeliveryReport report) {
        super(source);
        if (report == null) {
            throw new IllegalArgumentException("report must not be null");
        }
        this.report = report;
    }

    /** @return the report, as {@link DeliveryReport} read it */
    public DeliveryReport report() {
        return report;
    }

    /** @return the event with the report's message id, not its numbers */
    @Override
    public String toString() {
        return "MittoDeliveryReportEvent[messageId=" + report.messageId() + "]";
    }
}
