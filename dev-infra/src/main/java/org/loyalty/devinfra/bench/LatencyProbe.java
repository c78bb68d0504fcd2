package org.loyalty.devinfra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.loyalty.devinfra.load.PurchaseStream;
import org.loyalty.devinfra.load.StreamProducer;

/**
 * Latency from a purchase's send to its committed balance: purchases go out at a fixed rate,
 * and the {@code points.earned} event for the order on loyalty.points, which points-service's
 * ledger relay publishes only after the ledger transaction committed, is stamped by the broker's
 * producer clock on this same machine. Latency = that stamp minus the send time.
 */
final class LatencyProbe {

    /** Latencies in milliseconds, sorted, and for the chart each one at its send second. */
    record Result(int sent, long[] sortedMillis, List<double[]> bySendSecond, int rate) {
        long percentile(double p) {
            if (sortedMillis.length == 0) {
                return -1;
            }
            return sortedMillis[Math.min(sortedMillis.length - 1, (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1)];
        }

        int missing() {
            return sent - sortedMillis.length;
        }
    }

    /**
     * How long the purchases' producer may wait to fill a batch: the Kafka client's default since 4.0,
     * as a checkout system that sets nothing sends, and part of the measured latency (the send time is
     * taken before the send). With 1 ms nearly every purchase was its own produce request: at 1,000
     * events/s the broker took 37-39 % of a core and the load generator 21-23 %, 26 % and 17 % with
     * 5 ms (all four services, alternating quick looks; p99 243 and 176 ms with 1 ms, 179 and 154 with 5).
     */
    private static final int CHECKOUT_LINGER_MS = 5;

    private static final Pattern EARNED_ORDER = Pattern.compile("\"type\":\"points\\.earned\".*\"orderId\":\"([^\"]+)\"");

    private LatencyProbe() {
    }

    static Result run(String bootstrapServers, PurchaseStream stream, int rate, Duration duration) throws Exception {
        try (KafkaConsumer<String, String> consumer = consumerAtEnd(bootstrapServers)) {
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long start = System.currentTimeMillis();
            int total = (int) (rate * duration.toSeconds());
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produceAtRate(bootstrapServers, stream, rate, total, sentAt));
            Map<String, Long> latency = new HashMap<>();
            List<double[]> bySecond = new ArrayList<>();
            long deadline = Long.MAX_VALUE;
            while (System.currentTimeMillis() < deadline && !(producing.isDone() && latency.size() == sentAt.size())) {
                if (producing.isDone() && deadline == Long.MAX_VALUE) {
                    deadline = System.currentTimeMillis() + 60_000; // let the tail drain, but not forever
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Matcher earned = EARNED_ORDER.matcher(record.value());
                    Long sent = earned.find() ? sentAt.get(earned.group(1)) : null;
                    if (sent != null && latency.putIfAbsent(earned.group(1), record.timestamp() - sent) == null) {
                        bySecond.add(new double[] {(sent - start) / 1000.0, record.timestamp() - sent});
                    }
                }
            }
            producing.get();
            long[] sorted = latency.values().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return new Result(sentAt.size(), sorted, bySecond, rate);
        }
    }

    /** Purchases only (a refund earns nothing to wait for), one every 1/rate seconds, on schedule. */
    private static void produceAtRate(String bootstrapServers, PurchaseStream stream, int rate, int total, Map<String, Long> sentAt) {
        try (StreamProducer producer = new StreamProducer(bootstrapServers, CHECKOUT_LINGER_MS)) {
            long start = System.nanoTime();
            int sent = 0;
            for (int i = 0; sent < total; i++) {
                PurchaseStream.Event event = stream.event(i);
                if (event.refund()) {
                    continue;
                }
                LockSupport.parkNanos(start + sent * 1_000_000_000L / rate - System.nanoTime());
                sentAt.put(event.orderId(), System.currentTimeMillis());
                producer.send(event);
                sent++;
            }
        }
    }

    private static KafkaConsumer<String, String> consumerAtEnd(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor("loyalty.points").stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the first purchase is sent
        return consumer;
    }
}
