/**
 * Spring Boot auto-configuration for the mitto-sms SDK: a {@link net.mittoapi.sms.MittoClient} bean from the
 * {@code mitto.*} properties ({@link net.mittoapi.sms.spring.MittoProperties}), Micrometer meters
 * ({@link net.mittoapi.sms.spring.MittoMetrics}), an endpoint that publishes Mitto's callbacks as
 * {@link net.mittoapi.sms.spring.MittoDeliveryReportEvent} and {@link net.mittoapi.sms.spring.MittoInboundSmsEvent},
 * and an in-process sandbox. Nothing here needs to be named by an application: adding the starter and setting
 * properties is enough.
 */
package net.mittoapi.sms.spring;
