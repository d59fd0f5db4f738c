package net.mittoapi.sms.spring;

/**
 * Where the application's webhook endpoints listen, relative to the servlet path, and the token they require:
 * what the sandbox needs to derive its default callback. Free of servlet types, so that the core
 * auto-configuration can ask for it in an application without Spring MVC.
 *
 * @param deliveryPath the delivery-report path, or {@code null} when only the inbound endpoint is on
 * @param inboundPath  the inbound-SMS path, or {@code null}
 * @param token        the token callbacks must carry, or {@code null}
 */
record WebhookEndpoints(String deliveryPath, String inboundPath, String token) {

    @Override
    public String toString() {
        return "WebhookEndpoints[deliveryPath=" + deliveryPath + ", inboundPath=" + inboundPath + ", token="
                + (token == null ? "unset" : "set (redacted)") + "]";
    }
}
