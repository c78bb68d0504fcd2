package org.loyalty.kit.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of consumed events by CloudEvent type, in Prometheus as
 * {@code loyalty_events_processed_total}, {@code loyalty_events_duplicate_total} and
 * {@code loyalty_events_failed_total} (with a reason category).
 * <p>
 * Each counter is looked up once and kept: the registry's lookup built a meter id per event
 * (about 2 % of a service's allocations under the benchmark). The type of a failed event is
 * whatever the record said, so a stream of made-up types would add a time series each; past
 * {@link #MAX_FAILED_TYPES} of them, a failure is counted under the type {@value #OTHER_TYPE}.
 */
@ApplicationScoped
public class ProcessingMetrics {

    /** Far more types than any service consumes. */
    static final int MAX_FAILED_TYPES = 32;
    static final String OTHER_TYPE = "other";

    private record Failure(String type, String reason) {
    }

    private final MeterRegistry registry;
    private final Map<String, Counter> processed = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();
    private final Map<Failure, Counter> failures = new ConcurrentHashMap<>();
    private final Set<String> failedTypes = ConcurrentHashMap.newKeySet();

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void processed(String type) {
        processed.computeIfAbsent(type, t -> registry.counter("loyalty.events.processed", "type", t)).increment();
    }

    public void duplicate(String type) {
        duplicates.computeIfAbsent(type, t -> registry.counter("loyalty.events.duplicate", "type", t)).increment();
    }

    public void failed(String type, String reason) {
        Failure failure = new Failure(failedTypeLabel(type), reason);
        failures.computeIfAbsent(failure, f -> registry.counter("loyalty.events.failed", "type", f.type(), "reason", f.reason()))
                .increment();
    }

    private String failedTypeLabel(String type) {
        if (failedTypes.contains(type)) {
            return type;
        }
        // Rare (a new type of bad record), so a lock keeps the cap exact without slowing the common case.
        synchronized (failedTypes) {
            if (failedTypes.contains(type) || failedTypes.size() < MAX_FAILED_TYPES) {
                failedTypes.add(type);
                return type;
            }
            return OTHER_TYPE;
        }
    }
}
