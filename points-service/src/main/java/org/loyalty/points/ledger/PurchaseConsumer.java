package org.loyalty.points.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.loyalty.kit.messaging.CloudEventReader;
import org.loyalty.kit.messaging.DeadLetterPublisher;
import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.kit.messaging.RejectedRecordException;
import org.loyalty.points.messaging.Topics;
import org.loyalty.kit.metrics.ProcessingMetrics;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes checkout.purchases a poll at a time: bad records go to the dead-letter topic
 * first, then the good ones are applied in one transaction, and only then is the batch
 * acknowledged (offsets follow durable effects). A batch that fails for a passing reason
 * (the database is down) is retried with backoff; re-applying it is harmless because the
 * inbox remembers every event id.
 */
@ApplicationScoped
public class PurchaseConsumer {

    private static final Logger LOG = Logger.getLogger(PurchaseConsumer.class);

    private final CloudEventReader reader;
    private final CheckoutEventParser parser;
    private final DeadLetterPublisher deadLetters;
    private final LedgerService ledger;
    private final OutboxRelay relay;
    private final ProcessingMetrics metrics;

    public PurchaseConsumer(CloudEventReader reader, CheckoutEventParser parser, DeadLetterPublisher deadLetters,
            LedgerService ledger, OutboxRelay relay, ProcessingMetrics metrics) {
        this.reader = reader;
        this.parser = parser;
        this.deadLetters = deadLetters;
        this.ledger = ledger;
        this.relay = relay;
        this.metrics = metrics;
    }

    @Incoming(Topics.CHECKOUT_PURCHASES_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<CheckoutEvent> accepted = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            try {
                accepted.add(parser.parse(reader.read(record.getHeaders(), record.getPayload()), record.getKey()));
            } catch (RejectedRecordException e) {
                metrics.failed(e.eventType(), e.category());
                rejected.add(deadLetters.publish(record, e));
            }
        }
        return sequentially(rejected)
                .chain(() -> applyWithRetry(accepted))
                .invoke(outcome -> recordOutcome(accepted, outcome))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(relay::wakeUp);
    }

    private Uni<LedgerService.Outcome> applyWithRetry(List<CheckoutEvent> accepted) {
        return ledger.apply(accepted)
                .onFailure().invoke(e -> LOG.warnf("Applying %d checkout events failed, retrying: %s", accepted.size(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private void recordOutcome(List<CheckoutEvent> accepted, LedgerService.Outcome outcome) {
        for (CheckoutEvent event : accepted) {
            if (outcome.applied().contains(event.eventId())) {
                metrics.processed(event.type());
            } else {
                metrics.duplicate(event.type());
            }
        }
    }

    private static Uni<Void> sequentially(List<Uni<Void>> sends) {
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(sends).onItem().transformToUniAndConcatenate(send -> send
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely())
                .collect().last().replaceWithVoid();
    }
}
