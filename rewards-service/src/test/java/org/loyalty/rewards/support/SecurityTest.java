package org.loyalty.rewards.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.devinfra.testing.SecurityAnswers.forbidden;
import static org.loyalty.devinfra.testing.SecurityAnswers.rateLimited;
import static org.loyalty.devinfra.testing.SecurityAnswers.unauthorized;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Who may call what: tokens, roles, a customer's own id, body size and the redemption rate. */
@QuarkusTest
class SecurityTest {

    @Test
    void withoutATokenEveryEndpointIs401() {
        unauthorized(given().get("/customers/{id}/benefits", "c-1"));
        unauthorized(given().get("/customers/{id}/rewards", "c-1"));
        unauthorized(redemption("o-1", "c-1").post("/rewards/{code}/redemptions", "GC-X"));
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        forbidden(given().auth().oauth2(TestTokens.marketing()).get("/customers/{id}/benefits", "c-1"));
        forbidden(redemption("o-1", "c-1").auth().oauth2(TestTokens.ops()).post("/rewards/{code}/redemptions", "GC-X"));
    }

    @Test
    void aCustomerReachesOnlyItsOwnRewards() {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.customer(own);
        given().auth().oauth2(token).get("/customers/{id}/benefits", own).then().statusCode(200).body("customerId", equalTo(own));
        forbidden(given().auth().oauth2(token).get("/customers/{id}/benefits", "someone-else"));
        forbidden(given().auth().oauth2(token).get("/customers/{id}/rewards", "someone-else"));
        // The customer id of a certificate redemption is in the body: a customer cannot redeem for another one.
        var redeemForAnother = redemption("o-1", "someone-else").auth().oauth2(token).post("/rewards/{code}/redemptions", "GC-X");
        forbidden(redeemForAnother);
        redeemForAnother.then().body("invalidParams[0].name", equalTo("customerId"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        redemption("o-".repeat(40 * 1024), "c-1").auth().oauth2(TestTokens.checkout())
                .post("/rewards/{code}/redemptions", "GC-X").then().statusCode(413);
    }

    @Test
    void guessingCodesForOneCustomerIs429WithRetryAfter() {
        String customer = "guesser-" + UUID.randomUUID().toString().substring(0, 8);
        boolean limited = false;
        for (int i = 0; i < 20 && !limited; i++) {
            var response = redemption("o-" + i, customer).auth().oauth2(TestTokens.checkout())
                    .post("/rewards/{code}/redemptions", "GC-GUESS-" + i);
            if (response.statusCode() == 429) {
                rateLimited(response);
                limited = true;
            }
        }
        assertTrue(limited, "20 guesses at once for one customer must hit the limit");
        redemption("o-calm", "calm-" + customer).auth().oauth2(TestTokens.checkout())
                .post("/rewards/{code}/redemptions", "GC-CALM").then().statusCode(404);
    }

    private static RequestSpecification redemption(String orderId, String customerId) {
        return given().contentType(ContentType.JSON).body(Map.of("orderId", orderId, "customerId", customerId));
    }
}
