package org.loyalty.devinfra.load;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Sends a {@link PurchaseStream} to checkout.purchases the way a checkout system would: acks=all, idempotent, keyed by customer. */
public final class StreamProducer implements AutoCloseable {

    public static final String TOPIC = "checkout.purchases";
    private static final byte[] CLOUD_EVENT_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    private final KafkaProducer<String, String> producer;

    /** @param lingerMs how long the producer may wait to fill a batch: high for throughput, low for latency */
    public StreamProducer(String bootstrapServers, int lingerMs) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.BATCH_SIZE_CONFIG, 131072,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public Future<RecordMetadata> send(PurchaseStream.Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, event.customerId(), event.json());
        record.headers().add("content-type", CLOUD_EVENT_JSON);
        return producer.send(record);
    }

    /** The partition a customer's events go to: Kafka's default for a keyed record (murmur2 of the key's bytes). */
    public static int partition(String customerId, int partitions) {
        return Utils.toPositive(Utils.murmur2(customerId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Sends events [0, count) as fast as the producer goes and waits until the broker has them all. */
    public void sendAll(PurchaseStream stream, int count) {
        for (int i = 0; i < count; i++) {
            send(stream.event(i));
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
