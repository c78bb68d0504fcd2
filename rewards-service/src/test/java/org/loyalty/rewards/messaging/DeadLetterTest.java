package org.loyalty.rewards.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loyalty.rewards.RewardsWorld.awaitRewards;
import static org.loyalty.rewards.RewardsWorld.daysAgo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient.ReceivedRecord;
import org.loyalty.rewards.RewardsWorld;

import io.quarkus.test.junit.QuarkusTest;

/** Bad records on either input topic land in rewards-service.dlq with a reason; the stream goes on. */
@QuarkusTest
class DeadLetterTest {

    private static final RewardsWorld world = new RewardsWorld();

    @Test
    void badRecordsAreDeadLetteredAndGoodOnesStillCount() {
        String customer = RewardsWorld.customer("poison");
        world.purchase(customer, "o1-" + customer, "100.00", daysAgo(2));
        world.kafka.send("checkout.purchases", customer, "{broken".getBytes(StandardCharsets.UTF_8), Map.of());
        world.kafka.sendStructured("checkout.purchases", customer, Checkout.envelope(UUID.randomUUID().toString(), "purchase.completed",
                customer, """
                {"orderId":"o-x","customerId":"%s","placedAt":"%s","currency":"USD","goodsTotal":"-1.00"}"""
                        .formatted(customer, Instant.now())));
        world.kafka.sendStructured("loyalty.customers", customer, Checkout.envelope(UUID.randomUUID().toString(),
                "customer.reclassified", customer, "{\"customerId\":\"%s\",\"to\":\"PLATINUM\"}".formatted(customer)));
        world.purchase(customer, "o2-" + customer, "100.00", daysAgo(1));

        awaitRewards(customer, "GIFT_CERTIFICATE", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> world.kafka.recordsWithKey("rewards-service.dlq", customer).size() == 3);
        List<String> reasons = world.kafka.recordsWithKey("rewards-service.dlq", customer).stream()
                .map(ReceivedRecord::headers).map(h -> h.get("dead-letter-topic") + ": " + h.get("dead-letter-reason")).sorted().toList();
        assertEquals("checkout.purchases: data.goodsTotal must be zero or more, was -1.00", reasons.get(0));
        assertEquals(true, reasons.get(1).startsWith("checkout.purchases: value is not JSON"), reasons.get(1));
        assertEquals(true, reasons.get(2).startsWith("loyalty.customers: data.to 'PLATINUM' is not one of"), reasons.get(2));
    }
}
