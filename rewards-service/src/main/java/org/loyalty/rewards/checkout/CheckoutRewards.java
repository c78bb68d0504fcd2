package org.loyalty.rewards.checkout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.rewards.benefit.StandingBenefits;
import org.loyalty.rewards.certificate.GiftCertificates;
import org.loyalty.rewards.customer.CustomerState;
import org.loyalty.rewards.customer.CustomerStore;
import org.loyalty.kit.messaging.InOrderApplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies a batch of checkout events in one transaction: purchases that no refund of the same
 * customer precedes in the batch all at once ({@link PurchaseBatch}); the rest in order, on the
 * customer states locked for the whole batch, where each records the purchase or refund (once per order and refund id),
 * and re-evaluates certificates and standing benefits.
 */
@ApplicationScoped
public class CheckoutRewards {

    private final InOrderApplier applier;
    private final PurchaseBatch purchaseBatch;
    private final CustomerStore customers;
    private final GiftCertificates certificates;
    private final StandingBenefits benefits;

    public CheckoutRewards(InOrderApplier applier, PurchaseBatch purchaseBatch, CustomerStore customers, GiftCertificates certificates, StandingBenefits benefits) {
        this.applier = applier;
        this.purchaseBatch = purchaseBatch;
        this.customers = customers;
        this.certificates = certificates;
        this.benefits = benefits;
    }

    public Uni<Void> apply(List<CheckoutEvent> events) {
        return applier.applyAll(events, CheckoutEvent::eventId, CheckoutEvent::type, this::applyBatch);
    }

    /**
     * A customer's purchases up to their first refund in the poll go through {@link PurchaseBatch},
     * which runs first; from that refund on, their events keep their exact order, one at a time.
     */
    private Uni<Set<String>> applyBatch(SqlConnection connection, List<CheckoutEvent> events) {
        Set<String> refunding = new HashSet<>();
        List<CheckoutEvent.Purchase> together = new ArrayList<>();
        List<CheckoutEvent> inOrder = new ArrayList<>();
        for (CheckoutEvent event : events) {
            if (event instanceof CheckoutEvent.Refund) {
                refunding.add(event.customerId());
            }
            if (refunding.contains(event.customerId())) {
                inOrder.add(event);
            } else {
                together.add((CheckoutEvent.Purchase) event);
            }
        }
        // Every customer of the poll is locked first, in customer order, as the segment consumer does:
        // two transactions of this service never wait for each other in a cycle.
        return customers.lockAll(connection, events.stream().map(CheckoutEvent::customerId).toList())
                .chain(states -> purchaseBatch.apply(connection, together, states)
                        .chain(batched -> InOrderApplier.inOrder(connection, inOrder, CheckoutEvent::eventId,
                                        (c, event) -> applyNew(c, event, states.get(event.customerId())))
                                .map(oneByOne -> {
                                    Set<String> applied = new HashSet<>(batched);
                                    applied.addAll(oneByOne);
                                    return applied;
                                })));
    }

    /** @param state the customer's state as locked for the poll, with what the poll did to it so far */
    private Uni<Boolean> applyNew(SqlConnection connection, CheckoutEvent event, CustomerState state) {
        return event instanceof CheckoutEvent.Purchase purchase
                ? purchase(connection, state, purchase)
                : refund(connection, (CheckoutEvent.Refund) event);
    }

    private Uni<Boolean> purchase(SqlConnection connection, CustomerState state, CheckoutEvent.Purchase purchase) {
        return connection.preparedQuery("""
                INSERT INTO purchase (order_id, customer_id, placed_at, goods_total, refunded_total)
                VALUES ($1, $2, $3, $4, least($4, (SELECT coalesce(sum(amount), 0) FROM refund WHERE order_id = $1)))
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(purchase.orderId(), purchase.customerId(), purchase.placedAt().atOffset(java.time.ZoneOffset.UTC),
                        purchase.goodsTotal()))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false); // the same order under another event id
                    }
                    state.countOrder(purchase.placedAt());
                    Uni<Void> saved = customers.save(connection, state)
                            .chain(() -> certificates.afterPurchases(connection, List.of(
                                    new GiftCertificates.NewPurchase(purchase.customerId(), purchase.orderId(), purchase.placedAt()))));
                    // Of the standing benefits, only free shipping depends on orders, and only at its threshold.
                    return (benefits.reachesFreeShippingWith(state) ? saved.chain(() -> benefits.reconcile(connection, state)) : saved)
                            .replaceWith(true);
                });
    }

    private Uni<Boolean> refund(SqlConnection connection, CheckoutEvent.Refund refund) {
        return connection.preparedQuery("INSERT INTO refund (refund_id, order_id, amount) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(refund.refundId(), refund.orderId(), refund.amount()))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false); // the same refund again
                    }
                    // An unknown order takes the refund into account when its purchase arrives.
                    return connection.preparedQuery("""
                            UPDATE purchase SET refunded_total = least(goods_total, refunded_total + $2) WHERE order_id = $1
                            RETURNING allocated - (goods_total - refunded_total)""")
                            .execute(Tuple.of(refund.orderId(), refund.amount()))
                            .chain(updated -> updated.size() == 0
                                    ? Uni.createFrom().voidItem()
                                    : certificates.afterRefund(connection, refund.orderId(), updated.iterator().next().getBigDecimal(0)))
                            .replaceWith(true);
                });
    }
}
