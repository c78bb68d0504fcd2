package org.loyalty.rewards.checkout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.rewards.customer.CustomerState;
import org.loyalty.rewards.customer.CustomerStore;
import org.loyalty.kit.messaging.InOrderApplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Applies a batch of checkout events in one transaction, on the customer states locked for the
 * whole batch. Each customer's events keep their order where it matters: purchases that no
 * refund of the same customer precedes in the batch go all at once ({@link PurchaseBatch}),
 * then refunds that no later purchase of their customer follows ({@link RefundBatch}), and the
 * rest (a purchase after a refund in the same poll) one at a time, where each records the
 * purchase or refund (once per order and refund id) and re-evaluates certificates and standing benefits.
 */
@ApplicationScoped
public class CheckoutRewards {

    private final InOrderApplier applier;
    private final PurchaseBatch purchaseBatch;
    private final RefundBatch refundBatch;
    private final CustomerStore customers;

    public CheckoutRewards(InOrderApplier applier, PurchaseBatch purchaseBatch, RefundBatch refundBatch, CustomerStore customers) {
        this.applier = applier;
        this.purchaseBatch = purchaseBatch;
        this.refundBatch = refundBatch;
        this.customers = customers;
    }

    public Uni<Void> apply(List<CheckoutEvent> events) {
        return applier.applyAll(events, CheckoutEvent::eventId, CheckoutEvent::type, this::applyBatch);
    }

    /** A poll's events, each customer's in the part that keeps their order (see {@link #split}). */
    private record Parts(List<CheckoutEvent.Purchase> together, List<CheckoutEvent.Refund> refunds, List<CheckoutEvent> inOrder) {
    }

    private Uni<Set<String>> applyBatch(SqlConnection connection, List<CheckoutEvent> events) {
        Parts parts = split(events);
        Set<String> applied = new HashSet<>();
        // Every customer of the poll is locked first, in customer order, as the segment consumer does:
        // two transactions of this service never wait for each other in a cycle.
        return customers.lockAll(connection, events.stream().map(CheckoutEvent::customerId).toList())
                .chain(states -> purchaseBatch.apply(connection, parts.together(), states).invoke(applied::addAll)
                        .chain(() -> refundBatch.apply(connection, parts.refunds())).invoke(applied::addAll)
                        .chain(() -> InOrderApplier.inOrder(connection, parts.inOrder(), CheckoutEvent::eventId,
                                (c, event) -> applyNew(c, event, states.get(event.customerId())))).invoke(applied::addAll))
                .replaceWith(applied);
    }

    /**
     * Customers are independent of each other (certificates and benefits are one customer's), so
     * only each customer's own order has to hold: their purchases up to their first refund,
     * then their refunds, and for a customer who buys again after a refund, everything from the
     * first refund on in order.
     */
    private static Parts split(List<CheckoutEvent> events) {
        Set<String> buysAfterRefund = new HashSet<>();
        Set<String> refunding = new HashSet<>();
        for (CheckoutEvent event : events) {
            if (event instanceof CheckoutEvent.Refund) {
                refunding.add(event.customerId());
            } else if (refunding.contains(event.customerId())) {
                buysAfterRefund.add(event.customerId());
            }
        }
        Parts parts = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Set<String> refundedSoFar = new HashSet<>();
        for (CheckoutEvent event : events) {
            if (event instanceof CheckoutEvent.Refund) {
                refundedSoFar.add(event.customerId());
            }
            if (!refundedSoFar.contains(event.customerId())) {
                parts.together().add((CheckoutEvent.Purchase) event);
            } else if (buysAfterRefund.contains(event.customerId())) {
                parts.inOrder().add(event);
            } else {
                parts.refunds().add((CheckoutEvent.Refund) event);
            }
        }
        return parts;
    }

    /** @param state the customer's state as locked for the poll, with what the poll did to it so far */
    private Uni<Boolean> applyNew(SqlConnection connection, CheckoutEvent event, CustomerState state) {
        return event instanceof CheckoutEvent.Purchase purchase
                ? purchase(connection, state, purchase)
                : refundBatch.apply(connection, List.of((CheckoutEvent.Refund) event)).map(applied -> !applied.isEmpty());
    }

    /** One purchase, applied as a poll of one (after a refund of its customer in the same poll). */
    private Uni<Boolean> purchase(SqlConnection connection, CustomerState state, CheckoutEvent.Purchase purchase) {
        return purchaseBatch.apply(connection, List.of(purchase), Map.of(purchase.customerId(), state)).map(applied -> !applied.isEmpty());
    }
}
