package org.loyalty.notification.trigger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.loyalty.kit.messaging.BatchProcessor;
import org.loyalty.notification.messaging.Topics;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** The four topics that make mail or change the contact list, each consumed a poll at a time. */
@ApplicationScoped
public class TriggerConsumers {

    private final BatchProcessor batches;
    private final TriggerParser parser;
    private final TriggerHandler handler;

    public TriggerConsumers(BatchProcessor batches, TriggerParser parser, TriggerHandler handler) {
        this.batches = batches;
        this.parser = parser;
        this.handler = handler;
    }

    @Incoming(Topics.CHECKOUT_PURCHASES_CHANNEL)
    public Uni<Void> purchases(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::checkout, handler::apply);
    }

    @Incoming(Topics.CHECKOUT_SHIPMENTS_CHANNEL)
    public Uni<Void> shipments(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::shipments, handler::apply);
    }

    @Incoming(Topics.LOYALTY_REWARDS_CHANNEL)
    public Uni<Void> rewards(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::rewards, handler::apply);
    }

    @Incoming(Topics.LOYALTY_CUSTOMERS_CHANNEL)
    public Uni<Void> customers(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::customers, handler::apply);
    }
}
