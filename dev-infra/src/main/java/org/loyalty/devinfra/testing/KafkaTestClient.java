package org.loyalty.devinfra.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a test needs of Kafka, through a plain Kafka client against the shared broker:
 * produce records as checkout would, and read back every record a topic receives.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static KafkaTestClient shared;

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, TopicRecorder> recorders = new ConcurrentHashMap<>();

    public KafkaTestClient() {
        this(SharedInfrastructure.get().bootstrapServers());
    }

    /** One client per test JVM, on the shared broker; its readers are daemon threads that end with the JVM. */
    public static synchronized KafkaTestClient shared() {
        if (shared == null) {
            shared = new KafkaTestClient();
        }
        return shared;
    }

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a structured-mode CloudEvent (the record value is the whole envelope). */
    public void sendStructured(String topic, String key, String cloudEventJson) {
        send(topic, key, cloudEventJson.getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/cloudevents+json"));
    }

    /** Sends a record as it is: any bytes, any headers. Waits for the broker's ack. */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Every record that reached {@code topic} since this client first looked at it, from the start of the topic. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return recorders.computeIfAbsent(topic, TopicRecorder::new).snapshot();
    }

    /** The records on {@code topic} with the given key, values as UTF-8 text. */
    public List<ReceivedRecord> recordsWithKey(String topic, String key) {
        List<ReceivedRecord> matching = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(topic)) {
            if (key.equals(record.key())) {
                matching.add(ReceivedRecord.of(record));
            }
        }
        return matching;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        recorders.values().forEach(TopicRecorder::close);
    }

    /** A record as a test reads it. */
    public record ReceivedRecord(String key, String value, Map<String, String> headers) {
        public static ReceivedRecord of(ConsumerRecord<String, byte[]> record) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            return new ReceivedRecord(record.key(), value, headers);
        }
    }

    /** Reads one topic from the beginning on a background thread, with a group of its own. */
    private final class TopicRecorder implements AutoCloseable {
        private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        TopicRecorder(String topic) {
            thread = new Thread(() -> poll(topic), "recorder-" + topic);
            thread.setDaemon(true);
            thread.start();
        }

        List<ConsumerRecord<String, byte[]>> snapshot() {
            return List.copyOf(received);
        }

        private void poll(String topic) {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
