package org.loyalty.points.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.jwt.DevTokenIssuer;
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
    void withoutAValidTokenEveryEndpointIs401() {
        given().get("/customers/{id}/points", "c-" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/catalog").then().statusCode(401).contentType(PROBLEM);
        String forged = DevTokenIssuer.generate().mint("intruder", null, Duration.ofMinutes(5), List.of("ops"));
        given().auth().oauth2(forged).get("/catalog").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not-a-jwt").get("/catalog").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        given().auth().oauth2(TestTokens.marketing()).get("/customers/{id}/points", "c-1").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("name", "Mug", "points", 5))
                .put("/catalog/{id}", "mug").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Map.of("catalogItemId", "mug", "requestId", "r"))
                .post("/customers/{id}/redemptions", "c-1").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aCustomerReachesOnlyItsOwnAccount() {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.customer(own);
        given().auth().oauth2(token).get("/customers/{id}/points", own).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).get("/customers/{id}/points", "someone-else").then().statusCode(403).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("customerId"));
        given().auth().oauth2(token).get("/customers/{id}/points/transactions", "someone-else").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("catalogItemId", "mug", "requestId", "r"))
                .post("/customers/{id}/redemptions", "someone-else").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String description = "x".repeat(70 * 1024);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("name", "Huge", "description", description, "points", 5))
                .put("/catalog/{id}", "huge").then().statusCode(413);
    }

    @Test
    void aFloodOfRedemptionsForOneCustomerIs429WithRetryAfter() {
        String customer = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        boolean limited = false;
        for (int i = 0; i < 30 && !limited; i++) {
            var response = given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON)
                    .body(Map.of("catalogItemId", "no-such-item", "requestId", "flood-" + i))
                    .post("/customers/{id}/redemptions", customer);
            if (response.statusCode() == 429) {
                response.then().contentType(PROBLEM).header("Retry-After", matchesPattern("[1-9][0-9]*"));
                limited = true;
            }
        }
        assertTrue(limited, "30 redemptions at once for one customer must hit the limit");
        // Another customer is not slowed down by the first one's flood.
        given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON)
                .body(Map.of("catalogItemId", "no-such-item", "requestId", "calm"))
                .post("/customers/{id}/redemptions", "calm-" + customer).then().statusCode(404);
    }
}
