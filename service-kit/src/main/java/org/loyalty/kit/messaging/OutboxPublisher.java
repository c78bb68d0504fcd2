package org.loyalty.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;

/**
 * Sends a batch of outbox events on the outbox channel's producer and completes once the broker
 * acknowledged every one of them. The records go to the Kafka client directly, all in one hop to
 * the channel's sending thread (where a send may block on metadata without holding up an event
 * loop), instead of one reactive message per record: the emitter, the connector's sink and each
 * message's acknowledgement chain took some 15 % of points-service's CPU at full load
 * (async-profiler; README, Benchmark). Records keep the batch's order: one thread sends them, and
 * the producer is idempotent.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** The outgoing channel whose producer sends the outbox; the topic comes from each event. */
    public static final String CHANNEL = "outbox";

    private static final Header CLOUD_EVENT_JSON = new RecordHeader("content-type",
            "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));

    private final KafkaClientService clients;

    /**
     * @param channel sends nothing: a channel with no upstream makes SmallRye log a wiring warning at
     *        every start, and refuse to start in strict mode. With it, the connector creates the
     *        channel's producer (configured by {@code mp.messaging.outgoing.outbox.*}, health-checked)
     *        as usual.
     */
    public OutboxPublisher(KafkaClientService clients, @Channel(CHANNEL) MutinyEmitter<byte[]> channel) {
        this.clients = clients;
    }

    public Uni<Void> publish(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        KafkaProducer<String, byte[]> producer = clients.getProducer(CHANNEL);
        if (producer == null) {
            return Uni.createFrom().failure(new IllegalStateException("The outbox channel's Kafka producer is not connected yet"));
        }
        Function<Producer<String, byte[]>, CompletableFuture<Void>> sendAll = kafka -> sendAll(kafka, events);
        return producer.runOnSendingThread(sendAll)
                .chain(acknowledged -> Uni.createFrom().completionStage(acknowledged));
    }

    private static CompletableFuture<Void> sendAll(Producer<String, byte[]> kafka, List<OutboxEvent> events) {
        Acknowledgements acknowledgements = new Acknowledgements(events.size());
        for (OutboxEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), null, event.key(), event.payload(),
                    List.of(CLOUD_EVENT_JSON));
            kafka.send(record, acknowledgements);
        }
        return acknowledgements.all;
    }

    /** Completes when every record is acknowledged, or fails with the first error. */
    private static final class Acknowledgements implements Callback {

        final CompletableFuture<Void> all = new CompletableFuture<>();
        private final AtomicInteger outstanding;

        Acknowledgements(int records) {
            outstanding = new AtomicInteger(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                all.completeExceptionally(failure);
            } else if (outstanding.decrementAndGet() == 0) {
                all.complete(null);
            }
        }
    }
}
