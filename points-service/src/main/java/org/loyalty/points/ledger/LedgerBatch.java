package org.loyalty.points.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loyalty.points.ledger.CheckoutEvent.PurchaseCompleted;
import org.loyalty.points.ledger.CheckoutEvent.PurchaseRefunded;

/**
 * Applies a batch of new (already de-duplicated by event id) checkout events, in order, to
 * the state loaded for them, in memory. The result is what to write: ledger entries, changed
 * orders, new refunds and changed accounts. Pure logic, so the rules are testable without I/O.
 * <p>
 * Every order is re-netted on each event: points kept = floor((goods - refunds) / unit), and
 * the entry is the difference from what the order credited before. That makes a second
 * purchase.completed for an order a no-op, caps reversals at what the order earned, and gets
 * the balance right when a refund overtakes its purchase.
 */
public final class LedgerBatch {

    private final PointsPolicy policy;
    private final Map<String, OrderPoints> orders;
    private final Set<String> knownRefunds;
    private final Map<String, PointsAccount> accounts;

    private final Map<String, OrderPoints> changedOrders = new LinkedHashMap<>();
    private final List<PurchaseRefunded> newRefunds = new ArrayList<>();
    private final Map<String, PointsAccount> changedAccounts = new LinkedHashMap<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Set<String> ignoredEventIds = new LinkedHashSet<>();

    public LedgerBatch(PointsPolicy policy, Map<String, OrderPoints> orders, Set<String> knownRefunds,
            Map<String, PointsAccount> accounts) {
        this.policy = policy;
        this.orders = new LinkedHashMap<>(orders);
        this.knownRefunds = new LinkedHashSet<>(knownRefunds);
        this.accounts = accounts;
    }

    public LedgerBatch apply(List<CheckoutEvent> events) {
        for (CheckoutEvent event : events) {
            if (event instanceof PurchaseCompleted purchase) {
                applyPurchase(purchase);
            } else if (event instanceof PurchaseRefunded refund) {
                applyRefund(refund);
            }
        }
        return this;
    }

    private void applyPurchase(PurchaseCompleted purchase) {
        OrderPoints order = orders.computeIfAbsent(purchase.orderId(), id -> OrderPoints.unseen(id, purchase.customerId()));
        if (order.purchaseSeen()) {
            ignoredEventIds.add(purchase.eventId()); // the same order under another event id earns nothing
            return;
        }
        order.goodsTotal = purchase.goodsTotal();
        order.currency = purchase.currency();
        order.availableAt = policy.availableAt(purchase.placedAt());
        renet(order, purchase.placedAt(), LedgerEntry.Type.EARN, null);
    }

    private void applyRefund(PurchaseRefunded refund) {
        if (!knownRefunds.add(refund.refundId())) {
            ignoredEventIds.add(refund.eventId());
            return;
        }
        newRefunds.add(refund);
        OrderPoints order = orders.computeIfAbsent(refund.orderId(), id -> OrderPoints.unseen(id, refund.customerId()));
        order.refundedTotal = order.refundedTotal.add(refund.goodsAmount());
        renet(order, refund.refundedAt(), LedgerEntry.Type.REVERSE, refund.refundId());
    }

    private void renet(OrderPoints order, Instant at, LedgerEntry.Type type, String refundId) {
        long kept = policy.pointsKept(order.goodsTotal, order.refundedTotal);
        long change = kept - order.points;
        order.points = kept;
        changedOrders.put(order.orderId, order);

        PointsAccount account = account(order.customerId);
        account.balance += change;
        account.lifetimeEarned += change;
        account.recordActivity(at);
        changedAccounts.put(account.customerId, account);
        if (change != 0) {
            entries.add(new LedgerEntry(account.customerId, type, change, account.balance, order.orderId, refundId, null, at));
        }
    }

    private PointsAccount account(String customerId) {
        PointsAccount account = accounts.get(customerId);
        if (account == null) {
            throw new IllegalStateException("Account of " + customerId + " was not loaded for this batch");
        }
        return account;
    }

    public List<LedgerEntry> entries() {
        return entries;
    }

    public List<OrderPoints> changedOrders() {
        return List.copyOf(changedOrders.values());
    }

    public List<PurchaseRefunded> newRefunds() {
        return newRefunds;
    }

    public List<PointsAccount> changedAccounts() {
        return List.copyOf(changedAccounts.values());
    }

    /** Events that were new by id but changed nothing (an order or refund seen before). */
    public Set<String> ignoredEventIds() {
        return ignoredEventIds;
    }
}
