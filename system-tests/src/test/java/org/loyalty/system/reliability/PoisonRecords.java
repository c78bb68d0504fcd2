package org.loyalty.system.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.loyalty.devinfra.testing.Checkout;

/**
 * Bad records of every kind a producer can get wrong, on every topic the services read from
 * outside, each marked with a {@value #MARK} header (dead letters keep the original headers)
 * and keyed by a customer of the good stream so that it shares that customer's partition.
 */
final class PoisonRecords {

    static final String MARK = "test-poison-id";

    /** One bad record, and the services that must dead-letter it. */
    record Poison(String kind, String id, ProducerRecord<String, byte[]> record, List<String> readers) {
    }

    private static final List<String> CHECKOUT_READERS = List.of("points-service", "rewards-service", "customer-profile-service", "notification-service");

    final List<Poison> all = new ArrayList<>();

    PoisonRecords(List<String> customers) {
        String a = customers.get(0);
        String b = customers.get(1 % customers.size());
        String order = "poison-" + UUID.randomUUID();
        checkout("not JSON", a, text("this is not { json"));
        checkout("not UTF-8", a, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        checkout("empty value", a, new byte[0]);
        checkout("null value (tombstone)", b, null);
        checkout("JSON, not a CloudEvent", a, text("{\"hello\":\"world\"}"));
        checkout("JSON array", b, text("[1,2,3]"));
        checkout("wrong specversion", a, text(purchase(a, a, order, "20.00", "USD").replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")));
        checkout("no id", b, text(purchase(b, b, order, "20.00", "USD").replaceFirst("\"id\":\"[^\"]*\",", "")));
        checkout("unknown type", a, text(purchase(a, a, order, "20.00", "USD").replace("purchase.completed", "purchase.teleported")));
        checkout("no orderId", b, text(purchase(b, b, order, "20.00", "USD").replace("\"orderId\":\"" + order + "\",", "")));
        checkout("negative amount", a, text(purchase(a, a, order, "-20.00", "USD")));
        checkout("amount not a number", b, text(purchase(b, b, order, "twenty", "USD")));
        checkout("unsupported currency", a, text(purchase(a, a, order, "20.00", "XXX")));
        checkout("key is another customer", a, text(purchase(b, b, order, "20.00", "USD")));
        checkout("data is not an object", b, text(Checkout.envelope(UUID.randomUUID().toString(), "purchase.completed", b, "\"oops\"")));
        // notification-service has no use for refunds and so does not judge them
        add("refund without amount", Checkout.TOPIC, a, text(Checkout.refundJson(UUID.randomUUID().toString(), a, order, "r-" + order, "20.00")
                .replace("\"goodsAmount\":\"20.00\",", "")), CHECKOUT_READERS.subList(0, 3));
        add("not JSON on checkout.shipments", "checkout.shipments", a, text("shipment? {"), List.of("notification-service"));
        add("not JSON on billing.invoices", "billing.invoices", a, text("invoice? {"), List.of("customer-profile-service"));
        add("not JSON on support.complaints", "support.complaints", a, text("complaint? {"), List.of("customer-profile-service"));
    }

    List<ProducerRecord<String, byte[]>> records() {
        return all.stream().map(Poison::record).toList();
    }

    private void checkout(String kind, String key, byte[] value) {
        add(kind, Checkout.TOPIC, key, value, CHECKOUT_READERS);
    }

    private void add(String kind, String topic, String key, byte[] value, List<String> readers) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        record.headers().add(MARK, id.getBytes(StandardCharsets.UTF_8));
        all.add(new Poison(kind, id, record, readers));
    }

    private static String purchase(String key, String customer, String order, String goods, String currency) {
        return Checkout.purchaseJson(UUID.randomUUID().toString(), customer, order, goods, Instant.now())
                .replace("\"currency\":\"USD\"", "\"currency\":\"" + currency + "\"").replace("\"subject\":\"" + customer, "\"subject\":\"" + key);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
