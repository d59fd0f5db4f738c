package net.mittoapi.sms.examples;

import net.mittoapi.sms.MittoApiException;
import net.mittoapi.sms.SmsRequest;
import net.mittoapi.sms.SmsResponse;

/**
 * Mitto's use case "Enable Conversion Tracking" (docs/mitto-api.md): report that a message led to a conversion. The
 * account manager must enable the feature; against the real API a test message is not convertible, and the example
 * shows the typed error the API answers with.
 */
public final class ConversionTracking {

    public static void main(String[] args) throws Exception {
        Examples.runAlone(ConversionTracking::run);
    }

    static void run() {
        SmsResponse sent = Examples.client().send(SmsRequest.builder()
                .from(Examples.FROM).to(Examples.TO).text("20% off today: show this SMS at the till.")
                .test(Examples.testMode())
                .build());
        System.out.printf("  -> sent %s; the customer converts; reportConversion(%s)%n", sent.id(),
                Examples.quote(sent.id()));
        try {
            Examples.client().reportConversion(sent.id());
            System.out.println("  <- OK: conversion recorded");
        } catch (MittoApiException e) {
            System.out.printf("  <- HTTP %d (%s): %s%n", e.httpStatus(), e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
