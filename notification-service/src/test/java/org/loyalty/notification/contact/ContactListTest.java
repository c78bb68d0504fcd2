package org.loyalty.notification.contact;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.notification.MailWorld.address;
import static org.loyalty.notification.SmtpServer.awaitMail;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.KafkaTestClient.ReceivedRecord;
import org.loyalty.notification.MailWorld;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The contact list follows loyalty.customers; erasure leaves no address behind; bad events are dead-lettered. */
@QuarkusTest
class ContactListTest {

    private static final MailWorld world = new MailWorld();

    @Inject
    Pool database;

    @Test
    void erasureRemovesTheContactAndThePersonalPartsOfTheLog() {
        String customer = MailWorld.customer("erase");
        world.registered(customer, "Erin", "en", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> contactExists(customer));
        world.shipmentDelayed(customer, "o-" + customer);
        awaitMail(address(customer), 1);

        world.send("loyalty.customers", customer, "customer.erased", "{\"customerId\":\"%s\"}".formatted(customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> !contactExists(customer));
        Row logged = database.preparedQuery("SELECT recipient, subject, body_text FROM notification WHERE customer_id = $1")
                .execute(Tuple.of(customer)).await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertEquals(null, logged.getValue("recipient"));
        assertEquals("(erased)", logged.getString("subject"));
        assertEquals(null, logged.getValue("body_text"));
        given().auth().oauth2(TestTokens.ops()).get("/customers/{id}/notifications", customer).then().statusCode(200);
    }

    @Test
    void badEventsAreDeadLetteredWithTheirReason() {
        String customer = MailWorld.customer("bad");
        world.send("checkout.shipments", customer, "shipment.delayed", """
                {"orderId":"o-1","customerId":"%s","promisedDeliveryBy":"2026-11-23T10:00:00Z","newEstimate":"2026-11-27T10:00:00Z",
                 "cancelUrl":"javascript:alert(1)"}""".formatted(customer));
        world.send("loyalty.customers", customer, "customer.registered", """
                {"customerId":"%s","email":"a@b.example\\r\\nBcc: x@y.example","name":"X","locale":"en","marketingConsent":true}"""
                .formatted(customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> world.kafka.recordsWithKey("notification-service.dlq", customer).size() == 2);
        List<String> reasons = world.kafka.recordsWithKey("notification-service.dlq", customer).stream()
                .map(ReceivedRecord::headers).map(h -> h.get("dead-letter-reason")).sorted().toList();
        assertTrue(reasons.get(0).startsWith("data.cancelUrl 'javascript:alert(1)' is not an http(s) URL"), reasons.get(0));
        assertEquals("data.email is not a single e-mail address", reasons.get(1));
    }

    private boolean contactExists(String customer) {
        return database.preparedQuery("SELECT 1 FROM contact WHERE customer_id = $1").execute(Tuple.of(customer))
                .await().atMost(Duration.ofSeconds(5)).size() == 1;
    }
}
