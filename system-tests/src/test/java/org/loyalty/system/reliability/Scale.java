package org.loyalty.system.reliability;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How hard the reliability tests push, from system properties: the default build runs a short
 * variant, {@code -Preliability} (or {@code -Dreliability.events=...}) the long one.
 */
record Scale(int events, int customers, int registered, int ratePerSecond, int killRounds, Duration brokerOutage,
        Duration databaseOutage, List<String> replicated) {

    static Scale fromSystemProperties() {
        int events = Integer.getInteger("reliability.events", 6000);
        return new Scale(events,
                Integer.getInteger("reliability.customers", Math.max(50, events / 20)),
                Integer.getInteger("reliability.registered", 12),
                Integer.getInteger("reliability.rate", 300),
                Integer.getInteger("reliability.kill-rounds", 2),
                Duration.ofSeconds(Integer.getInteger("reliability.broker-outage-seconds", 10)),
                Duration.ofSeconds(Integer.getInteger("reliability.database-outage-seconds", 10)),
                Arrays.asList(System.getProperty("reliability.replicated", "rewards-service,notification-service").split(",")));
    }

    /** How long the services may take to work through {@code events} after the stream ends. */
    Duration patience(int events) {
        return Duration.ofSeconds(90).plusMillis(events * 4L);
    }
}
