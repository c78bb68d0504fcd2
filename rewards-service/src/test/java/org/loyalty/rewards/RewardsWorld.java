package org.loyalty.rewards;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What the rewards tests do as checkout, as customer-profile-service and as a reader of the REST API. */
public final class RewardsWorld {

    public final KafkaTestClient kafka = KafkaTestClient.shared();
    public final Checkout checkout = new Checkout(kafka);

    public static String customer(String label) {
        return Checkout.newCustomer(label);
    }

    public void purchase(String customer, String orderId, String goods, Instant placedAt) {
        checkout.purchase(UUID.randomUUID().toString(), customer, orderId, goods, placedAt);
    }

    public static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    /** customer.reclassified as customer-profile-service publishes it on loyalty.customers. */
    public void reclassify(String customer, String from, String to) {
        kafka.sendStructured("loyalty.customers", customer, Checkout.envelope(UUID.randomUUID().toString(), "customer.reclassified", customer, """
                {"customerId":"%s","from":"%s","to":"%s","reasons":["test"],"repeatBuyer":true,
                 "rfm":{"recency":5,"frequency":3,"monetary":3}}""".formatted(customer, from, to)));
    }

    public static List<Map<String, Object>> rewards(String customer) {
        return given().auth().oauth2(TestTokens.checkout()).get("/customers/{id}/rewards", customer).then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static List<Map<String, Object>> rewardsOfKind(String customer, String kind) {
        return rewards(customer).stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    /** Waits until the customer has {@code count} rewards of that kind, and returns them. */
    public static List<Map<String, Object>> awaitRewards(String customer, String kind, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> rewardsOfKind(customer, kind).size() >= count);
        return rewardsOfKind(customer, kind);
    }

    public static JsonPath benefits(String customer) {
        return given().auth().oauth2(TestTokens.checkout()).get("/customers/{id}/benefits", customer).then().statusCode(200).extract().jsonPath();
    }

    public static Response redeem(String code, String orderId, String customer) {
        return given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("orderId", orderId, "customerId", customer))
                .post("/rewards/{code}/redemptions", code);
    }

    /** The events on loyalty.rewards for the customer, once at least {@code count} arrived. */
    public List<JsonPath> rewardEvents(String customer, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.recordsWithKey("loyalty.rewards", customer).size() >= count);
        return kafka.recordsWithKey("loyalty.rewards", customer).stream().map(r -> JsonPath.from(r.value())).toList();
    }
}
