package org.loyalty.points.redemption;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loyalty.points.PointsApi.account;
import static org.loyalty.points.PointsApi.awaitBalance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RedemptionTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Checkout checkout = new Checkout(kafka);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void catalogItemsAreCreatedUpdatedAndListed() {
        String id = "mug-" + UUID.randomUUID().toString().substring(0, 6);
        putItem(id, 30, true).then().statusCode(201).body("points", equalTo(30));
        putItem(id, 35, true).then().statusCode(200).body("points", equalTo(35));
        given().auth().oauth2(TestTokens.ops()).get("/catalog").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Map.of("name", "", "points", -1)).put("/catalog/{id}", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("points")).body("invalidParams.name", hasItem("name"));
    }

    @Test
    void aRedemptionSpendsPointsOnceAndPublishesIt() {
        String item = newItem(40);
        String customer = Checkout.newCustomer("redeem");
        checkout.purchase(customer, "o-" + customer, "500.00");
        awaitBalance(customer, 50);

        String requestId = UUID.randomUUID().toString();
        String redemptionId = redeem(customer, item, requestId).then().statusCode(201)
                .body("points", equalTo(40)).body("balance", equalTo(10))
                .extract().path("redemptionId");

        // A retry of the same request: the first answer, nothing more spent.
        redeem(customer, item, requestId).then().statusCode(201)
                .body("redemptionId", equalTo(redemptionId)).body("balance", equalTo(10));
        JsonPath account = account(customer);
        assertEquals(10, account.getLong("balance"));
        assertEquals(40, account.getLong("lifetimeRedeemed"));

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.recordsWithKey("loyalty.points", customer).size() == 2);
        JsonPath redeemed = JsonPath.from(kafka.recordsWithKey("loyalty.points", customer).get(1).value());
        assertEquals("points.redeemed", redeemed.getString("type"));
        assertEquals(-40, redeemed.getLong("data.points"));
        assertEquals(10, redeemed.getLong("data.balance"));
        assertEquals(redemptionId, redeemed.getString("data.redemptionId"));
    }

    @Test
    void aBalanceTooLowIs409AndSpendsNothing() {
        String item = newItem(40);
        String customer = Checkout.newCustomer("low");
        checkout.purchase(customer, "o-" + customer, "399.99");
        awaitBalance(customer, 39);

        redeem(customer, item, UUID.randomUUID().toString()).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("39 redeemable points"));
        assertEquals(39, account(customer).getLong("balance"));
        redeem("never-bought-" + UUID.randomUUID(), item, "r1").then().statusCode(409);
    }

    @Test
    void unknownItemsReusedRequestIdsAndBadBodiesGetProblems() {
        String item = newItem(5);
        String other = newItem(5);
        String customer = Checkout.newCustomer("problems");
        checkout.purchase(customer, "o-" + customer, "100.00");
        awaitBalance(customer, 10);

        redeem(customer, "no-such-item", "r1").then().statusCode(404).contentType("application/problem+json");
        redeem(customer, item, "r2").then().statusCode(201);
        redeem(customer, other, "r2").then().statusCode(422).body("invalidParams[0].name", equalTo("requestId"));
        given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("catalogItemId", item))
                .post("/customers/{id}/redemptions", customer)
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("requestId"));
        given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body("{not json").post("/customers/{id}/redemptions", customer)
                .then().statusCode(400).contentType("application/problem+json");
        putItem(other, 5, false).then().statusCode(200);
        redeem(customer, other, "r3").then().statusCode(422).body("invalidParams[0].name", equalTo("catalogItemId"));
        assertEquals(5, account(customer).getLong("balance"));
    }

    @Test
    void twentyParallelRedemptionsAgainstABalanceWorthThreeSpendExactlyThree() throws Exception {
        String item = newItem(10);
        String customer = Checkout.newCustomer("race");
        checkout.purchase(customer, "o-" + customer, "395.00");
        awaitBalance(customer, 39);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String requestId = "parallel-" + i;
            calls.add(() -> redeem(customer, item, requestId).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(calls)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(17, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        JsonPath account = account(customer);
        assertEquals(9, account.getLong("balance"));
        assertEquals(30, account.getLong("lifetimeRedeemed"));
    }

    private static io.restassured.response.Response putItem(String id, long points, boolean active) {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("name", "Item " + id, "description", "A thing", "points", points, "active", active))
                .put("/catalog/{id}", id);
    }

    private static String newItem(long points) {
        String id = "item-" + UUID.randomUUID().toString().substring(0, 8);
        putItem(id, points, true).then().statusCode(201);
        return id;
    }

    private static io.restassured.response.Response redeem(String customer, String item, String requestId) {
        return given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("catalogItemId", item, "requestId", requestId))
                .post("/customers/{id}/redemptions", customer);
    }
}
