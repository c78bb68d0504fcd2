package org.loyalty.profile.segment;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.profile.ProfileWorld.awaitSegment;
import static org.loyalty.profile.ProfileWorld.register;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loyalty.profile.ProfileWorld;
import org.loyalty.profile.TestClock;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Each segment reached by its own story, through the events checkout, billing and support send. */
@QuarkusTest
class SegmentStoriesTest {

    private static final ProfileWorld world = new ProfileWorld();

    @Inject
    TestClock clock;

    @Inject
    DailyReevaluation daily;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void prospectToCoreToDevotedThroughAReferral() {
        String anna = ProfileWorld.customer("anna");
        String referralCode = register(anna, Map.of()).then().statusCode(201).extract().path("referralCode");
        assertEquals("PROSPECT", awaitSegment(anna, "PROSPECT").getString("segment"));

        world.purchase(anna, "80.00");
        JsonPath core = awaitSegment(anna, "CORE");
        assertEquals(List.of("1 purchase, pays on time, no repeated complaints"), core.getList("reasons"));

        String friend = ProfileWorld.customer("friend");
        register(friend, Map.of("referredBy", referralCode)).then().statusCode(201);
        world.purchase(friend, "45.00");

        JsonPath devoted = awaitSegment(anna, "DEVOTED");
        assertTrue(devoted.getList("reasons").contains("Brought 1 referred customer who bought"), devoted.getList("reasons").toString());
        List<JsonPath> events = world.customerEvents(anna, 3);
        JsonPath reclassified = events.get(events.size() - 1);
        assertEquals("customer.reclassified", reclassified.getString("type"));
        assertEquals("CORE", reclassified.getString("data.from"));
        assertEquals("DEVOTED", reclassified.getString("data.to"));
    }

    @Test
    void coreToDifficultByThreeComplaints() {
        String customer = coreCustomer("complainer");
        world.complaint(customer);
        world.complaint(customer);
        world.complaint(customer);
        JsonPath difficult = awaitSegment(customer, "DIFFICULT");
        assertEquals(List.of("3 complaints in the last 12 months"), difficult.getList("reasons"));
        assertEquals(3, difficult.getInt("complaints12m"));
    }

    @Test
    void coreToDifficultByTwoLateInvoices() {
        String customer = coreCustomer("late-payer");
        Instant due = Instant.now().minus(Duration.ofDays(20));
        world.invoicePaid(customer, "i1-" + customer, due, due.plus(Duration.ofDays(5)));
        world.invoicePaid(customer, "i2-" + customer, due, due.plus(Duration.ofDays(9)));
        JsonPath difficult = awaitSegment(customer, "DIFFICULT");
        assertEquals(List.of("2 late invoices in the last 12 months"), difficult.getList("reasons"));
    }

    @Test
    void coreToDeadByADebtOverdueHundredDaysAndBackToLife() {
        String customer = coreCustomer("debtor");
        String invoice = "i-" + customer;
        world.invoiceOverdue(customer, invoice, Instant.now().minus(Duration.ofDays(100)));
        JsonPath dead = awaitSegment(customer, "DEAD");
        assertTrue(dead.getString("reasons[0]").matches("Debt of 120 overdue for 100 days"), dead.getString("reasons[0]"));
        assertEquals("120.00", dead.getString("overdueDebt"));

        world.invoicePaid(customer, invoice, Instant.now().minus(Duration.ofDays(100)), Instant.now());
        world.purchase(customer, "30.00");
        // The payment and the purchase come on different topics, in either order; the payment alone
        // already makes the customer CORE again, so wait for the purchase to be counted as well.
        await().atMost(Duration.ofSeconds(30)).until(() -> ProfileWorld.profile(customer).getInt("purchases") == 2);
        JsonPath alive = awaitSegment(customer, "CORE");
        assertEquals("0.00", alive.getString("overdueDebt"));
        assertEquals(2, alive.getInt("purchases"));
    }

    @Test
    void coreToDeadByTwelveMonthsWithoutAPurchaseAndBackToLife() {
        String customer = coreCustomer("sleeper");
        clock.advance(Duration.ofDays(367));
        assertTrue(daily.runForToday().await().atMost(Duration.ofSeconds(60)) >= 1);
        JsonPath dead = awaitSegment(customer, "DEAD");
        assertTrue(dead.getString("reasons[0]").startsWith("No purchase since"), dead.getString("reasons[0]"));
        assertTrue(dead.getInt("rfm.recency") >= 1 && dead.getInt("rfm.recency") <= 5, "RFM scored by the daily job");

        world.purchase(customer, "25.00", clock.instant());
        awaitSegment(customer, "CORE");
    }

    @Test
    void duplicatedAndOutOfOrderEventsCountOnce() {
        String customer = ProfileWorld.customer("unregistered");
        String eventId = java.util.UUID.randomUUID().toString();
        world.checkout.refund(customer, "o-early-" + customer, "r-" + customer, "30.00"); // before its purchase
        world.checkout.purchase(eventId, customer, "o-early-" + customer, "100.00", Instant.now());
        world.checkout.purchase(eventId, customer, "o-early-" + customer, "100.00", Instant.now());
        world.checkout.purchase(customer, "o-early-" + customer, "100.00"); // same order, another event id
        world.purchase(customer, "50.00");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = io.restassured.RestAssured.given().auth().oauth2(TestTokens.ops()).get("/customers/{id}", customer);
            return response.statusCode() == 200 && response.jsonPath().getInt("purchases") == 2;
        });
        JsonPath profile = ProfileWorld.profile(customer);
        assertEquals("120.00", profile.getString("totalSpent"), "100 - 30 refunded early + 50");
        assertEquals("CORE", profile.getString("segment"));
        assertEquals(true, profile.getBoolean("repeatBuyer"));
        assertEquals(false, profile.getBoolean("registered"), "a minimal profile, not lost");
    }

    private static String coreCustomer(String label) {
        String customer = ProfileWorld.customer(label);
        register(customer, Map.of()).then().statusCode(201);
        world.purchase(customer, "60.00");
        awaitSegment(customer, "CORE");
        return customer;
    }
}
