package org.loyalty.profile.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.loyalty.devinfra.testing.SecurityAnswers.PROBLEM;
import static org.loyalty.devinfra.testing.SecurityAnswers.forbidden;
import static org.loyalty.devinfra.testing.SecurityAnswers.unauthorized;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.TestTokens;
import org.loyalty.profile.ProfileWorld;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call what: tokens, roles, a customer's own profile, body size and header-safe names. */
@QuarkusTest
class SecurityTest {

    @Test
    void withoutATokenEveryEndpointIs401() {
        unauthorized(given().get("/customers/{id}", "c-1"));
        unauthorized(given().delete("/customers/{id}", "c-1"));
        unauthorized(given().get("/segments"));
    }

    @Test
    void aRoleWithoutTheRightIs403() {
        forbidden(given().auth().oauth2(TestTokens.checkout()).get("/segments"));
        forbidden(given().auth().oauth2(TestTokens.checkout()).get("/customers/{id}", "c-1"));
        forbidden(given().auth().oauth2(TestTokens.marketing()).delete("/customers/{id}", "c-1"));
    }

    @Test
    void aCustomerReachesOnlyItsOwnProfile() {
        String own = ProfileWorld.customer("own");
        String other = ProfileWorld.customer("other");
        ProfileWorld.register(own, Map.of()).then().statusCode(201);
        ProfileWorld.register(other, Map.of()).then().statusCode(201);
        String token = TestTokens.customer(own);

        given().auth().oauth2(token).get("/customers/{id}", own).then().statusCode(200).body("customerId", equalTo(own));
        forbidden(given().auth().oauth2(token).get("/customers/{id}", other));
        forbidden(given().auth().oauth2(token).delete("/customers/{id}", other));
        forbidden(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.com", "name", "Mallory", "marketingConsent", true)).put("/customers/{id}", other));
        given().auth().oauth2(TestTokens.ops()).get("/customers/{id}", other).then().statusCode(200).body("name", equalTo("Anna Svensson"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        ProfileWorld.register(ProfileWorld.customer("huge"), Map.of("name", "x".repeat(70 * 1024))).then().statusCode(413);
    }

    @Test
    void aNameWithALineBreakCannotReachAMailHeader() {
        String customer = ProfileWorld.customer("crlf");
        ProfileWorld.register(customer, Map.of("name", "Eve\r\nBcc: everyone@example.com")).then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("name"));
        ProfileWorld.register(customer, Map.of("name", "Eve\nSubject: free money")).then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).get("/customers/{id}", customer).then().statusCode(404);
    }
}
