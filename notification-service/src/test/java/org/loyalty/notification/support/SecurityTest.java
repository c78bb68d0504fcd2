package org.loyalty.notification.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.devinfra.testing.SecurityAnswers.PROBLEM;
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

/**
 * Who may call what: tokens, roles, a customer's own log, body size and the newsletter rate.
 * (Names with CR/LF in mail headers: TransactionalMailTest.namesAndEventFieldsCannotInjectHeaders.)
 */
@QuarkusTest
class SecurityTest {

    @Test
    void withoutATokenEveryEndpointButUnsubscribeIs401() {
        unauthorized(given().get("/customers/{id}/notifications", "c-1"));
        unauthorized(newsletter("PROSPECTS", "PROSPECT").post("/newsletters"));
        unauthorized(given().get("/newsletters/{id}", UUID.randomUUID()));
        // The signed link is the authorization here: a bad link is a 400, never a 401.
        given().queryParam("token", "bad").post("/unsubscribe").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        forbidden(newsletter("PROSPECTS", "PROSPECT").auth().oauth2(TestTokens.checkout()).post("/newsletters"));
        forbidden(newsletter("PROSPECTS", "PROSPECT").auth().oauth2(TestTokens.ops()).post("/newsletters"));
        forbidden(given().auth().oauth2(TestTokens.marketing()).get("/customers/{id}/notifications", "c-1"));
    }

    @Test
    void aCustomerReadsOnlyItsOwnLog() {
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.customer(own);
        given().auth().oauth2(token).get("/customers/{id}/notifications", own).then().statusCode(200);
        forbidden(given().auth().oauth2(token).get("/customers/{id}/notifications", "someone-else"));
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
            var response = newsletter("PROSPECTS", "CORE").auth().oauth2(flooder).post("/newsletters");
            if (response.statusCode() == 429) {
                rateLimited(response);
                limited = true;
            } else {
                response.then().statusCode(422);
            }
        }
        assertTrue(limited, "10 newsletters at once from one caller must hit the limit");
    }

    private static RequestSpecification newsletter(String audience, String segment) {
        return given().contentType(ContentType.JSON).body(Map.of("subject", "Hello", "body", "Hi", "audience", audience, "segment", segment));
    }
}
