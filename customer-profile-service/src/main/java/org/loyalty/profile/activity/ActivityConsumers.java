package org.loyalty.profile.activity;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.loyalty.kit.messaging.BatchProcessor;
import org.loyalty.profile.messaging.Topics;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** The four topics that tell what customers do, each consumed a poll at a time. */
@ApplicationScoped
public class ActivityConsumers {

    private final BatchProcessor batches;
    private final ActivityParser parser;
    private final ActivityRecorder recorder;

    public ActivityConsumers(BatchProcessor batches, ActivityParser parser, ActivityRecorder recorder) {
        this.batches = batches;
        this.parser = parser;
        this.recorder = recorder;
    }

    @Incoming(Topics.CHECKOUT_PURCHASES_CHANNEL)
    public Uni<Void> purchases(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::checkout, recorder::apply);
    }

    @Incoming(Topics.BILLING_INVOICES_CHANNEL)
    public Uni<Void> invoices(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::billing, recorder::apply);
    }

    @Incoming(Topics.SUPPORT_COMPLAINTS_CHANNEL)
    public Uni<Void> complaints(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::support, recorder::apply);
    }

    @Incoming(Topics.LOYALTY_NOTIFICATIONS_CHANNEL)
    public Uni<Void> notifications(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::notifications, recorder::apply);
    }
}
