package net.mittoapi.sms.sandbox;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The validated settings of one sandbox, as {@link MittoSandbox.Builder#start()} made them. */
record SandboxConfig(
        String apiKey,
        InetAddress bindAddress,
        int port,
        BigDecimal defaultPricePerPart,
        Map<String, BigDecimal> pricePerPartByCountry,
        CallbackMethod callbackMethod,
        @Nullable String defaultCallback,
        boolean allowRemoteCallbacks,
        Clock clock,
        int threads,
        Duration requestTimeout,
        @Nullable Consumer<String> accessLog) {

    BigDecimal pricePerPart(String country) {
        return pricePerPartByCountry.getOrDefault(country, defaultPricePerPart);
    }
}
