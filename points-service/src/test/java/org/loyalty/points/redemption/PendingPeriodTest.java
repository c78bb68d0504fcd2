package org.loyalty.points.redemption;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loyalty.points.PointsApi.account;
import static org.loyalty.points.PointsApi.awaitBalance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.points.TestClock;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** With a 14-day pending period, earned points show as pending and cannot be redeemed until it ends. */
@QuarkusTest
@TestProfile(PendingPeriodTest.FourteenDaysPending.class)
class PendingPeriodTest {

    public static class FourteenDaysPending implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("points.pending-days", "14");
        }
    }

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Checkout checkout = new Checkout(kafka);

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void pointsArePendingUntilThePeriodEnds() {
        String item = "pending-item-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Map.of("name", "Tote bag", "points", 5)).put("/catalog/{id}", item)
                .then().statusCode(201);
        String customer = Checkout.newCustomer("pending");
        checkout.purchase(UUID.randomUUID().toString(), customer, "o-" + customer, "120.00", Instant.now());

        JsonPath pending = awaitBalance(customer, 12);
        assertEquals(12, pending.getLong("pending"));
        assertEquals(0, pending.getLong("available"));
        redeem(customer, item).then().statusCode(409);

        clock.advance(Duration.ofDays(14).plusMinutes(1));
        JsonPath matured = account(customer);
        assertEquals(0, matured.getLong("pending"));
        assertEquals(12, matured.getLong("available"));
        redeem(customer, item).then().statusCode(201).body("balance", org.hamcrest.Matchers.equalTo(7));
    }

    private static io.restassured.response.Response redeem(String customer, String item) {
        return given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("catalogItemId", item, "requestId", UUID.randomUUID().toString()))
                .post("/customers/{id}/redemptions", customer);
    }
}
