package org.loyalty.rewards.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Who may call what: tokens, roles, a customer's own id, body size and the redemption rate. */
@QuarkusTest
class SecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        given().get("/customers/{id}/benefits", "c-1").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/customers/{id}/rewards", "c-1").then().statusCode(401).contentType(PROBLEM);
        redemption("GC-X", "o-1", "c-1").post("/rewards/{code}/redemptions", "GC-X").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        given().auth().oauth2(TestTokens.marketing()).get("/customers/{id}/benefits", "c-1").then().statusCode(403).contentType(PROBLEM);
        redemption("GC-X", "o-1", "c-1").auth().oauth2(TestTokens.ops()).post("/rewards/{code}/redemptions", "GC-X")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aCustomerReachesOnlyItsOwnRewards() {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.customer(own);
        given().auth().oauth2(token).get("/customers/{id}/benefits", own).then().statusCode(200).body("customerId", equalTo(own));
        given().auth().oauth2(token).get("/customers/{id}/benefits", "someone-else").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token).get("/customers/{id}/rewards", "someone-else").then().statusCode(403).contentType(PROBLEM);
        // The customer id of a certificate redemption is in the body: a customer cannot redeem for another one.
        redemption("GC-X", "o-1", "someone-else").auth().oauth2(token).post("/rewards/{code}/redemptions", "GC-X")
                .then().statusCode(403).contentType(PROBLEM).body("invalidParams[0].name", equalTo("customerId"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        redemption("GC-X", "o-".repeat(40 * 1024), "c-1").auth().oauth2(TestTokens.checkout())
                .post("/rewards/{code}/redemptions", "GC-X").then().statusCode(413);
    }

    @Test
    void guessingCodesForOneCustomerIs429WithRetryAfter() {
        String customer = "guesser-" + UUID.randomUUID().toString().substring(0, 8);
        boolean limited = false;
        for (int i = 0; i < 20 && !limited; i++) {
            var response = redemption("GC-GUESS-" + i, "o-" + i, customer).auth().oauth2(TestTokens.checkout())
                    .post("/rewards/{code}/redemptions", "GC-GUESS-" + i);
            if (response.statusCode() == 429) {
                response.then().contentType(PROBLEM).header("Retry-After", matchesPattern("[1-9][0-9]*"));
                limited = true;
            }
        }
        assertTrue(limited, "20 guesses at once for one customer must hit the limit");
        redemption("GC-CALM", "o-calm", "calm-" + customer).auth().oauth2(TestTokens.checkout())
                .post("/rewards/{code}/redemptions", "GC-CALM").then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification redemption(String code, String orderId, String customerId) {
        return given().contentType(ContentType.JSON).body(Map.of("orderId", orderId, "customerId", customerId));
    }
}
