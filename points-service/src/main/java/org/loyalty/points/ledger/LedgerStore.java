package org.loyalty.points.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger tables, read and written a batch at a time: each method is one round trip
 * (arrays with {@code = ANY} for reads, pipelined batches for writes), whatever the batch size.
 */
@ApplicationScoped
public class LedgerStore {

    /** Creates missing accounts, then locks all of them in id order (no deadlocks between batches). */
    public Uni<Map<String, PointsAccount>> lockAccounts(SqlConnection connection, Collection<String> customerIds, Instant now) {
        String[] ids = sortedArray(customerIds);
        return connection.preparedQuery("""
                INSERT INTO points_account (customer_id, last_activity_at)
                SELECT id, $2 FROM unnest($1::text[]) AS id ORDER BY id
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(ids, utc(now)))
                .chain(() -> connection.preparedQuery("""
                        SELECT customer_id, balance, lifetime_earned, lifetime_redeemed, last_activity_at
                        FROM points_account WHERE customer_id = ANY($1) ORDER BY customer_id FOR UPDATE""")
                        .execute(Tuple.of((Object) ids)))
                .map(rows -> {
                    Map<String, PointsAccount> accounts = new HashMap<>();
                    for (Row row : rows) {
                        accounts.put(row.getString(0), new PointsAccount(row.getString(0), row.getLong(1), row.getLong(2),
                                row.getLong(3), row.getOffsetDateTime(4).toInstant()));
                    }
                    return accounts;
                });
    }

    public Uni<Map<String, OrderPoints>> loadOrders(SqlConnection connection, Collection<String> orderIds) {
        return connection.preparedQuery("""
                SELECT order_id, customer_id, currency, goods_total, refunded_total, points, available_at
                FROM order_points WHERE order_id = ANY($1)""")
                .execute(Tuple.of((Object) sortedArray(orderIds)))
                .map(rows -> {
                    Map<String, OrderPoints> orders = new HashMap<>();
                    for (Row row : rows) {
                        OffsetDateTime availableAt = row.getOffsetDateTime(6);
                        orders.put(row.getString(0), new OrderPoints(row.getString(0), row.getString(1), row.getString(2),
                                row.getBigDecimal(3), row.getBigDecimal(4), row.getLong(5),
                                availableAt == null ? null : availableAt.toInstant()));
                    }
                    return orders;
                });
    }

    public Uni<Set<String>> knownRefunds(SqlConnection connection, Collection<String> refundIds) {
        if (refundIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery("SELECT refund_id FROM order_refund WHERE refund_id = ANY($1)")
                .execute(Tuple.of((Object) sortedArray(refundIds)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString(0)));
                    return known;
                });
    }

    /** Writes what a batch changed; the outbox is written by the caller in the same transaction. */
    public Uni<Void> save(SqlConnection connection, LedgerBatch batch) {
        return saveOrders(connection, batch.changedOrders())
                .chain(() -> saveRefunds(connection, batch.newRefunds()))
                .chain(() -> appendEntries(connection, batch.entries()))
                .chain(() -> saveAccounts(connection, batch.changedAccounts()));
    }

    private Uni<Void> saveOrders(SqlConnection connection, List<OrderPoints> orders) {
        List<Tuple> rows = orders.stream().map(o -> Tuple.tuple(Arrays.asList(o.orderId(), o.customerId(),
                o.currency(), o.goodsTotal(), o.refundedTotal(), o.points(), utc(o.availableAt()))))
                .toList();
        return batch(connection, """
                INSERT INTO order_points (order_id, customer_id, currency, goods_total, refunded_total, points, available_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (order_id) DO UPDATE SET currency = EXCLUDED.currency, goods_total = EXCLUDED.goods_total,
                    refunded_total = EXCLUDED.refunded_total, points = EXCLUDED.points, available_at = EXCLUDED.available_at""",
                rows);
    }

    private Uni<Void> saveRefunds(SqlConnection connection, List<CheckoutEvent.PurchaseRefunded> refunds) {
        List<Tuple> rows = refunds.stream()
                .map(r -> Tuple.of(r.refundId(), r.orderId(), r.goodsAmount(), utc(r.refundedAt())))
                .toList();
        return batch(connection, "INSERT INTO order_refund (refund_id, order_id, amount, refunded_at) VALUES ($1, $2, $3, $4)", rows);
    }

    public Uni<Void> appendEntries(SqlConnection connection, List<LedgerEntry> entries) {
        List<Tuple> rows = entries.stream().map(e -> Tuple.tuple(Arrays.asList(e.customerId(), e.type().name(), e.points(), e.balance(),
                e.orderId(), e.refundId(), e.redemptionId(), utc(e.occurredAt()))))
                .toList();
        return batch(connection, """
                INSERT INTO ledger_entry (customer_id, type, points, balance, order_id, refund_id, redemption_id, occurred_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""", rows);
    }

    public Uni<Void> saveAccounts(SqlConnection connection, List<PointsAccount> accounts) {
        List<Tuple> rows = accounts.stream().map(a -> Tuple.of(a.customerId(), a.balance(), a.lifetimeEarned(),
                a.lifetimeRedeemed(), utc(a.lastActivityAt()))).toList();
        return batch(connection, """
                UPDATE points_account SET balance = $2, lifetime_earned = $3, lifetime_redeemed = $4, last_activity_at = $5
                WHERE customer_id = $1""", rows);
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String[] sortedArray(Collection<String> values) {
        return values.stream().distinct().sorted().toArray(String[]::new);
    }
}
