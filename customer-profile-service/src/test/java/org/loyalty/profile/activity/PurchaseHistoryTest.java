package org.loyalty.profile.activity;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.loyalty.profile.ProfileWorld;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Purchases and refunds sent back to back (so that they share polls, which are applied
 * set-based): a refund before its purchase, a refund right after it, a second event for the
 * same order and a refund of an order counted earlier all net to the cent.
 */
@QuarkusTest
class PurchaseHistoryTest {

    private final ProfileWorld world = new ProfileWorld();

    @Test
    void purchasesAndRefundsInOnePollNetToTheCent() {
        String customer = ProfileWorld.customer("netting");
        String early = "o-" + UUID.randomUUID();
        String later = "o-" + UUID.randomUUID();
        world.checkout.refund(customer, early, "r-" + UUID.randomUUID(), "30.00");
        world.checkout.purchase(UUID.randomUUID().toString(), customer, early, "100.00", Instant.now());
        world.checkout.purchase(UUID.randomUUID().toString(), customer, later, "50.00", Instant.now());
        world.checkout.purchase(UUID.randomUUID().toString(), customer, later, "50.00", Instant.now()); // same order, other event id
        world.checkout.refund(customer, later, "r-" + UUID.randomUUID(), "20.00");

        JsonPath profile = awaitTotal(customer, "100.00");
        assertEquals(2, profile.getInt("purchases"));

        world.checkout.refund(customer, early, "r-" + UUID.randomUUID(), "10.00");
        assertEquals(2, awaitTotal(customer, "90.00").getInt("purchases"));
    }

    private static JsonPath awaitTotal(String customer, String total) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                return new BigDecimal(ProfileWorld.profile(customer).getString("totalSpent")).compareTo(new BigDecimal(total)) == 0;
            } catch (AssertionError | RuntimeException notThereYet) {
                return false;
            }
        });
        return ProfileWorld.profile(customer);
    }
}
