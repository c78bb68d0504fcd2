package org.loyalty.kit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What the event counters show, and that made-up event types cannot add time series without bound. */
class ProcessingMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessingMetrics metrics = new ProcessingMetrics(registry);

    @Test
    void eventsAreCountedByTypeAndFailuresAlsoByReason() {
        metrics.processed("purchase.completed");
        metrics.processed("purchase.completed");
        metrics.duplicate("purchase.completed");
        metrics.failed("purchase.refunded", "invalid");

        assertEquals(2, registry.get("loyalty.events.processed").tag("type", "purchase.completed").counter().count());
        assertEquals(1, registry.get("loyalty.events.duplicate").tag("type", "purchase.completed").counter().count());
        assertEquals(1, registry.get("loyalty.events.failed").tags("type", "purchase.refunded", "reason", "invalid").counter().count());
    }

    @Test
    void failuresOfTooManyDistinctTypesAreCountedAsOther() {
        for (int i = 0; i < ProcessingMetrics.MAX_FAILED_TYPES + 10; i++) {
            metrics.failed("made.up." + i, "unknown_type");
        }
        metrics.failed("made.up.0", "unknown_type"); // a type already counted keeps its own series

        assertEquals(ProcessingMetrics.MAX_FAILED_TYPES + 1, registry.get("loyalty.events.failed").counters().size());
        assertEquals(10, registry.get("loyalty.events.failed").tag("type", ProcessingMetrics.OTHER_TYPE).counter().count());
        assertEquals(2, registry.get("loyalty.events.failed").tag("type", "made.up.0").counter().count());
    }
}
