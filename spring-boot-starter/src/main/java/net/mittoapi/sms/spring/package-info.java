/**
 * Spring Boot auto-configuration for the mitto-sms SDK: a {@link net.mittoapi.sms.MittoClient} bean from the
 * {@code mitto.*} properties ({@link net.mittoapi.sms.spring.MittoProperties}), Micrometer meters
 * ({@link net.mittoapi.sms.spring.MittoMetrics}) and an observation per call (a span per call with
 * micrometer-tracing), an endpoint that publishes Mitto's callbacks as
 * {@link net.mittoapi.sms.spring.MittoDeliveryReportEvent} (each report once) and
 * {@link net.mittoapi.sms.spring.MittoInboundSmsEvent}, and an in-process sandbox. The reference is
 * {@code docs/spring-boot.md}. Nothing here needs to be named by an application: adding the starter and setting
 * properties is enough.
 */
package net.mittoapi.sms.spring;
