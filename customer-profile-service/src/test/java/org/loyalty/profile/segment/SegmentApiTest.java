package org.loyalty.profile.segment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.profile.ProfileWorld.awaitSegment;
import static org.loyalty.profile.ProfileWorld.register;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loyalty.profile.ProfileWorld;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Marketing's view: how many customers per segment, and who, page by page; bad records dead-lettered. */
@QuarkusTest
class SegmentApiTest {

    private static final ProfileWorld world = new ProfileWorld();

    @Test
    void segmentsAreCountedAndListedByKeysetPages() {
        String prefix = ProfileWorld.customer("page");
        List<String> prospects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String customer = prefix + "-" + i;
            register(customer, Map.of()).then().statusCode(201);
            prospects.add(customer);
        }
        assertTrue(given().auth().oauth2(TestTokens.marketing()).get("/segments").then().statusCode(200).extract().jsonPath().getLong("PROSPECT") >= 5);

        List<String> seen = new ArrayList<>();
        String after = prefix + "-";
        String lastPage;
        do {
            JsonPath page = given().auth().oauth2(TestTokens.marketing()).queryParam("limit", 2).queryParam("after", after).get("/segments/PROSPECT/customers")
                    .then().statusCode(200).extract().jsonPath();
            page.getList("items.customerId", String.class).stream().filter(id -> id.startsWith(prefix)).forEach(seen::add);
            lastPage = page.getString("next");
            after = lastPage;
        } while (lastPage != null && lastPage.startsWith(prefix));
        assertEquals(prospects, seen);

        given().auth().oauth2(TestTokens.marketing()).get("/segments/PLATINUM/customers").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.marketing()).queryParam("limit", 0).get("/segments/CORE/customers").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("limit"));
    }

    @Test
    void badRecordsAreDeadLetteredAndTheStreamGoesOn() {
        String customer = ProfileWorld.customer("poison");
        register(customer, Map.of()).then().statusCode(201);
        world.kafka.send("support.complaints", customer, "nope".getBytes(StandardCharsets.UTF_8), Map.of());
        world.send("billing.invoices", customer, "invoice.overdue", "{\"customerId\":\"%s\",\"currency\":\"USD\",\"amount\":\"1.00\"}".formatted(customer));
        world.purchase(customer, "10.00");
        awaitSegment(customer, "CORE");

        await().atMost(Duration.ofSeconds(30)).until(() -> world.kafka.recordsWithKey("customer-profile-service.dlq", customer).size() == 2);
        List<String> reasons = world.kafka.recordsWithKey("customer-profile-service.dlq", customer).stream()
                .map(r -> r.headers().get("dead-letter-topic") + ": " + r.headers().get("dead-letter-reason")).sorted().toList();
        assertEquals("billing.invoices: data.invoiceId is missing", reasons.get(0));
        assertTrue(reasons.get(1).startsWith("support.complaints: value is not JSON"), reasons.get(1));
    }
}
