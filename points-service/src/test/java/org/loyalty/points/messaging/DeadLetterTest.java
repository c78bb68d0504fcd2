package org.loyalty.points.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.points.PointsApi.awaitBalance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.KafkaTestClient.ReceivedRecord;
import org.loyalty.devinfra.testing.Checkout;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Every kind of bad record lands in points-service.dlq with its reason, and the good ones around it still count. */
@QuarkusTest
class DeadLetterTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Checkout checkout = new Checkout(kafka);

    @Test
    void badRecordsAreDeadLetteredWithTheirReasonAndTheStreamGoesOn() {
        String customer = Checkout.newCustomer("poison");
        checkout.purchase(customer, "o1-" + customer, "20.00");
        send(customer, "this is not json {");
        send(customer, Checkout.envelope(id(), "purchase.teleported", customer, "{\"orderId\":\"x\"}"));
        send(customer, Checkout.envelope(id(), "purchase.completed", customer, """
                {"customerId":"%s","placedAt":"%s","currency":"USD","goodsTotal":"10.00"}""".formatted(customer, Instant.now())));
        send(customer, Checkout.envelope(id(), "purchase.completed", customer, """
                {"orderId":"o-neg","customerId":"%s","placedAt":"%s","currency":"USD","goodsTotal":"-5.00"}""".formatted(customer, Instant.now())));
        send(customer, Checkout.envelope(id(), "purchase.completed", customer, """
                {"orderId":"o-xxx","customerId":"%s","placedAt":"%s","currency":"XXX","goodsTotal":"50.00"}""".formatted(customer, Instant.now())));
        send(customer, "{\"hello\":\"no specversion\"}");
        checkout.purchase(customer, "o2-" + customer, "30.00");

        awaitBalance(customer, 5);

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.recordsWithKey("points-service.dlq", customer).size() == 6);
        List<ReceivedRecord> dead = kafka.recordsWithKey("points-service.dlq", customer);
        List<String> reasons = dead.stream().map(r -> r.headers().get("dead-letter-reason")).toList();
        assertTrue(reasons.get(0).startsWith("value is not JSON"), reasons.get(0));
        assertEquals("unsupported event type 'purchase.teleported' on checkout.purchases", reasons.get(1));
        assertEquals("data.orderId is missing", reasons.get(2));
        assertEquals("data.goodsTotal must be zero or more, was -5.00", reasons.get(3));
        assertTrue(reasons.get(4).startsWith("data.currency 'XXX' is not supported"), reasons.get(4));
        assertTrue(reasons.get(5).startsWith("not a CloudEvent"), reasons.get(5));
        for (ReceivedRecord record : dead) {
            assertEquals("checkout.purchases", record.headers().get("dead-letter-topic"));
            assertTrue(record.headers().containsKey("dead-letter-offset"));
            assertEquals("application/cloudevents+json", record.headers().get("content-type"), "original headers are kept");
        }
        assertEquals("this is not json {", dead.get(0).value(), "the original bytes are kept");

        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("loyalty_events_failed_total{reason=\"invalid\",type=\"purchase.completed\"}"))
                .body(containsString("loyalty_events_processed_total{type=\"purchase.completed\"}"));
    }

    private static void send(String customer, String value) {
        kafka.send(Checkout.TOPIC, customer, value.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/cloudevents+json"));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
