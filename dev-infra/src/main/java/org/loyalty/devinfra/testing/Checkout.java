package org.loyalty.devinfra.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Plays checkout in tests: contract-shaped CloudEvents on checkout.purchases, keyed by customer. */
public final class Checkout {

    public static final String TOPIC = "checkout.purchases";

    private final KafkaTestClient kafka;

    public Checkout(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    public static String newCustomer(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends purchase.completed and returns its event id. */
    public String purchase(String customerId, String orderId, String goodsTotal) {
        return purchase(UUID.randomUUID().toString(), customerId, orderId, goodsTotal, Instant.now());
    }

    public String purchase(String eventId, String customerId, String orderId, String goodsTotal, Instant placedAt) {
        kafka.sendStructured(TOPIC, customerId, purchaseJson(eventId, customerId, orderId, goodsTotal, placedAt));
        return eventId;
    }

    public String refund(String customerId, String orderId, String refundId, String goodsAmount) {
        String eventId = UUID.randomUUID().toString();
        kafka.sendStructured(TOPIC, customerId, refundJson(eventId, customerId, orderId, refundId, goodsAmount));
        return eventId;
    }

    public static String refundJson(String eventId, String customerId, String orderId, String refundId, String goodsAmount) {
        return envelope(eventId, "purchase.refunded", customerId, """
                {"orderId":"%s","refundId":"%s","customerId":"%s","refundedAt":"%s","currency":"USD",
                 "goodsAmount":"%s","reason":"damaged"}""".formatted(orderId, refundId, customerId, Instant.now(), goodsAmount));
    }

    /** The same purchase in binary content mode: ce_* headers, the value is the data alone. */
    public void purchaseBinary(String customerId, String orderId, String goodsTotal) {
        String data = purchaseData(customerId, orderId, goodsTotal, Instant.now());
        kafka.send(TOPIC, customerId, data.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", "purchase.completed",
                "ce_source", "checkout",
                "ce_subject", customerId,
                "content-type", "application/json"));
    }

    public static String purchaseJson(String eventId, String customerId, String orderId, String goodsTotal, Instant placedAt) {
        return envelope(eventId, "purchase.completed", customerId, purchaseData(customerId, orderId, goodsTotal, placedAt));
    }

    public static String envelope(String eventId, String type, String customerId, String data) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","source":"checkout","time":"%s","subject":"%s",
                 "datacontenttype":"application/json","data":%s}""".formatted(eventId, type, Instant.now(), customerId, data);
    }

    public static String purchaseData(String customerId, String orderId, String goodsTotal, Instant placedAt) {
        return """
                {"orderId":"%s","customerId":"%s","placedAt":"%s","currency":"USD","goodsTotal":"%s",
                 "shippingTotal":"4.99","taxTotal":"0.00",
                 "lines":[{"sku":"MUG-01","category":"kitchen","quantity":1,"unitPrice":"%s"}],
                 "shippingMethod":"STANDARD","promisedDeliveryBy":"%s","channel":"web"}"""
                .formatted(orderId, customerId, placedAt, goodsTotal, goodsTotal, placedAt.plusSeconds(3 * 86400));
    }
}
