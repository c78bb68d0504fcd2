package org.loyalty.points.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loyalty.points.ledger.CheckoutEvent.PurchaseCompleted;
import org.loyalty.points.ledger.CheckoutEvent.PurchaseRefunded;

/** The netting rule alone: floor((goods - refunds) / 10), whatever the order of events. */
class LedgerBatchTest {

    private static final PointsPolicy POLICY = new PointsPolicy(BigDecimal.TEN, 0, Set.of("USD"));
    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    @Test
    void manySmallRefundsNeverDriftFromTheNetAmount() {
        List<CheckoutEvent> events = new java.util.ArrayList<>();
        events.add(purchase("e0", "o1", "99.99"));
        for (int i = 1; i <= 9; i++) {
            events.add(refund("e" + i, "r" + i, "o1", "3.33"));
        }
        LedgerBatch batch = apply(events);
        // 99.99 - 29.97 = 70.02 keeps 7 points, as if refunded at once.
        assertEquals(7, batch.changedAccounts().get(0).balance());
        assertEquals(7, batch.entries().stream().mapToLong(LedgerEntry::points).sum());
    }

    @Test
    void aSecondPurchaseOfTheSameOrderAndARepeatedRefundChangeNothing() {
        LedgerBatch batch = apply(List.of(
                purchase("e1", "o1", "50.00"),
                purchase("e2", "o1", "90.00"),
                refund("e3", "r1", "o1", "20.00"),
                refund("e4", "r1", "o1", "20.00")));
        assertEquals(3, batch.changedAccounts().get(0).balance());
        assertEquals(Set.of("e2", "e4"), batch.ignoredEventIds());
        assertEquals(List.of(5L, -2L), batch.entries().stream().map(LedgerEntry::points).toList());
    }

    @Test
    void refundsBeyondTheOrderTakeNoMoreThanItEarned() {
        LedgerBatch batch = apply(List.of(
                purchase("e1", "o1", "100.00"),
                refund("e2", "r1", "o1", "80.00"),
                refund("e3", "r2", "o1", "80.00")));
        assertEquals(0, batch.changedAccounts().get(0).balance());
        assertEquals(List.of(10L, -8L, -2L), batch.entries().stream().map(LedgerEntry::points).toList());
    }

    private static LedgerBatch apply(List<CheckoutEvent> events) {
        Map<String, PointsAccount> accounts = new HashMap<>();
        accounts.put("c-1", new PointsAccount("c-1", 0, 0, 0, NOW));
        return new LedgerBatch(POLICY, Map.of(), Set.of(), accounts).apply(events);
    }

    private static PurchaseCompleted purchase(String eventId, String orderId, String goods) {
        return new PurchaseCompleted(eventId, orderId, "c-1", "USD", new BigDecimal(goods), NOW);
    }

    private static PurchaseRefunded refund(String eventId, String refundId, String orderId, String amount) {
        return new PurchaseRefunded(eventId, refundId, orderId, "c-1", "USD", new BigDecimal(amount), NOW);
    }
}
