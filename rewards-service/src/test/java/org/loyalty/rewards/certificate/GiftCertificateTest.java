package org.loyalty.rewards.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.rewards.RewardsWorld.awaitRewards;
import static org.loyalty.rewards.RewardsWorld.benefits;
import static org.loyalty.rewards.RewardsWorld.daysAgo;
import static org.loyalty.rewards.RewardsWorld.rewardsOfKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.rewards.RewardsWorld;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** 25 for every 200 spent within six months, once per crossing, taken back by refunds while unused. */
@QuarkusTest
class GiftCertificateTest {

    private static final RewardsWorld world = new RewardsWorld();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void eightySeventyAndSixtyWithinSixMonthsGiveExactlyOneCertificate() {
        String customer = RewardsWorld.customer("cert");
        world.purchase(customer, "o1-" + customer, "80.00", daysAgo(150));
        world.purchase(customer, "o2-" + customer, "70.00", daysAgo(60));
        world.purchase(customer, "o3-" + customer, "60.00", Instant.now());

        awaitRewards(customer, "FREE_SHIPPING", 1); // the third order is processed
        List<Map<String, Object>> certificates = rewardsOfKind(customer, "GIFT_CERTIFICATE");
        assertEquals(1, certificates.size());
        Map<String, Object> certificate = certificates.get(0);
        String code = (String) certificate.get("code");
        assertTrue(code.matches("GC(-[A-Z2-9]{5}){4}"), code);
        assertEquals("ACTIVE", certificate.get("status"));
        assertEquals(Map.of("amount", "25.00", "currency", "USD"), certificate.get("value"));

        JsonPath benefits = benefits(customer);
        assertEquals(List.of(code), benefits.getList("giftCertificates.code"));

        JsonPath issued = world.rewardEvents(customer, 2).stream()
                .filter(e -> "GIFT_CERTIFICATE".equals(e.getString("data.kind"))).findFirst().orElseThrow();
        assertEquals("reward.issued", issued.getString("type"));
        assertEquals(code, issued.getString("data.code"));
        assertEquals("25.00", issued.getString("data.value.amount"));
    }

    @Test
    void twoHundredTenSpreadOverSevenMonthsGivesNone() {
        String customer = RewardsWorld.customer("spread");
        world.purchase(customer, "o1-" + customer, "80.00", daysAgo(213));
        world.purchase(customer, "o2-" + customer, "70.00", daysAgo(110));
        world.purchase(customer, "o3-" + customer, "60.00", Instant.now());

        awaitRewards(customer, "FREE_SHIPPING", 1);
        assertEquals(0, rewardsOfKind(customer, "GIFT_CERTIFICATE").size());
    }

    @Test
    void fourHundredTenInOneWindowGivesTwo() {
        String customer = RewardsWorld.customer("two");
        world.purchase(customer, "o1-" + customer, "150.00", daysAgo(20));
        world.purchase(customer, "o2-" + customer, "260.00", daysAgo(10));
        world.purchase(customer, "o3-" + customer, "5.00", Instant.now());

        awaitRewards(customer, "FREE_SHIPPING", 1);
        assertEquals(2, rewardsOfKind(customer, "GIFT_CERTIFICATE").size());
    }

    @Test
    void duplicatedAndRedeliveredEventsStillGiveOne() {
        String customer = RewardsWorld.customer("dups");
        String eventId = UUID.randomUUID().toString();
        Instant placedAt = daysAgo(5);
        world.checkout.purchase(eventId, customer, "o1-" + customer, "120.00", placedAt);
        world.checkout.purchase(eventId, customer, "o1-" + customer, "120.00", placedAt);
        world.purchase(customer, "o1-" + customer, "120.00", placedAt); // the same order, another event id
        world.purchase(customer, "o2-" + customer, "80.00", daysAgo(4));
        world.purchase(customer, "o3-" + customer, "5.00", Instant.now());

        awaitRewards(customer, "FREE_SHIPPING", 1);
        assertEquals(1, rewardsOfKind(customer, "GIFT_CERTIFICATE").size());
    }

    @Test
    void aRefundRevokesAnUnusedCertificate() {
        String customer = RewardsWorld.customer("revoke");
        world.purchase(customer, "o1-" + customer, "120.00", daysAgo(5));
        world.purchase(customer, "o2-" + customer, "100.00", daysAgo(4));
        awaitRewards(customer, "GIFT_CERTIFICATE", 1);

        world.checkout.refund(customer, "o2-" + customer, "r1-" + customer, "50.00");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "REVOKED".equals(rewardsOfKind(customer, "GIFT_CERTIFICATE").get(0).get("status")));
        assertEquals(List.of(), benefits(customer).getList("giftCertificates"));
        JsonPath revoked = world.rewardEvents(customer, 2).get(1);
        assertEquals("reward.revoked", revoked.getString("type"));
        assertTrue(revoked.getString("data.reason").contains("o2-" + customer), revoked.getString("data.reason"));
    }

    @Test
    void aRefundLeavesAUsedCertificateUsed() {
        String customer = RewardsWorld.customer("used");
        world.purchase(customer, "o1-" + customer, "120.00", daysAgo(5));
        world.purchase(customer, "o2-" + customer, "100.00", daysAgo(4));
        String code = (String) awaitRewards(customer, "GIFT_CERTIFICATE", 1).get(0).get("code");
        RewardsWorld.redeem(code, "o3-" + customer, customer).then().statusCode(200);

        world.checkout.refund(customer, "o2-" + customer, "r1-" + customer, "50.00");
        world.purchase(customer, "o3-" + customer, "10.00", Instant.now()); // the third order: processed after the refund

        awaitRewards(customer, "FREE_SHIPPING", 1);
        assertEquals("REDEEMED", rewardsOfKind(customer, "GIFT_CERTIFICATE").get(0).get("status"));
        assertTrue(world.kafka.recordsWithKey("loyalty.rewards", customer).stream().noneMatch(r -> r.value().contains("reward.revoked")));
    }
}
