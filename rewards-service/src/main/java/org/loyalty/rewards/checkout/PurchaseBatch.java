package org.loyalty.rewards.checkout;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.rewards.benefit.StandingBenefits;
import org.loyalty.rewards.certificate.GiftCertificates;
import org.loyalty.rewards.customer.CustomerState;
import org.loyalty.rewards.customer.CustomerStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The purchases of a poll applied together, those that no refund of the same customer precedes
 * in it (the customers' rows locked by the caller): the purchases inserted in one statement
 * (once per order), order counts saved in one, certificates replayed in memory and issued in a
 * few set-based statements, and the standing benefits of every customer who reaches free
 * shipping reconciled together.
 */
@ApplicationScoped
public class PurchaseBatch {

    private final CustomerStore customers;
    private final GiftCertificates certificates;
    private final StandingBenefits benefits;

    public PurchaseBatch(CustomerStore customers, GiftCertificates certificates, StandingBenefits benefits) {
        this.customers = customers;
        this.certificates = certificates;
        this.benefits = benefits;
    }

    /**
     * Applies the purchases; answers the event ids of those that were new orders.
     *
     * @param states the purchasing customers' states, locked by the caller
     */
    public Uni<Set<String>> apply(SqlConnection connection, List<CheckoutEvent.Purchase> purchases, Map<String, CustomerState> states) {
        if (purchases.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return insert(connection, purchases).chain(fresh -> {
            Set<CustomerState> reachingFreeShipping = new LinkedHashSet<>();
            for (CheckoutEvent.Purchase purchase : fresh) {
                CustomerState state = states.get(purchase.customerId());
                state.countOrder(purchase.placedAt());
                if (benefits.reachesFreeShippingWith(state)) {
                    reachingFreeShipping.add(state);
                }
            }
            Set<CustomerState> touched = new LinkedHashSet<>();
            fresh.forEach(purchase -> touched.add(states.get(purchase.customerId())));
            return customers.saveAll(connection, touched)
                    .chain(() -> certificates.afterPurchases(connection, fresh.stream()
                            .map(p -> new GiftCertificates.NewPurchase(p.customerId(), p.orderId(), p.placedAt())).toList()))
                    .chain(() -> benefits.reconcileAll(connection, reachingFreeShipping))
                    .replaceWith(fresh.stream().map(CheckoutEvent.Purchase::eventId).collect(Collectors.toSet()));
        });
    }

    /** Inserts the purchases not seen before, netting refunds that came first; answers them, first copy of an order only. */
    private static Uni<List<CheckoutEvent.Purchase>> insert(SqlConnection connection, List<CheckoutEvent.Purchase> purchases) {
        return connection.preparedQuery("""
                INSERT INTO purchase (order_id, customer_id, placed_at, goods_total, refunded_total)
                SELECT o, c, p, g, least(g, (SELECT coalesce(sum(amount), 0) FROM refund WHERE order_id = o))
                FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::numeric[]) AS t(o, c, p, g)
                ON CONFLICT DO NOTHING RETURNING order_id""")
                .execute(Tuple.of(
                        purchases.stream().map(CheckoutEvent.Purchase::orderId).toArray(String[]::new),
                        purchases.stream().map(CheckoutEvent.Purchase::customerId).toArray(String[]::new),
                        purchases.stream().map(p -> p.placedAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                        purchases.stream().map(CheckoutEvent.Purchase::goodsTotal).toArray(BigDecimal[]::new)))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString(0)));
                    List<CheckoutEvent.Purchase> fresh = new ArrayList<>();
                    for (CheckoutEvent.Purchase purchase : purchases) {
                        if (inserted.remove(purchase.orderId())) { // remove(): a second event for the same order is a duplicate
                            fresh.add(purchase);
                        }
                    }
                    return fresh;
                });
    }
}
