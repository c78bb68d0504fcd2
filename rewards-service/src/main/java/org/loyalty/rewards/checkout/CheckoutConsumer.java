package org.loyalty.rewards.checkout;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.loyalty.kit.messaging.BatchProcessor;
import org.loyalty.rewards.messaging.Topics;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Consumes checkout.purchases a poll at a time. */
@ApplicationScoped
public class CheckoutConsumer {

    private final BatchProcessor batches;
    private final CheckoutEventParser parser;
    private final CheckoutRewards rewards;

    public CheckoutConsumer(BatchProcessor batches, CheckoutEventParser parser, CheckoutRewards rewards) {
        this.batches = batches;
        this.parser = parser;
        this.rewards = rewards;
    }

    @Incoming(Topics.CHECKOUT_PURCHASES_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, parser::parse, rewards::apply);
    }
}
