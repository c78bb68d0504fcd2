package org.loyalty.devinfra.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A load generator for points-service: produces N checkout events (purchases with one refund
 * in ten) for M customers as fast as the producer goes, then waits until the service has
 * committed all of them (its inbox table counts them) and reports the sustained rate.
 * <pre>
 * java -cp ... org.loyalty.devinfra.load.PurchaseLoad --bootstrap 127.0.0.1:9092 \
 *      --jdbc jdbc:postgresql://127.0.0.1:5432/loyalty_points --events 100000 --customers 10000
 * </pre>
 */
public final class PurchaseLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        String jdbc = options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/loyalty_points");
        int events = Integer.parseInt(options.getOrDefault("events", "100000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "10000"));

        try (Connection db = DriverManager.getConnection(jdbc, options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""))) {
            long before = processed(db);
            Instant start = Instant.now();
            produce(bootstrap, events, customers);
            Duration produced = Duration.between(start, Instant.now());
            System.out.printf("produced %,d events in %.1f s (%,.0f events/s)%n", events, seconds(produced), events / seconds(produced));
            long applied;
            while ((applied = processed(db) - before) < events) {
                TimeUnit.MILLISECONDS.sleep(1000); // count(*) is not free: poll gently
            }
            Duration total = Duration.between(start, Instant.now());
            System.out.printf("committed %,d events in %.1f s: %,.0f events/s sustained, produce to last commit%n",
                    applied, seconds(total), applied / seconds(total));
        }
    }

    private static void produce(String bootstrap, int events, int customers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.BATCH_SIZE_CONFIG, 131072,
                ProducerConfig.LINGER_MS_CONFIG, 20);
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String customer = "load-" + (i % customers);
                boolean refund = i % 10 == 9;
                // A refund takes back part of the order this customer placed one round earlier.
                String order = "o-" + run + "-" + (refund ? i - customers : i);
                String value = refund && i >= customers
                        ? refund(customer, order, "r-" + run + "-" + i)
                        : purchase(customer, order, (i % 400) + 10 + ".90");
                ProducerRecord<String, String> record = new ProducerRecord<>("checkout.purchases", customer, value);
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static String purchase(String customer, String order, String goods) {
        return envelope("purchase.completed", customer, """
                {"orderId":"%s","customerId":"%s","placedAt":"%s","currency":"USD","goodsTotal":"%s","shippingTotal":"4.99",
                 "taxTotal":"0.00","lines":[{"sku":"MUG-01","category":"kitchen","quantity":1,"unitPrice":"%s"}],
                 "shippingMethod":"STANDARD","promisedDeliveryBy":"%s","channel":"web"}"""
                .formatted(order, customer, Instant.now(), goods, goods, Instant.now().plusSeconds(259200)));
    }

    private static String refund(String customer, String order, String refundId) {
        return envelope("purchase.refunded", customer, """
                {"orderId":"%s","refundId":"%s","customerId":"%s","refundedAt":"%s","currency":"USD","goodsAmount":"5.00","reason":"damaged"}"""
                .formatted(order, refundId, customer, Instant.now()));
    }

    private static String envelope(String type, String customer, String data) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","source":"load","time":"%s","subject":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, Instant.now(), customer, data);
    }

    private static long processed(Connection db) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM processed_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
