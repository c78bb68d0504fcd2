package org.loyalty.rewards.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.rewards.RewardsWorld.awaitRewards;
import static org.loyalty.rewards.RewardsWorld.daysAgo;
import static org.loyalty.rewards.RewardsWorld.rewardsOfKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.rewards.RewardsWorld;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Refunds of one poll are applied together and take back certificate spend exactly as one
 * refund after the other would. Kafka decides which records share a poll, so the test hands
 * the poll to the consumer's handler itself, as the consumer does.
 */
@QuarkusTest
class RefundsInOnePollTest {

    private final RewardsWorld world = new RewardsWorld();

    @Inject
    CheckoutRewards checkoutRewards;

    @Test
    void refundsSharingAPollTakeBackAsIfOneByOne() {
        String both = RewardsWorld.customer("both-refunds");
        String free = RewardsWorld.customer("free-spend");
        String used = RewardsWorld.customer("used");
        world.purchase(both, "o1-" + both, "120.00", daysAgo(5));
        world.purchase(both, "o2-" + both, "100.00", daysAgo(4)); // a certificate: 120 of o1, 80 of o2
        world.purchase(free, "o1-" + free, "150.00", daysAgo(3));
        world.purchase(free, "o2-" + free, "60.00", daysAgo(2)); // a certificate: 150 of o1, 50 of o2; 10 of o2 free
        world.purchase(used, "o1-" + used, "120.00", daysAgo(5));
        world.purchase(used, "o2-" + used, "100.00", daysAgo(4));
        awaitRewards(both, "GIFT_CERTIFICATE", 1);
        awaitRewards(free, "GIFT_CERTIFICATE", 1);
        String usedCode = (String) awaitRewards(used, "GIFT_CERTIFICATE", 1).get(0).get("code");
        RewardsWorld.redeem(usedCode, "o9-" + used, used).then().statusCode(200);

        // Both of the first customer's refunds cut into the spend behind their certificate: the first
        // revokes it, which frees o1's spend too, so the second finds nothing left to take back.
        CheckoutEvent.Refund bothO2 = refund(both, "o2-" + both, "50.00");
        checkoutRewards.apply(List.of(bothO2, refund(free, "o2-" + free, "10.00"), refund(both, "o1-" + both, "10.00"),
                refund(used, "o2-" + used, "50.00"), bothO2)).await().indefinitely();

        assertEquals("REVOKED", rewardsOfKind(both, "GIFT_CERTIFICATE").get(0).get("status"));
        List<JsonPath> revoked = world.rewardEvents(both, 2).stream().filter(e -> "reward.revoked".equals(e.getString("type"))).toList();
        assertEquals(1, revoked.size());
        assertTrue(revoked.get(0).getString("data.reason").contains("o2-" + both), revoked.get(0).getString("data.reason"));
        assertEquals("ACTIVE", rewardsOfKind(free, "GIFT_CERTIFICATE").get(0).get("status"));
        assertEquals("REDEEMED", rewardsOfKind(used, "GIFT_CERTIFICATE").get(0).get("status"));
        assertTrue(world.kafka.recordsWithKey("loyalty.rewards", used).stream().noneMatch(r -> r.value().contains("reward.revoked")));
    }

    private static CheckoutEvent.Refund refund(String customer, String orderId, String amount) {
        return new CheckoutEvent.Refund(UUID.randomUUID().toString(), "r-" + UUID.randomUUID(), orderId, customer, new BigDecimal(amount));
    }
}
