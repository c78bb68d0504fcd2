package org.loyalty.rewards.checkout;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.sql.Columns;
import org.loyalty.rewards.benefit.StandingBenefits;
import org.loyalty.rewards.certificate.GiftCertificates;
import org.loyalty.rewards.customer.CustomerState;
import org.loyalty.rewards.customer.CustomerStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The purchases of a poll applied together, those that no refund of the same customer precedes
 * in it (the customers' rows locked by the caller): the orders not seen before found in one
 * query, their certificates planned in memory ({@link GiftCertificates#plan}), the purchases
 * inserted in one statement with the spend their certificates take, order counts saved in one,
 * the certificates issued in a few set-based statements, and the standing benefits of every
 * customer who reaches free shipping reconciled together.
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

    /** A purchase of an order not seen before, and what refunds that came before it took of it. */
    private record NewOrder(CheckoutEvent.Purchase purchase, BigDecimal refunded) {

        GiftCertificates.NewPurchase forCertificates() {
            return new GiftCertificates.NewPurchase(purchase.customerId(), purchase.orderId(), purchase.placedAt(),
                    purchase.goodsTotal().subtract(refunded));
        }
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
        return newOrders(connection, purchases)
                .chain(fresh -> certificates.plan(connection, fresh.stream().map(NewOrder::forCertificates).toList())
                        .chain(plan -> record(connection, fresh, plan, states)));
    }

    /** Records the new orders as planned: the purchases, their customers' order counts, the certificates, the benefits. */
    private Uni<Set<String>> record(SqlConnection connection, List<NewOrder> fresh, GiftCertificates.Plan plan,
            Map<String, CustomerState> states) {
        Set<CustomerState> reachingFreeShipping = new LinkedHashSet<>();
        Set<CustomerState> touched = new LinkedHashSet<>();
        for (NewOrder order : fresh) {
            CustomerState state = states.get(order.purchase().customerId());
            state.countOrder(order.purchase().placedAt());
            touched.add(state);
            if (benefits.reachesFreeShippingWith(state)) {
                reachingFreeShipping.add(state);
            }
        }
        return insert(connection, fresh, plan)
                .chain(() -> customers.saveAll(connection, touched))
                .chain(() -> certificates.issue(connection, plan))
                .chain(() -> benefits.reconcileAll(connection, reachingFreeShipping))
                .replaceWith(fresh.stream().map(order -> order.purchase().eventId()).collect(Collectors.toSet()));
    }

    /**
     * The purchases of orders not recorded yet, the first event of an order only (a second one is
     * a duplicate), each with the refunds recorded for its order before it arrived.
     */
    private static Uni<List<NewOrder>> newOrders(SqlConnection connection, List<CheckoutEvent.Purchase> purchases) {
        return connection.preparedQuery("""
                SELECT o.order_id, (SELECT coalesce(sum(r.amount), 0) FROM refund r WHERE r.order_id = o.order_id)
                FROM unnest($1::text[]) AS o(order_id)
                WHERE NOT EXISTS (SELECT 1 FROM purchase p WHERE p.order_id = o.order_id)""")
                .execute(Tuple.of((Object) purchases.stream().map(CheckoutEvent.Purchase::orderId).distinct().toArray(String[]::new)))
                .map(rows -> {
                    Map<String, BigDecimal> refundedOfNew = new HashMap<>();
                    rows.forEach(row -> refundedOfNew.put(row.getString(0), row.getBigDecimal(1)));
                    List<NewOrder> fresh = new ArrayList<>();
                    for (CheckoutEvent.Purchase purchase : purchases) {
                        BigDecimal refunded = refundedOfNew.remove(purchase.orderId()); // remove(): a second event of an order is a duplicate
                        if (refunded != null) {
                            fresh.add(new NewOrder(purchase, refunded.min(purchase.goodsTotal())));
                        }
                    }
                    return fresh;
                });
    }

    /**
     * Inserts the new orders, each with the spend its certificates take. The customers are locked,
     * so no other transaction of this service records their orders meanwhile; an order id that
     * another customer's transaction recorded first fails the poll, which is applied again and
     * then finds it recorded.
     */
    private static Uni<Void> insert(SqlConnection connection, List<NewOrder> fresh, GiftCertificates.Plan plan) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                INSERT INTO purchase (order_id, customer_id, placed_at, goods_total, refunded_total, allocated)
                SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::numeric[], $5::numeric[], $6::numeric[])
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.tuple(List.of(
                        Columns.of(fresh, o -> o.purchase().orderId(), String[]::new),
                        Columns.of(fresh, o -> o.purchase().customerId(), String[]::new),
                        Columns.of(fresh, o -> o.purchase().placedAt().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new),
                        Columns.of(fresh, o -> o.purchase().goodsTotal(), BigDecimal[]::new),
                        Columns.of(fresh, NewOrder::refunded, BigDecimal[]::new),
                        Columns.of(fresh, o -> plan.allocatedOf(o.purchase().orderId()), BigDecimal[]::new))))
                .invoke(rows -> {
                    if (rows.rowCount() != fresh.size()) {
                        throw new IllegalStateException("An order of this poll was recorded by another transaction meanwhile; "
                                + "the poll is applied again");
                    }
                })
                .replaceWithVoid();
    }
}
