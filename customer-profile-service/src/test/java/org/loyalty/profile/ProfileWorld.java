package org.loyalty.profile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What the profile tests do as a registration form, checkout, billing and support. */
public final class ProfileWorld {

    public final KafkaTestClient kafka = KafkaTestClient.shared();
    public final Checkout checkout = new Checkout(kafka);

    public static String customer(String label) {
        return Checkout.newCustomer(label);
    }

    public static Response register(String customerId, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("email", customerId + "@example.com", "name", "Anna Svensson",
                "locale", "sv", "marketingConsent", true));
        body.putAll(overrides);
        return given().auth().oauth2(TestTokens.customer(customerId)).contentType(ContentType.JSON).body(body).put("/customers/{id}", customerId);
    }

    public void purchase(String customer, String goods) {
        purchase(customer, goods, Instant.now());
    }

    public void purchase(String customer, String goods, Instant placedAt) {
        checkout.purchase(UUID.randomUUID().toString(), customer, "o-" + UUID.randomUUID(), goods, placedAt);
    }

    public void complaint(String customer) {
        send("support.complaints", customer, "complaint.filed", """
                {"complaintId":"%s","customerId":"%s","filedAt":"%s","category":"delivery","summary":"late again"}"""
                .formatted(UUID.randomUUID(), customer, Instant.now()));
    }

    public void invoicePaid(String customer, String invoiceId, Instant dueAt, Instant paidAt) {
        send("billing.invoices", customer, "invoice.paid", """
                {"invoiceId":"%s","customerId":"%s","currency":"USD","amount":"120.00","dueAt":"%s","paidAt":"%s"}"""
                .formatted(invoiceId, customer, dueAt, paidAt));
    }

    public void invoiceOverdue(String customer, String invoiceId, Instant dueAt) {
        send("billing.invoices", customer, "invoice.overdue", """
                {"invoiceId":"%s","customerId":"%s","currency":"USD","amount":"120.00","dueAt":"%s"}"""
                .formatted(invoiceId, customer, dueAt));
    }

    public void send(String topic, String customer, String type, String data) {
        kafka.sendStructured(topic, customer, Checkout.envelope(UUID.randomUUID().toString(), type, customer, data));
    }

    public static JsonPath profile(String customerId) {
        return given().auth().oauth2(TestTokens.ops()).get("/customers/{id}", customerId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the customer sits in {@code segment}, and returns the profile. */
    public static JsonPath awaitSegment(String customerId, String segment) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().auth().oauth2(TestTokens.ops()).get("/customers/{id}", customerId);
            return response.statusCode() == 200 && segment.equals(response.jsonPath().getString("segment"));
        });
        return profile(customerId);
    }

    /** The customer.* events for the customer on loyalty.customers, once at least {@code count} arrived. */
    public List<JsonPath> customerEvents(String customer, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.recordsWithKey("loyalty.customers", customer).size() >= count);
        return kafka.recordsWithKey("loyalty.customers", customer).stream().map(r -> JsonPath.from(r.value())).toList();
    }

    public static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
