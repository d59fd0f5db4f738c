package net.mittoapi.sms.examples;

/**
 * Runs every example in order. Without {@code MITTO_API_KEY} the examples that call the API run against
 * an in-process sandbox; with it, against the real API in test mode ({@code test=true}), which validates
 * without delivering.
 */
public final class Tour {

    public static void main(String[] args) throws Exception {
        step("Long SMS: segments, encoding and cost, calculated offline", () -> LongSmsSegments.main(args));
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
