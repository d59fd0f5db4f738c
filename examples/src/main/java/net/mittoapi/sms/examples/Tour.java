package net.mittoapi.sms.examples;

/**
 * Runs every example in order. Without {@code MITTO_API_KEY} the examples that call the API run against
 * an in-process sandbox; with it, against the API the environment names (Mitto's, unless {@code MITTO_BASE_URL}
 * says otherwise) in test mode ({@code test=true}), which validates without delivering.
 */
public final class Tour {

    public static void main(String[] args) throws Exception {
        try {
            System.out.println(Examples.target());
            step("Segments: encoding and cost, calculated offline", LongSmsSegments::run);
            step("Make a test API call", TestCall::run);
            step("Send an SMS", SendSms::run);
            step("Send a long SMS", LongSms::run);
            step("Change the default encoding", ChangeEncoding::run);
            step("Add metadata to a message", Metadata::run);
            step("Send bulk SMS", BulkSms::run);
            step("Replace the callback URL in an API call", CallbackOverride::run);
            step("Receive delivery reports", DeliveryReportReceiver::run);
            step("Retrieve usage by country", UsageByCountry::run);
            step("Track a conversion", ConversionTracking::run);
        } finally {
            Examples.shutdown();
        }
        System.out.println();
        System.out.println("Tour finished: every example ran.");
    }

    interface Example {
        void run() throws Exception;
    }

    static void step(String title, Example example) throws Exception {
        System.out.println();
        System.out.println("== " + title);
        example.run();
    }
}
