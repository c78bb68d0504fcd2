package org.loyalty.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.loyalty.kit.metrics.ProcessingMetrics;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The one way a service consumes a poll of CloudEvents: each record is read and parsed;
 * bad ones go to the dead-letter topic first; the good ones are applied (one transaction,
 * by the caller); only then is the batch acknowledged, so offsets follow durable effects.
 * A batch that fails for a passing reason (the database is down) is retried with backoff;
 * applying it again is harmless because every service keeps an inbox of event ids.
 */
@ApplicationScoped
public class BatchProcessor {

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);

    /**
     * Turns a CloudEvent (and its record key) into the service's own event; null for a valid
     * event this service has no use for; throws {@link RejectedRecordException} for a bad one.
     */
    @FunctionalInterface
    public interface EventParser<E> {
        E parse(CloudEvent event, String recordKey);
    }

    private final CloudEventReader reader;
    private final DeadLetterPublisher deadLetters;
    private final CommittedEventsRelay relay;
    private final ProcessingMetrics metrics;

    public BatchProcessor(CloudEventReader reader, DeadLetterPublisher deadLetters, CommittedEventsRelay relay, ProcessingMetrics metrics) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.metrics = metrics;
    }

    public <E> Uni<Void> process(KafkaRecordBatch<String, byte[]> batch, EventParser<E> parser, Function<List<E>, Uni<Void>> apply) {
        List<E> accepted = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            try {
                E event = parser.parse(reader.read(record.getHeaders(), record.getPayload()), record.getKey());
                if (event != null) {
                    accepted.add(event);
                }
            } catch (RejectedRecordException e) {
                metrics.failed(e.eventType(), e.category());
                rejected.add(deadLetters.publish(record, e));
            }
        }
        return sequentially(rejected)
                .chain(() -> withRetry(apply.apply(accepted), "Applying " + accepted.size() + " events"))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(relay::wakeUp);
    }

    private static <T> Uni<T> withRetry(Uni<T> work, String what) {
        return work.onFailure().invoke(e -> LOG.warnf("%s failed, retrying: %s", what, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private static Uni<Void> sequentially(List<Uni<Void>> sends) {
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(sends)
                .onItem().transformToUniAndConcatenate(send -> withRetry(send, "Dead-lettering"))
                .collect().last().replaceWithVoid();
    }
}
