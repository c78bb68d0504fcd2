package org.loyalty.points.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.loyalty.kit.messaging.BatchProcessor;
import org.loyalty.kit.metrics.ProcessingMetrics;
import org.loyalty.points.messaging.Topics;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Consumes checkout.purchases a poll at a time: one ledger transaction per batch. */
@ApplicationScoped
public class PurchaseConsumer {

    private final BatchProcessor batches;
    private final CheckoutEventParser parser;
    private final LedgerService ledger;
    private final ProcessingMetrics metrics;

    public PurchaseConsumer(BatchProcessor batches, CheckoutEventParser parser, LedgerService ledger, ProcessingMetrics metrics) {
        this.batches = batches;
        this.parser = parser;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Incoming(Topics.CHECKOUT_PURCHASES_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::parse, this::apply);
    }

    private Uni<Void> apply(List<CheckoutEvent> events) {
        return ledger.apply(events).invoke(applied -> {
            for (CheckoutEvent event : events) {
                if (applied.contains(event.eventId())) {
                    metrics.processed(event.type());
                } else {
                    metrics.duplicate(event.type());
                }
            }
        }).replaceWithVoid();
    }
}
