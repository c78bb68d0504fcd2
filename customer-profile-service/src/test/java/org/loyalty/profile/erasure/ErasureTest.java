package org.loyalty.profile.erasure;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.loyalty.profile.ProfileWorld.awaitSegment;
import static org.loyalty.profile.ProfileWorld.register;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.profile.ProfileWorld;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Erasure removes personal data from the database and the API, keeps the anonymous aggregates, and tells everyone. */
@QuarkusTest
class ErasureTest {

    private static final ProfileWorld world = new ProfileWorld();

    @Inject
    Pool database;

    @Test
    void erasureRemovesPersonalDataAndPublishesTheEvent() {
        String customer = ProfileWorld.customer("forget-me");
        register(customer, Map.of("interests", List.of("knitting"))).then().statusCode(201);
        world.purchase(customer, "70.00");
        awaitSegment(customer, "CORE");

        given().auth().oauth2(TestTokens.ops()).delete("/customers/{id}", customer).then().statusCode(204);
        given().auth().oauth2(TestTokens.ops()).delete("/customers/{id}", customer).then().statusCode(204);
        given().auth().oauth2(TestTokens.ops()).get("/customers/{id}", customer).then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).delete("/customers/{id}", "never-" + customer).then().statusCode(404);

        Row row = database.preparedQuery("SELECT email, name, interests, buying_habits, marketing_consent, total_spent FROM customer WHERE customer_id = $1")
                .execute(Tuple.of(customer)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertNull(row.getValue("email"));
        assertNull(row.getValue("name"));
        assertNull(row.getValue("interests"));
        assertEquals(false, row.getBoolean("marketing_consent"));
        assertEquals(0, row.getBigDecimal("total_spent").compareTo(new java.math.BigDecimal("70")), "anonymous aggregates stay");

        List<JsonPath> events = world.customerEvents(customer, 3);
        JsonPath erased = events.get(events.size() - 1);
        assertEquals("customer.erased", erased.getString("type"));
        assertEquals(customer, erased.getString("data.customerId"));
        assertEquals(1, events.stream().filter(e -> "customer.erased".equals(e.getString("type"))).count());
    }
}
