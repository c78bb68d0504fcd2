package org.loyalty.points.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.devinfra.testing.SecurityAnswers.PROBLEM;
import static org.loyalty.devinfra.testing.SecurityAnswers.forbidden;
import static org.loyalty.devinfra.testing.SecurityAnswers.rateLimited;
import static org.loyalty.devinfra.testing.SecurityAnswers.unauthorized;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.jwt.DevTokenIssuer;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Who may call what: tokens, roles, a customer's own id, body size and the redemption rate. */
@QuarkusTest
class SecurityTest {

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        unauthorized(given().get("/customers/{id}/points", "c-" + UUID.randomUUID()));
        unauthorized(given().get("/catalog"));
        String forged = DevTokenIssuer.generate().mint("intruder", null, Duration.ofMinutes(5), List.of("ops"));
        unauthorized(given().auth().oauth2(forged).get("/catalog"));
        unauthorized(given().auth().oauth2("not-a-jwt").get("/catalog"));
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        forbidden(given().auth().oauth2(TestTokens.marketing()).get("/customers/{id}/points", "c-1"));
        forbidden(given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("name", "Mug", "points", 5))
                .put("/catalog/{id}", "mug"));
        forbidden(redemption("r").auth().oauth2(TestTokens.ops()).post("/customers/{id}/redemptions", "c-1"));
    }

    @Test
    void aCustomerReachesOnlyItsOwnAccount() {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.customer(own);
        given().auth().oauth2(token).get("/customers/{id}/points", own).then().statusCode(404).contentType(PROBLEM);
        forbidden(given().auth().oauth2(token).get("/customers/{id}/points", "someone-else"));
        forbidden(given().auth().oauth2(token).get("/customers/{id}/points/transactions", "someone-else"));
        var redeemForAnother = redemption("r").auth().oauth2(token).post("/customers/{id}/redemptions", "someone-else");
        forbidden(redeemForAnother);
        redeemForAnother.then().body("invalidParams[0].name", equalTo("customerId"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("name", "Huge", "description", "x".repeat(70 * 1024), "points", 5))
                .put("/catalog/{id}", "huge").then().statusCode(413);
    }

    @Test
    void aFloodOfRedemptionsForOneCustomerIs429WithRetryAfter() {
        String customer = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        boolean limited = false;
        for (int i = 0; i < 30 && !limited; i++) {
            var response = redemption("flood-" + i).auth().oauth2(TestTokens.checkout()).post("/customers/{id}/redemptions", customer);
            if (response.statusCode() == 429) {
                rateLimited(response);
                limited = true;
            }
        }
        assertTrue(limited, "30 redemptions at once for one customer must hit the limit");
        // Another customer is not slowed down by the first one's flood.
        redemption("calm").auth().oauth2(TestTokens.checkout()).post("/customers/{id}/redemptions", "calm-" + customer)
                .then().statusCode(404);
    }

    private static RequestSpecification redemption(String requestId) {
        return given().contentType(ContentType.JSON).body(Map.of("catalogItemId", "no-such-item", "requestId", requestId));
    }
}
