package org.loyalty.rewards.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** A batch of purchases replayed in memory earns what the same purchases earn one at a time. */
class FreeSpendReplayTest {

    private static final Instant JAN = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-10T10:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant AUG = Instant.parse("2026-08-20T10:00:00Z");

    private final FreeSpendReplay replay = new FreeSpendReplay(new BigDecimal("200"), 6);

    @Test
    void eightySeventySixtyInOneBatchEarnOneCertificate() {
        List<FreeSpendReplay.Earned> earned = replay.replay(List.of(batch("c", "a", JAN, "80.00"), batch("c", "b", FEB, "70.00"),
                batch("c", "d", MAR, "60.00")));
        assertEquals(1, earned.size());
        assertEquals(Map.of("a", "80.00", "b", "70.00", "d", "50.00"), cents(earned.get(0)));
    }

    @Test
    void spendBeforeTheBatchCountsButNotOutsideTheWindow() {
        replay.add("c", "old", JAN, new BigDecimal("150.00"), false);
        // January is more than six months before August
        assertEquals(List.of(), replay.replay(List.of(batch("c", "late", AUG, "100.00"))));
    }

    @Test
    void aLaterPurchaseOfTheBatchDoesNotCountForAnEarlierOne() {
        replay.add("c", "old", JAN, new BigDecimal("120.00"), false);
        GiftCertificates.NewPurchase x = batch("c", "x", MAR, "90.00");
        GiftCertificates.NewPurchase y = batch("c", "y", FEB, "90.00"); // arrives second, placed earlier: its window ends in February
        List<FreeSpendReplay.Earned> earned = replay.replay(List.of(x, y));
        assertEquals(1, earned.size());
        assertEquals(Map.of("old", "120.00", "x", "80.00"), cents(earned.get(0)));
    }

    @Test
    void customersDoNotShareSpend() {
        assertEquals(List.of(), replay.replay(List.of(batch("c1", "a", JAN, "150.00"), batch("c2", "b", JAN, "150.00"))));
    }

    /** A purchase of the batch, its spend known to the replay. */
    private GiftCertificates.NewPurchase batch(String customer, String order, Instant placedAt, String free) {
        replay.add(customer, order, placedAt, new BigDecimal(free), true);
        return new GiftCertificates.NewPurchase(customer, order, placedAt, new BigDecimal(free));
    }

    private static Map<String, String> cents(FreeSpendReplay.Earned earned) {
        return earned.allocation().byOrder().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().setScale(2).toPlainString()));
    }
}
