package org.loyalty.rewards.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.rewards.RewardsWorld.awaitRewards;
import static org.loyalty.rewards.RewardsWorld.daysAgo;
import static org.loyalty.rewards.RewardsWorld.rewardsOfKind;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loyalty.rewards.RewardsWorld;
import org.loyalty.rewards.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Certificates are valid 12 months; the daily job marks them expired and tells marketing. */
@QuarkusTest
class RewardExpiryTest {

    private static final RewardsWorld world = new RewardsWorld();

    @Inject
    TestClock clock;

    @Inject
    RewardExpiryJob expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void certificatesExpireAfterTwelveMonthsOncePerDay() {
        String customer = RewardsWorld.customer("expiry");
        world.purchase(customer, "o1-" + customer, "200.00", daysAgo(1));
        awaitRewards(customer, "GIFT_CERTIFICATE", 1);
        assertEquals(0, RewardsWorld.benefits(customer).getList("giftCertificates").size() - 1);

        clock.advance(Duration.ofDays(366));
        assertEquals("EXPIRED", rewardsOfKind(customer, "GIFT_CERTIFICATE").get(0).get("status"), "expired as soon as its date passes");
        assertEquals(0, RewardsWorld.benefits(customer).getList("giftCertificates").size());

        assertTrue(expiry.runForToday().await().atMost(Duration.ofSeconds(30)) >= 1);
        assertEquals(0, expiry.runForToday().await().atMost(Duration.ofSeconds(30)), "once per day cluster-wide");
        JsonPath expired = world.rewardEvents(customer, 2).get(1);
        assertEquals("reward.expired", expired.getString("type"));
        assertEquals("GIFT_CERTIFICATE", expired.getString("data.kind"));
    }
}
