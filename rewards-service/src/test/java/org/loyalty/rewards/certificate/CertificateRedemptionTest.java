package org.loyalty.rewards.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.loyalty.rewards.RewardsWorld.awaitRewards;
import static org.loyalty.rewards.RewardsWorld.daysAgo;
import static org.loyalty.rewards.RewardsWorld.redeem;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.rewards.RewardsWorld;
import org.loyalty.rewards.TestClock;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Checkout redeems a certificate by its code, once. */
@QuarkusTest
class CertificateRedemptionTest {

    private static final RewardsWorld world = new RewardsWorld();

    @Inject
    TestClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCertificateIsRedeemedOnceOnOneOrder() {
        String customer = RewardsWorld.customer("redeem");
        String code = certificateFor(customer);

        String rewardId = redeem(code, "o-pay-1", customer).then().statusCode(200)
                .body("status", equalTo("REDEEMED")).extract().path("rewardId");
        redeem(code, "o-pay-1", customer).then().statusCode(200).body("rewardId", equalTo(rewardId));
        redeem(code, "o-pay-2", customer).then().statusCode(409).contentType("application/problem+json");

        world.rewardEvents(customer, 2);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> world.kafka
                .recordsWithKey("loyalty.rewards", customer).stream().anyMatch(r -> r.value().contains("\"reward.redeemed\"")
                        && r.value().contains("\"orderId\":\"o-pay-1\"")));
    }

    @Test
    void unknownCodesAndOtherCustomersCodesAre404() {
        String customer = RewardsWorld.customer("owner");
        String code = certificateFor(customer);

        redeem("GC-NOPE0-NOPE0-NOPE0-NOPE0", "o-1", customer).then().statusCode(404).contentType("application/problem+json");
        redeem(code, "o-1", "someone-else").then().statusCode(404);
        given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("customerId", customer)).post("/rewards/{code}/redemptions", code)
                .then().statusCode(400).body("invalidParams[0].name", equalTo("orderId"));
    }

    @Test
    void anExpiredCertificateIs410() {
        String customer = RewardsWorld.customer("expired");
        String code = certificateFor(customer);

        clock.advance(Duration.ofDays(367));
        redeem(code, "o-late", customer).then().statusCode(410).contentType("application/problem+json");
    }

    private static String certificateFor(String customer) {
        world.purchase(customer, "o1-" + customer, "250.00", daysAgo(1));
        return (String) awaitRewards(customer, "GIFT_CERTIFICATE", 1).get(0).get("code");
    }
}
