package org.loyalty.profile.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.profile.customer.Profiles;
import org.loyalty.profile.segment.PurchaseCounters;
import org.loyalty.profile.segment.Reclassifier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A poll of purchases and refunds applied set-based, in a handful of statements whatever its
 * size: the counters a purchase or refund changes are sums, so the batch's order inside it
 * does not matter. A refund is netted from the order's spend whether it arrives before the
 * purchase, in the same poll or later; a referred customer's first purchase credits the
 * referrer once; every customer touched (referrers included) is re-evaluated once.
 */
@ApplicationScoped
public class CheckoutHistory {

    private final Profiles profiles;
    private final Reclassifier reclassifier;

    public CheckoutHistory(Profiles profiles, Reclassifier reclassifier) {
        this.profiles = profiles;
        this.reclassifier = reclassifier;
    }

    /** True when every event of the batch is a purchase or a refund. */
    static boolean handles(List<ActivityEvent> batch) {
        return batch.stream().allMatch(event -> event instanceof ActivityEvent.Purchase || event instanceof ActivityEvent.Refund);
    }

    /** Applies the new events; answers the ids of those that were not duplicates by order or refund id. */
    public Uni<Set<String>> apply(SqlConnection connection, List<ActivityEvent> events) {
        List<ActivityEvent.Purchase> purchases = new ArrayList<>();
        List<ActivityEvent.Refund> refunds = new ArrayList<>();
        events.forEach(event -> {
            if (event instanceof ActivityEvent.Purchase purchase) {
                purchases.add(purchase);
            } else {
                refunds.add((ActivityEvent.Refund) event);
            }
        });
        Set<String> customers = new TreeSet<>();
        events.forEach(event -> customers.add(event.customerId()));
        Set<String> applied = new HashSet<>();
        return profiles.ensureAndLock(connection, customers)
                .chain(() -> insertRefunds(connection, refunds, applied))
                .chain(() -> insertPurchases(connection, purchases, applied))
                .chain(newOrders -> newCounters(connection, customers, newOrders, lateRefunds(refunds, applied, newOrders)))
                .chain(counted -> creditReferrers(connection, counted.referrerOf())
                        .chain(referrers -> {
                            customers.addAll(referrers);
                            return reclassifier.reevaluateAll(connection, customers, counted.counters());
                        }))
                .replaceWith(applied);
    }

    private static Uni<Void> insertRefunds(SqlConnection connection, List<ActivityEvent.Refund> refunds, Set<String> applied) {
        if (refunds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                INSERT INTO profile_refund (refund_id, order_id, customer_id, amount)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[]) ON CONFLICT DO NOTHING RETURNING refund_id""")
                .execute(Tuple.of(
                        refunds.stream().map(ActivityEvent.Refund::refundId).toArray(String[]::new),
                        refunds.stream().map(ActivityEvent.Refund::orderId).toArray(String[]::new),
                        refunds.stream().map(ActivityEvent.Refund::customerId).toArray(String[]::new),
                        refunds.stream().map(ActivityEvent.Refund::amount).toArray(BigDecimal[]::new)))
                .invoke(rows -> markApplied(rows, refunds, ActivityEvent.Refund::refundId, applied))
                .replaceWithVoid();
    }

    /** Inserts the purchases not seen before (by order id) and answers them, first copy only. */
    private static Uni<List<ActivityEvent.Purchase>> insertPurchases(SqlConnection connection, List<ActivityEvent.Purchase> purchases,
            Set<String> applied) {
        if (purchases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery("""
                INSERT INTO profile_purchase (order_id, customer_id, goods_total, placed_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::timestamptz[]) ON CONFLICT DO NOTHING RETURNING order_id""")
                .execute(Tuple.of(
                        purchases.stream().map(ActivityEvent.Purchase::orderId).toArray(String[]::new),
                        purchases.stream().map(ActivityEvent.Purchase::customerId).toArray(String[]::new),
                        purchases.stream().map(ActivityEvent.Purchase::goodsTotal).toArray(BigDecimal[]::new),
                        purchases.stream().map(p -> p.placedAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    markApplied(rows, purchases, ActivityEvent.Purchase::orderId, applied);
                    return purchases.stream().filter(p -> applied.contains(p.eventId())).toList();
                });
    }

    /** The new refunds of orders counted before this poll: they lower the customer's spend now. */
    private static List<ActivityEvent.Refund> lateRefunds(List<ActivityEvent.Refund> refunds, Set<String> applied,
            List<ActivityEvent.Purchase> newOrders) {
        Set<String> justCounted = new HashSet<>();
        newOrders.forEach(p -> justCounted.add(p.orderId()));
        return refunds.stream().filter(r -> applied.contains(r.eventId()) && !justCounted.contains(r.orderId())).toList();
    }

    /** The poll's customers' new purchase counters, and the referrer of each referred customer who bought for the first time. */
    private record Counted(Map<String, PurchaseCounters> counters, Map<String, String> referrerOf) {
    }

    /**
     * The poll's customers' counters with its new purchases added (each order's spend net of every
     * refund recorded for it so far) and late refunds subtracted, computed but not written: the
     * reclassification writes them with the segment. The customers' rows are locked by now.
     */
    private static Uni<Counted> newCounters(SqlConnection connection, Set<String> customers, List<ActivityEvent.Purchase> newOrders,
            List<ActivityEvent.Refund> lateRefunds) {
        if (newOrders.isEmpty() && lateRefunds.isEmpty()) {
            return Uni.createFrom().item(new Counted(Map.of(), Map.of()));
        }
        return connection.preparedQuery("""
                WITH bought AS (
                    SELECT p.customer_id, count(*) AS orders,
                           sum(greatest(0, p.goods_total - coalesce((SELECT sum(r.amount) FROM profile_refund r WHERE r.order_id = p.order_id), 0))) AS spent,
                           min(p.placed_at) AS first_at, max(p.placed_at) AS last_at
                    FROM profile_purchase p WHERE p.order_id = ANY($2) GROUP BY p.customer_id),
                refunded AS (
                    SELECT r.customer_id, sum(r.amount) AS amount FROM unnest($3::text[], $4::text[], $5::numeric[]) AS r(customer_id, order_id, amount)
                    WHERE EXISTS (SELECT 1 FROM profile_purchase p WHERE p.order_id = r.order_id) GROUP BY r.customer_id)
                SELECT c.customer_id, c.referred_by, c.referral_credited, b.orders IS NOT NULL AS bought,
                       c.purchases + coalesce(b.orders, 0) AS purchases,
                       greatest(0, c.total_spent + coalesce(b.spent, 0) - coalesce(refunded.amount, 0)) AS total_spent,
                       least(c.first_purchase_at, b.first_at) AS first_purchase_at,
                       greatest(c.last_purchase_at, b.last_at) AS last_purchase_at
                FROM customer c LEFT JOIN bought b ON b.customer_id = c.customer_id LEFT JOIN refunded ON refunded.customer_id = c.customer_id
                WHERE c.customer_id = ANY($1)""")
                .execute(Tuple.tuple(List.of(customers.toArray(String[]::new),
                        newOrders.stream().map(ActivityEvent.Purchase::orderId).toArray(String[]::new),
                        lateRefunds.stream().map(ActivityEvent.Refund::customerId).toArray(String[]::new),
                        lateRefunds.stream().map(ActivityEvent.Refund::orderId).toArray(String[]::new),
                        lateRefunds.stream().map(ActivityEvent.Refund::amount).toArray(BigDecimal[]::new))))
                .map(rows -> {
                    Map<String, PurchaseCounters> counters = new HashMap<>();
                    Map<String, String> referrerOf = new HashMap<>();
                    rows.forEach(row -> {
                        counters.put(row.getString("customer_id"), PurchaseCounters.of(row));
                        if (row.getBoolean("bought") && row.getString("referred_by") != null && !row.getBoolean("referral_credited")) {
                            referrerOf.put(row.getString("customer_id"), row.getString("referred_by"));
                        }
                    });
                    return new Counted(counters, referrerOf);
                });
    }

    /** The first completed purchase of a referred customer counts once for the one who referred them; answers the referrers. */
    private static Uni<Set<String>> creditReferrers(SqlConnection connection, Map<String, String> referrerOf) {
        if (referrerOf.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Map<String, Integer> referrals = new TreeMap<>();
        referrerOf.values().forEach(referrer -> referrals.merge(referrer, 1, Integer::sum));
        return connection.preparedQuery("UPDATE customer SET referral_credited = true WHERE customer_id = ANY($1)")
                .execute(Tuple.of(referrerOf.keySet().toArray(String[]::new)))
                // a separate statement: a referrer may be one of the referred customers just credited
                .chain(() -> connection.preparedQuery("""
                        UPDATE customer c SET referrals_bought = c.referrals_bought + n.referrals
                        FROM unnest($1::text[], $2::int[]) AS n(referrer, referrals) WHERE c.customer_id = n.referrer""")
                        .execute(Tuple.of(referrals.keySet().toArray(String[]::new), referrals.values().toArray(Integer[]::new))))
                .replaceWith(referrals.keySet());
    }

    /** The events whose business key came back from an INSERT ... RETURNING, the first of equal keys only. */
    private static <E extends ActivityEvent> void markApplied(Iterable<Row> inserted, List<E> events,
            java.util.function.Function<E, String> key, Set<String> applied) {
        Map<String, String> firstEventByKey = new HashMap<>();
        events.forEach(event -> firstEventByKey.putIfAbsent(key.apply(event), event.eventId()));
        inserted.forEach(row -> applied.add(firstEventByKey.get(row.getString(0))));
    }
}
