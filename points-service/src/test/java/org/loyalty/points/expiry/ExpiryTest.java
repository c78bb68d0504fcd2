package org.loyalty.points.expiry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.points.PointsApi.account;
import static org.loyalty.points.PointsApi.awaitBalance;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.points.TestClock;
import org.loyalty.devinfra.testing.Checkout;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Points expire after 24 months without activity; the clock is moved, not waited for. */
@QuarkusTest
class ExpiryTest {

    private static final Duration TWO_YEARS_AND_A_DAY = Duration.ofDays(2 * 366 + 1);

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Checkout checkout = new Checkout(kafka);

    @Inject
    TestClock clock;

    @Inject
    ExpiryJob expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void inactiveBalancesExpireOncePerDayAcrossReplicasAndActiveOnesStay() {
        String dormant = Checkout.newCustomer("dormant");
        String active = Checkout.newCustomer("active");
        checkout.purchase(UUID.randomUUID().toString(), dormant, "o-" + dormant, "250.00", Instant.now());
        awaitBalance(dormant, 25);

        clock.advance(TWO_YEARS_AND_A_DAY);
        // An order placed "now" on the moved clock keeps this account active.
        checkout.purchase(UUID.randomUUID().toString(), active, "o-" + active, "80.00", clock.instant());
        awaitBalance(active, 8);

        int expired = expiry.runForToday().await().atMost(Duration.ofSeconds(30));
        assertTrue(expired >= 1, "the dormant account expires");
        assertEquals(0, expiry.runForToday().await().atMost(Duration.ofSeconds(30)), "a second run the same day does nothing");

        assertEquals(0, account(dormant).getLong("balance"));
        assertEquals(8, account(active).getLong("balance"));

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.recordsWithKey("loyalty.points", dormant).size() == 2);
        JsonPath event = JsonPath.from(kafka.recordsWithKey("loyalty.points", dormant).get(1).value());
        assertEquals("points.expired", event.getString("type"));
        assertEquals(-25, event.getLong("data.points"));
        assertEquals(0, event.getLong("data.balance"));
        assertEquals(1, kafka.recordsWithKey("loyalty.points", active).size(), "nothing expired for the active customer");
    }
}
