package org.loyalty.points.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loyalty.points.ledger.CheckoutEvent.PurchaseCompleted;
import org.loyalty.points.ledger.CheckoutEvent.PurchaseRefunded;

/** The split of a poll into parts that can be applied at the same time: no shared row, every event once, in order. */
class IndependentPartsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:15:00Z");

    @Test
    void eventsOfOneCustomerStayTogetherInTheirOrder() {
        List<CheckoutEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(purchase("p" + i, "c" + (i % 8), "o" + i));
            events.add(refund("r" + i, "c" + (i % 8), "o" + i, "rf" + i));
        }

        List<List<CheckoutEvent>> parts = IndependentParts.split(events, 3);

        assertEquals(3, parts.size());
        assertSharesNothing(parts);
        assertEachEventOnceInItsOrder(events, parts);
        assertEquals(List.of(30, 30, 20), parts.stream().map(List::size).toList(), "8 customers of 10 events each: 3, 3 and 2 of them");
    }

    @Test
    void anOrderOrRefundSeenUnderTwoCustomersJoinsTheirParts() {
        List<CheckoutEvent> events = List.of(
                purchase("e1", "c1", "o1"),
                refund("e2", "c2", "o1", "r1"), // the order of c1 refunded under c2 (bad data, still one order row)
                purchase("e3", "c3", "o3"),
                refund("e4", "c4", "o4", "r3"),
                refund("e5", "c5", "o5", "r3"), // one refund id under two orders: one refund row
                purchase("e6", "c6", "o6"));

        List<List<CheckoutEvent>> parts = IndependentParts.split(events, 6);

        assertSharesNothing(parts);
        assertEachEventOnceInItsOrder(events, parts);
        assertTrue(parts.stream().anyMatch(part -> part.stream().map(CheckoutEvent::eventId).toList().equals(List.of("e1", "e2"))));
        assertTrue(parts.stream().anyMatch(part -> part.stream().map(CheckoutEvent::eventId).toList().equals(List.of("e4", "e5"))));
        assertEquals(4, parts.size());
    }

    @Test
    void oneCustomerOrOnePartAskedForIsOnePart() {
        List<CheckoutEvent> oneCustomer = List.of(purchase("e1", "c1", "o1"), purchase("e2", "c1", "o2"), refund("e3", "c1", "o1", "r1"));

        assertEquals(List.of(oneCustomer), IndependentParts.split(oneCustomer, 2));
        List<CheckoutEvent> twoCustomers = List.of(purchase("e1", "c1", "o1"), purchase("e2", "c2", "o2"));
        assertEquals(List.of(twoCustomers), IndependentParts.split(twoCustomers, 1));
    }

    private static void assertSharesNothing(List<List<CheckoutEvent>> parts) {
        Set<String> seen = new HashSet<>();
        for (List<CheckoutEvent> part : parts) {
            Set<String> keys = new HashSet<>();
            for (CheckoutEvent event : part) {
                keys.add("customer " + event.customerId());
                keys.add("order " + event.orderId());
                if (event instanceof PurchaseRefunded refund) {
                    keys.add("refund " + refund.refundId());
                }
            }
            for (String key : keys) {
                assertTrue(seen.add(key), key + " is in two parts");
            }
        }
    }

    private static void assertEachEventOnceInItsOrder(List<CheckoutEvent> events, List<List<CheckoutEvent>> parts) {
        assertEquals(events.size(), parts.stream().mapToInt(List::size).sum());
        for (List<CheckoutEvent> part : parts) {
            assertEquals(events.stream().filter(part::contains).toList(), part);
        }
    }

    private static PurchaseCompleted purchase(String eventId, String customer, String order) {
        return new PurchaseCompleted(eventId, order, customer, "USD", new BigDecimal("100.00"), NOW);
    }

    private static PurchaseRefunded refund(String eventId, String customer, String order, String refundId) {
        return new PurchaseRefunded(eventId, refundId, order, customer, "USD", new BigDecimal("10.00"), NOW);
    }
}
