package org.loyalty.kit.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of consumed events by CloudEvent type, in Prometheus as
 * {@code loyalty_events_processed_total}, {@code loyalty_events_duplicate_total} and
 * {@code loyalty_events_failed_total} (with a reason category).
 */
@ApplicationScoped
public class ProcessingMetrics {

    private final MeterRegistry registry;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void processed(String type) {
        registry.counter("loyalty.events.processed", "type", type).increment();
    }

    public void duplicate(String type) {
        registry.counter("loyalty.events.duplicate", "type", type).increment();
    }

    public void failed(String type, String reason) {
        registry.counter("loyalty.events.failed", "type", type, "reason", reason).increment();
    }
}
