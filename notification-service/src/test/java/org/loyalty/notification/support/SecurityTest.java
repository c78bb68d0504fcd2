package org.loyalty.notification.support;

import static io.restassured.RestAssured.given;
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

/** Who may call what: tokens, roles, a customer's own log, body size and the newsletter rate. */
@QuarkusTest
class SecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void withoutATokenEveryEndpointButUnsubscribeIs401() {
        given().get("/customers/{id}/notifications", "c-1").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        newsletter("Hello").post("/newsletters").then().statusCode(401).contentType(PROBLEM);
        given().get("/newsletters/{id}", UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
        // The signed link is the authorization here: a bad link is a 400, never a 401.
        given().queryParam("token", "bad").post("/unsubscribe").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        newsletter("Hello").auth().oauth2(TestTokens.checkout()).post("/newsletters").then().statusCode(403).contentType(PROBLEM);
        newsletter("Hello").auth().oauth2(TestTokens.ops()).post("/newsletters").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.marketing()).get("/customers/{id}/notifications", "c-1").then().statusCode(403);
    }

    @Test
    void aCustomerReadsOnlyItsOwnLog() {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.customer(own);
        given().auth().oauth2(token).get("/customers/{id}/notifications", own).then().statusCode(200);
        given().auth().oauth2(token).get("/customers/{id}/notifications", "someone-else").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        given().auth().oauth2(TestTokens.marketing()).contentType(ContentType.JSON)
                .body(Map.of("subject", "Big", "body", "x".repeat(70 * 1024), "audience", "CUSTOMERS"))
                .post("/newsletters").then().statusCode(413);
    }

    @Test
    void aFloodOfNewslettersFromOneCallerIs429WithRetryAfter() {
        String flooder = TestTokens.caller("flood-" + UUID.randomUUID(), "marketing");
        boolean limited = false;
        for (int i = 0; i < 10 && !limited; i++) {
            // Refused after the limiter (prospects are never CORE), so the flood mails nobody in this shared database.
            var response = given().auth().oauth2(flooder).contentType(ContentType.JSON)
                    .body(Map.of("subject", "Flood " + i, "body", "x", "audience", "PROSPECTS", "segment", "CORE"))
                    .post("/newsletters");
            if (response.statusCode() == 429) {
                response.then().contentType(PROBLEM).header("Retry-After", matchesPattern("[1-9][0-9]*"));
                limited = true;
            } else {
                response.then().statusCode(422);
            }
        }
        assertTrue(limited, "10 newsletters at once from one caller must hit the limit");
    }

    private static io.restassured.specification.RequestSpecification newsletter(String subject) {
        return given().contentType(ContentType.JSON).body(Map.of("subject", subject, "body", "Hi", "audience", "CUSTOMERS"));
    }
}
