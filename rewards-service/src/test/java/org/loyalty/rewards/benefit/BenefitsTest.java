package org.loyalty.rewards.benefit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.rewards.RewardsWorld.awaitRewards;
import static org.loyalty.rewards.RewardsWorld.benefits;
import static org.loyalty.rewards.RewardsWorld.daysAgo;
import static org.loyalty.rewards.RewardsWorld.rewardsOfKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.rewards.RewardsWorld;
import org.loyalty.rewards.surprise.AnniversaryJob;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Free shipping, the loyalty discount and surprise gifts follow orders and segments. */
@QuarkusTest
class BenefitsTest {

    private static final RewardsWorld world = new RewardsWorld();

    @Inject
    AnniversaryJob anniversaries;

    @Test
    void theThirdOrderTurnsFreeShippingOn() {
        String customer = RewardsWorld.customer("shipping");
        assertFalse(benefits(customer).getBoolean("freeShipping"));
        world.purchase(customer, "o1-" + customer, "20.00", daysAgo(3));
        world.purchase(customer, "o2-" + customer, "20.00", daysAgo(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> world.kafka.recordsWithKey("checkout.purchases", customer).size() == 2);
        assertFalse(benefits(customer).getBoolean("freeShipping"));

        world.purchase(customer, "o3-" + customer, "20.00", daysAgo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> benefits(customer).getBoolean("freeShipping"));
        awaitRewards(customer, "FREE_SHIPPING", 1);
        JsonPath issued = world.rewardEvents(customer, 1).get(0);
        assertEquals("FREE_SHIPPING", issued.getString("data.kind"));
        assertEquals("3 completed orders", issued.getString("data.reason"), "on at the third order, not before");
    }

    @Test
    void devotedCustomersGetTenPercentFreeShippingAndOneSurprise() {
        String customer = RewardsWorld.customer("vip");
        world.purchase(customer, "o1-" + customer, "30.00", daysAgo(1));
        world.reclassify(customer, "PROSPECT", "CORE");
        await().atMost(Duration.ofSeconds(30)).until(() -> benefits(customer).getInt("discountPercent") == 5);

        world.reclassify(customer, "CORE", "DEVOTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> benefits(customer).getInt("discountPercent") == 10);
        JsonPath benefits = benefits(customer);
        assertTrue(benefits.getBoolean("freeShipping"));
        assertEquals(1, awaitRewards(customer, "SURPRISE_GIFT", 1).size());

        // Back to CORE and DEVOTED again within 90 days: no second surprise.
        world.reclassify(customer, "DEVOTED", "CORE");
        world.reclassify(customer, "CORE", "DEVOTED");
        world.reclassify(customer, "DEVOTED", "DIFFICULT");
        await().atMost(Duration.ofSeconds(30)).until(() -> benefits(customer).getInt("discountPercent") == 0);
        assertEquals(1, rewardsOfKind(customer, "SURPRISE_GIFT").size());
        assertFalse(benefits(customer).getBoolean("freeShipping"), "one order and no longer DEVOTED");
    }

    @Test
    void anniversariesOfTheFirstPurchaseBringASurpriseToCoreCustomersOnly() {
        Instant twoYearsAgo = Instant.now().atOffset(ZoneOffset.UTC).minusYears(2).toInstant();
        String loyal = RewardsWorld.customer("anniversary");
        String difficult = RewardsWorld.customer("difficult");
        for (String customer : new String[] {loyal, difficult}) {
            for (int order = 1; order <= 3; order++) { // three orders: free shipping tells they were all processed
                world.purchase(customer, "o" + order + "-" + customer, "40.00", twoYearsAgo.plusSeconds(order));
            }
        }
        world.reclassify(loyal, "PROSPECT", "CORE");
        world.reclassify(difficult, "PROSPECT", "DIFFICULT");
        awaitRewards(loyal, "FREE_SHIPPING", 1);
        awaitRewards(difficult, "FREE_SHIPPING", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> benefits(loyal).getInt("discountPercent") == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> world.rewardEvents(difficult, 1).size() >= 1
                && rewardsOfKind(difficult, "LOYALTY_DISCOUNT").isEmpty());

        int celebrated = anniversaries.runForToday().await().atMost(Duration.ofSeconds(30));
        assertTrue(celebrated >= 1);
        assertEquals(1, awaitRewards(loyal, "SURPRISE_GIFT", 1).size());
        assertEquals(0, rewardsOfKind(difficult, "SURPRISE_GIFT").size());
        assertEquals(0, anniversaries.runForToday().await().atMost(Duration.ofSeconds(30)), "once per day cluster-wide");
    }
}
