package org.loyalty.rewards.checkout;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.rewards.certificate.CertificateTakeBack;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Refunds applied together, in a few statements whatever their number: recorded once per
 * refund id, added to their orders (an order not seen yet nets them when its purchase
 * arrives), and the spend they take out of certificates taken back in the order they came.
 */
@ApplicationScoped
public class RefundBatch {

    private final CertificateTakeBack takeBack;

    public RefundBatch(CertificateTakeBack takeBack) {
        this.takeBack = takeBack;
    }

    /** Applies the refunds; answers the event ids of those that were new refunds. */
    public Uni<Set<String>> apply(SqlConnection connection, List<CheckoutEvent.Refund> refunds) {
        if (refunds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return insert(connection, refunds).chain(fresh -> addToOrders(connection, fresh)
                .chain(() -> takeBack.afterRefunds(connection, fresh.stream()
                        .map(refund -> new CertificateTakeBack.RefundedOrder(refund.customerId(), refund.orderId())).toList()))
                .replaceWith(fresh.stream().map(CheckoutEvent.Refund::eventId).collect(Collectors.toSet())));
    }

    /** Inserts the refunds not seen before; answers them, first copy of a refund only. */
    private static Uni<List<CheckoutEvent.Refund>> insert(SqlConnection connection, List<CheckoutEvent.Refund> refunds) {
        return connection.preparedQuery("""
                INSERT INTO refund (refund_id, order_id, amount)
                SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[]) ON CONFLICT DO NOTHING RETURNING refund_id""")
                .execute(Tuple.of(
                        refunds.stream().map(CheckoutEvent.Refund::refundId).toArray(String[]::new),
                        refunds.stream().map(CheckoutEvent.Refund::orderId).toArray(String[]::new),
                        refunds.stream().map(CheckoutEvent.Refund::amount).toArray(BigDecimal[]::new)))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString(0)));
                    // remove(): a second event for the same refund is a duplicate
                    return refunds.stream().filter(refund -> inserted.remove(refund.refundId())).toList();
                });
    }

    /** Adds each order's new refunds to it, capped at its goods: the cap makes the sum of steps equal to one step of the sum. */
    private static Uni<Void> addToOrders(SqlConnection connection, List<CheckoutEvent.Refund> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, BigDecimal> byOrder = new TreeMap<>();
        fresh.forEach(refund -> byOrder.merge(refund.orderId(), refund.amount(), BigDecimal::add));
        return connection.preparedQuery("""
                UPDATE purchase p SET refunded_total = least(p.goods_total, p.refunded_total + r.amount)
                FROM unnest($1::text[], $2::numeric[]) AS r(order_id, amount) WHERE p.order_id = r.order_id""")
                .execute(Tuple.of(byOrder.keySet().toArray(String[]::new), byOrder.values().toArray(BigDecimal[]::new)))
                .replaceWithVoid();
    }
}
