package org.loyalty.profile.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.loyalty.profile.ProfileWorld.profile;
import static org.loyalty.profile.ProfileWorld.register;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.profile.ProfileWorld;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RegistrationTest {

    private static final ProfileWorld world = new ProfileWorld();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void registrationKeepsTheProfileAndPublishesIt() {
        String customer = ProfileWorld.customer("reg");
        register(customer, Map.of("locale", "sv-SE", "interests", List.of("tea", "ceramics"),
                "buyingHabits", Map.of("frequency", "monthly")))
                .then().statusCode(201)
                .body("customerId", equalTo(customer))
                .body("segment", equalTo("PROSPECT"))
                .body("referralCode", matchesPattern("R-[A-Z2-9]{10}"));

        JsonPath profile = profile(customer);
        assertEquals(customer + "@example.com", profile.getString("email"));
        assertEquals("sv", profile.getString("locale"));
        assertEquals(true, profile.getBoolean("marketingConsent"));

        register(customer, Map.of("locale", "xx", "name", "Anna Lind")).then().statusCode(200);
        assertEquals("en", profile(customer).getString("locale"), "unsupported languages fall back to English");

        List<JsonPath> events = world.customerEvents(customer, 2);
        assertEquals("customer.registered", events.get(0).getString("type"));
        assertEquals("sv", events.get(0).getString("data.locale"));
        assertEquals("customer.updated", events.get(1).getString("type"));
        assertEquals("Anna Lind", events.get(1).getString("data.name"));
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        String customer = ProfileWorld.customer("bad");
        register(customer, Map.of("email", "not-an-email")).then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", equalTo("email"));
        register(customer, Map.of("name", "Eve\r\nBcc: everyone@example.com")).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("name"));
        register(customer, Map.of("referredBy", "R-NOSUCHCODE")).then().statusCode(422)
                .contentType("application/problem+json").body("invalidParams[0].name", equalTo("referredBy"));
        given().auth().oauth2(TestTokens.checkout()).contentType(ContentType.JSON).body(Map.of("email", "a@example.com", "name", "A")).put("/customers/{id}", customer)
                .then().statusCode(400).body("invalidParams[0].name", equalTo("marketingConsent"));
        given().auth().oauth2(TestTokens.ops()).get("/customers/{id}", customer).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void oneClickUnsubscribeTurnsConsentOff() {
        String customer = ProfileWorld.customer("unsub");
        register(customer, Map.of()).then().statusCode(201);
        world.send("loyalty.notifications", customer, "customer.unsubscribed",
                "{\"customerId\":\"%s\",\"occurredAt\":\"%s\"}".formatted(customer, Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !profile(customer).getBoolean("marketingConsent"));
        JsonPath updated = world.customerEvents(customer, 2).get(1);
        assertEquals("customer.updated", updated.getString("type"));
        assertFalse(updated.getBoolean("data.marketingConsent"));
    }
}
