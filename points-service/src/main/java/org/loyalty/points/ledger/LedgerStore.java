package org.loyalty.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.sql.Columns;
import org.loyalty.kit.sql.RowLocks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger tables, read and written a batch at a time: each method is one round trip
 * (arrays with {@code = ANY} for reads, {@code unnest} of column arrays for writes), whatever the batch size.
 */
@ApplicationScoped
public class LedgerStore {

    /** Locks the customers' accounts in id order (no deadlocks between batches), creating the missing ones. */
    public Uni<Map<String, PointsAccount>> lockAccounts(SqlConnection connection, Collection<String> customerIds, Instant now) {
        return RowLocks.lockCreatingMissing(customerIds, ids -> connection.preparedQuery("""
                        SELECT customer_id, balance, lifetime_earned, lifetime_redeemed, last_activity_at
                        FROM points_account WHERE customer_id = ANY($1) ORDER BY customer_id FOR UPDATE""")
                        .execute(Tuple.of((Object) ids))
                        .map(LedgerStore::toAccounts),
                ids -> connection.preparedQuery("""
                        INSERT INTO points_account (customer_id, last_activity_at)
                        SELECT id, $2 FROM unnest($1::text[]) AS id ORDER BY id
                        ON CONFLICT DO NOTHING""")
                        .execute(Tuple.of(ids, utc(now))));
    }

    private static Map<String, PointsAccount> toAccounts(RowSet<Row> rows) {
        Map<String, PointsAccount> accounts = new HashMap<>();
        for (Row row : rows) {
            accounts.put(row.getString(0), new PointsAccount(row.getString(0), row.getLong(1), row.getLong(2),
                    row.getLong(3), row.getOffsetDateTime(4).toInstant()));
        }
        return accounts;
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

    /** Writes what a batch changed, the entries last (see {@link #appendEntries}). */
    public Uni<Void> save(SqlConnection connection, LedgerBatch batch) {
        return saveOrders(connection, batch.changedOrders())
                .chain(() -> saveRefunds(connection, batch.newRefunds()))
                .chain(() -> saveAccounts(connection, batch.changedAccounts()))
                .chain(() -> appendEntries(connection, batch.entries()));
    }

    private Uni<Void> saveOrders(SqlConnection connection, List<OrderPoints> orders) {
        return write(connection, orders, """
                INSERT INTO order_points (order_id, customer_id, currency, goods_total, refunded_total, points, available_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::bigint[], $7::timestamptz[])
                ORDER BY 1
                ON CONFLICT (order_id) DO UPDATE SET currency = EXCLUDED.currency, goods_total = EXCLUDED.goods_total,
                    refunded_total = EXCLUDED.refunded_total, points = EXCLUDED.points, available_at = EXCLUDED.available_at""",
                Columns.of(orders, OrderPoints::orderId, String[]::new), Columns.of(orders, OrderPoints::customerId, String[]::new),
                Columns.of(orders, OrderPoints::currency, String[]::new),
                Columns.of(orders, OrderPoints::goodsTotal, BigDecimal[]::new),
                Columns.of(orders, OrderPoints::refundedTotal, BigDecimal[]::new),
                Columns.of(orders, OrderPoints::points, Long[]::new),
                Columns.of(orders, o -> utc(o.availableAt()), OffsetDateTime[]::new));
    }

    private Uni<Void> saveRefunds(SqlConnection connection, List<CheckoutEvent.PurchaseRefunded> refunds) {
        return write(connection, refunds, """
                INSERT INTO order_refund (refund_id, order_id, amount, refunded_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::timestamptz[])""",
                Columns.of(refunds, CheckoutEvent.PurchaseRefunded::refundId, String[]::new),
                Columns.of(refunds, CheckoutEvent.PurchaseRefunded::orderId, String[]::new),
                Columns.of(refunds, CheckoutEvent.PurchaseRefunded::goodsAmount, BigDecimal[]::new),
                Columns.of(refunds, r -> utc(r.refundedAt()), OffsetDateTime[]::new));
    }

    /**
     * Appends entries in their order at the next positions of the log, from which {@link LedgerRelay}
     * publishes them (V3__ledger_is_the_event_log.sql). Taking the positions locks the log's
     * 'appended' mark until the transaction ends, so callers append last, once they hold every
     * other lock they need: other appending transactions wait for this one's commit.
     */
    public Uni<Void> appendEntries(SqlConnection connection, List<LedgerEntry> entries) {
        return write(connection, entries, """
                WITH taken AS (
                    UPDATE ledger_log SET position = position + $9 WHERE mark = 'appended' RETURNING position - $9 AS base)
                INSERT INTO ledger_entry (customer_id, type, points, balance, order_id, refund_id, redemption_id, occurred_at,
                    log_position)
                SELECT c, t, p, b, o, r, d, at, taken.base + n FROM taken, unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[],
                    $5::text[], $6::text[], $7::uuid[], $8::timestamptz[]) WITH ORDINALITY AS e(c, t, p, b, o, r, d, at, n)
                ORDER BY n""",
                Columns.of(entries, LedgerEntry::customerId, String[]::new),
                Columns.of(entries, e -> e.type().name(), String[]::new), Columns.of(entries, LedgerEntry::points, Long[]::new),
                Columns.of(entries, LedgerEntry::balance, Long[]::new), Columns.of(entries, LedgerEntry::orderId, String[]::new),
                Columns.of(entries, LedgerEntry::refundId, String[]::new), Columns.of(entries, LedgerEntry::redemptionId, UUID[]::new),
                Columns.of(entries, e -> utc(e.occurredAt()), OffsetDateTime[]::new), (long) entries.size());
    }

    /** An entry on the log: its position, which no other entry has, and the entry. */
    public record Logged(long position, LedgerEntry entry) {
    }

    /** Up to {@code limit} entries after the log's 'published' mark, in log order. */
    public Uni<List<Logged>> unpublished(SqlConnection connection, int limit) {
        return connection.preparedQuery("""
                SELECT log_position, customer_id, type, points, balance, order_id, refund_id, redemption_id, occurred_at
                FROM ledger_entry WHERE log_position > (SELECT position FROM ledger_log WHERE mark = 'published')
                ORDER BY log_position LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Logged> logged = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        logged.add(new Logged(row.getLong(0), new LedgerEntry(row.getString(1), LedgerEntry.Type.valueOf(row.getString(2)),
                                row.getLong(3), row.getLong(4), row.getString(5), row.getString(6), row.getUUID(7),
                                row.getOffsetDateTime(8).toInstant())));
                    }
                    return logged;
                });
    }

    /** Moves the 'published' mark: the entries up to {@code position} reached Kafka. */
    public Uni<Void> markPublished(SqlConnection connection, long position) {
        return connection.preparedQuery("UPDATE ledger_log SET position = $1 WHERE mark = 'published'")
                .execute(Tuple.of(position)).replaceWithVoid();
    }

    public Uni<Void> saveAccounts(SqlConnection connection, List<PointsAccount> accounts) {
        return write(connection, accounts, """
                UPDATE points_account a SET balance = u.balance, lifetime_earned = u.earned, lifetime_redeemed = u.redeemed,
                    last_activity_at = u.at
                FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::timestamptz[]) AS u(id, balance, earned, redeemed, at)
                WHERE a.customer_id = u.id""",
                Columns.of(accounts, PointsAccount::customerId, String[]::new), Columns.of(accounts, PointsAccount::balance, Long[]::new),
                Columns.of(accounts, PointsAccount::lifetimeEarned, Long[]::new),
                Columns.of(accounts, PointsAccount::lifetimeRedeemed, Long[]::new),
                Columns.of(accounts, a -> utc(a.lastActivityAt()), OffsetDateTime[]::new));
    }

    /** One statement for all rows, their columns as arrays (see {@link Columns}); nothing for none. */
    private static Uni<Void> write(SqlConnection connection, List<?> rows, String sql, Object... columns) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).execute(Tuple.tuple(List.of(columns))).replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String[] sortedArray(Collection<String> values) {
        return values.stream().distinct().sorted().toArray(String[]::new);
    }
}
