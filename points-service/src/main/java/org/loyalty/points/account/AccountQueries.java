package org.loyalty.points.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads balances and history for the REST API and for redemptions. */
@ApplicationScoped
public class AccountQueries {

    private static final String PENDING_SQL = """
            SELECT coalesce(sum(points), 0) FROM order_points
            WHERE customer_id = $1 AND available_at > $2 AND points > 0""";

    private final Pool pool;
    private final Clock clock;

    public AccountQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The account, or null when the customer has never had points activity. */
    public Uni<AccountView> account(String customerId) {
        return pool.preparedQuery("""
                SELECT balance, lifetime_earned, lifetime_redeemed, last_activity_at FROM points_account WHERE customer_id = $1""")
                .execute(Tuple.of(customerId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    return pendingPoints(pool, customerId).map(pending -> new AccountView(customerId, row.getLong(0),
                            row.getLong(0) - pending, pending, row.getLong(1), row.getLong(2),
                            row.getOffsetDateTime(3).toInstant()));
                });
    }

    /** Points of orders still in their pending period, on the caller's connection (it may hold a lock). */
    public Uni<Long> pendingPoints(SqlClient client, String customerId) {
        return client.preparedQuery(PENDING_SQL)
                .execute(Tuple.of(customerId, clock.instant().atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Entries older than {@code before} (a ledger id), newest first; one extra row tells whether more exist. */
    public Uni<TransactionPage> transactions(String customerId, int limit, Long before) {
        return pool.preparedQuery("""
                SELECT id, type, points, balance, order_id, refund_id, redemption_id, occurred_at FROM ledger_entry
                WHERE customer_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3""")
                .execute(Tuple.of(customerId, before == null ? Long.MAX_VALUE : before, limit + 1))
                .map(rows -> {
                    List<TransactionPage.Item> items = new ArrayList<>();
                    long lastId = 0;
                    for (Row row : rows) {
                        if (items.size() == limit) {
                            return new TransactionPage(items, Long.toString(lastId));
                        }
                        lastId = row.getLong("id");
                        UUID redemption = row.getUUID("redemption_id");
                        items.add(new TransactionPage.Item(row.getString("type"), row.getLong("points"), row.getLong("balance"),
                                row.getString("order_id"), row.getString("refund_id"),
                                redemption == null ? null : redemption.toString(), row.getOffsetDateTime("occurred_at").toInstant()));
                    }
                    return new TransactionPage(items, null);
                });
    }
}
