package org.loyalty.points.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loyalty.points.PointsApi.awaitBalance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Purchases and refunds on checkout.purchases, balances over HTTP, events on loyalty.points. */
@QuarkusTest
class LedgerFlowTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Checkout checkout = new Checkout(kafka);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void purchaseEarnsOnePointPerFullTenOfGoodsAndPublishesIt() {
        String customer = Checkout.newCustomer("earn");
        checkout.purchase(customer, "o-" + customer, "129.90");

        JsonPath account = awaitBalance(customer, 12);
        assertEquals(12, account.getLong("available"));
        assertEquals(0, account.getLong("pending"));
        assertEquals(12, account.getLong("lifetimeEarned"));

        List<JsonPath> events = pointsEvents(customer, 1);
        assertEquals("points.earned", events.get(0).getString("type"));
        assertEquals(customer, events.get(0).getString("subject"));
        assertEquals(12, events.get(0).getLong("data.points"));
        assertEquals(12, events.get(0).getLong("data.balance"));
        assertEquals("o-" + customer, events.get(0).getString("data.orderId"));
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        String customer = Checkout.newCustomer("dup-id");
        String eventId = UUID.randomUUID().toString();
        Instant placedAt = Instant.now();
        checkout.purchase(eventId, customer, "o1-" + customer, "50.00", placedAt);
        checkout.purchase(eventId, customer, "o1-" + customer, "50.00", placedAt);
        checkout.purchase(customer, "o2-" + customer, "20.00"); // after the duplicate on the same partition

        awaitBalance(customer, 7);
        assertEquals(2, pointsEvents(customer, 2).size());
    }

    @Test
    void theSameOrderUnderAnotherEventIdEarnsNothingMore() {
        String customer = Checkout.newCustomer("dup-order");
        checkout.purchase(customer, "o1-" + customer, "100.00");
        checkout.purchase(customer, "o1-" + customer, "100.00");
        checkout.purchase(customer, "o2-" + customer, "10.00");

        awaitBalance(customer, 11);
        assertEquals(List.of(10L, 1L), pointsEvents(customer, 2).stream().map(e -> e.getLong("data.points")).toList());
    }

    @Test
    void refundsReverseInProportionOnTheNetAmountAndNeverMoreThanEarned() {
        String customer = Checkout.newCustomer("refund");
        String order = "o-" + customer;
        checkout.purchase(customer, order, "100.00");
        awaitBalance(customer, 10);

        checkout.refund(customer, order, "r1-" + customer, "75.00");
        awaitBalance(customer, 2); // 100 - 75 = 25 keeps 2 points

        checkout.refund(customer, order, "r1-" + customer, "75.00"); // the same refund again: nothing
        checkout.refund(customer, order, "r2-" + customer, "25.00");
        checkout.refund(customer, order, "r3-" + customer, "40.00"); // beyond the order: nothing more to take
        checkout.purchase(customer, "o2-" + customer, "30.00");
        awaitBalance(customer, 3);

        List<JsonPath> events = pointsEvents(customer, 4);
        assertEquals(List.of("points.earned", "points.reversed", "points.reversed", "points.earned"),
                events.stream().map(e -> e.getString("type")).toList());
        assertEquals(List.of(10L, -8L, -2L, 3L), events.stream().map(e -> e.getLong("data.points")).toList());
        assertEquals(List.of(10L, 2L, 0L, 3L), events.stream().map(e -> e.getLong("data.balance")).toList());
        assertEquals("r1-" + customer, events.get(1).getString("data.refundId"));
    }

    @Test
    void aRefundThatOvertakesItsPurchaseEndsInTheRightBalance() {
        String customer = Checkout.newCustomer("early-refund");
        String order = "o-" + customer;
        checkout.refund(customer, order, "r-" + customer, "30.00");
        checkout.purchase(customer, order, "100.00");

        awaitBalance(customer, 7);
        List<JsonPath> events = pointsEvents(customer, 1);
        assertEquals(7, events.get(0).getLong("data.points"));
    }

    /**
     * Polls here are split from two events on (application.properties, test profile), so a burst
     * of customers is applied in several transactions at once; each customer's entries must still
     * come out in order, with the balances they left.
     */
    @Test
    void aBurstOfCustomersAppliedInParallelTransactionsKeepsEachCustomersOrder() {
        List<String> customers = java.util.stream.IntStream.range(0, 40).mapToObj(i -> Checkout.newCustomer("burst" + i)).toList();
        for (String customer : customers) {
            checkout.purchase(customer, "o1-" + customer, "100.00");
            checkout.refund(customer, "o1-" + customer, "r1-" + customer, "35.00");
            checkout.purchase(customer, "o2-" + customer, "20.00");
        }

        for (String customer : customers) {
            awaitBalance(customer, 8);
            List<JsonPath> events = pointsEvents(customer, 3);
            assertEquals(List.of(10L, -4L, 2L), events.stream().map(e -> e.getLong("data.points")).toList(), customer);
            assertEquals(List.of(10L, 6L, 8L), events.stream().map(e -> e.getLong("data.balance")).toList(), customer);
        }
    }

    @Test
    void binaryModeCloudEventsAreAccepted() {
        String customer = Checkout.newCustomer("binary");
        checkout.purchaseBinary(customer, "o-" + customer, "45.00");
        awaitBalance(customer, 4);
    }

    @Test
    void historyIsPagedNewestFirst() {
        String customer = Checkout.newCustomer("history");
        checkout.purchase(customer, "o1-" + customer, "10.00");
        checkout.purchase(customer, "o2-" + customer, "20.00");
        checkout.purchase(customer, "o3-" + customer, "30.00");
        awaitBalance(customer, 6);

        String next = given().auth().oauth2(TestTokens.ops()).queryParam("limit", 2).get("/customers/{id}/points/transactions", customer)
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].orderId", equalTo("o3-" + customer))
                .body("items[0].type", equalTo("EARN"))
                .body("items[0].balance", equalTo(6))
                .body("items[1].orderId", equalTo("o2-" + customer))
                .extract().path("next");
        given().auth().oauth2(TestTokens.ops()).queryParam("limit", 2).queryParam("before", next).get("/customers/{id}/points/transactions", customer)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].orderId", equalTo("o1-" + customer))
                .body("items[0].balance", equalTo(1))
                .body("next", nullValue());
    }

    @Test
    void anUnknownCustomerIs404WithAProblemBody() {
        given().auth().oauth2(TestTokens.ops()).get("/customers/{id}/points", "nobody-" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.ops()).queryParam("limit", 0).get("/customers/{id}/points/transactions", "anyone")
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("limit"));
    }

    /** Waits for at least {@code count} events for the customer on loyalty.points, in order. */
    static List<JsonPath> pointsEvents(String customerId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.recordsWithKey("loyalty.points", customerId).size() >= count);
        return kafka.recordsWithKey("loyalty.points", customerId).stream().map(r -> JsonPath.from(r.value())).toList();
    }
}
