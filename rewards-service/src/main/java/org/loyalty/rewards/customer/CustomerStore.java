package org.loyalty.rewards.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.sql.Columns;
import org.loyalty.kit.sql.RowLocks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class CustomerStore {

    /**
     * The customer's state, created if new, locked until the transaction ends: the no-op
     * update takes the row lock and returns the row in one round trip.
     */
    public Uni<CustomerState> lock(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                INSERT INTO customer_state (customer_id) VALUES ($1)
                ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id
                RETURNING customer_id, segment, completed_orders, first_purchase_at, last_surprise_at, last_anniversary_year""")
                .execute(Tuple.of(customerId))
                .map(rows -> toState(rows.iterator().next()));
    }

    /**
     * As {@link #lock} for many customers, taking the row locks in customer order (no deadlocks
     * between batches), the missing customers created ({@link RowLocks}). Not the no-op update:
     * it wrote a new version of every row of every poll, which cost the database more than the
     * lock (pg_stat_statements, all-four benchmark).
     */
    public Uni<Map<String, CustomerState>> lockAll(SqlConnection connection, Collection<String> customerIds) {
        return RowLocks.lockCreatingMissing(customerIds, ids -> connection.preparedQuery("""
                        SELECT customer_id, segment, completed_orders, first_purchase_at, last_surprise_at, last_anniversary_year
                        FROM customer_state WHERE customer_id = ANY($1) ORDER BY customer_id FOR UPDATE""")
                        .execute(Tuple.of((Object) ids))
                        .map(rows -> {
                            Map<String, CustomerState> states = new HashMap<>();
                            rows.forEach(row -> states.put(row.getString(0), toState(row)));
                            return states;
                        }),
                ids -> connection.preparedQuery("""
                        INSERT INTO customer_state (customer_id) SELECT id FROM unnest($1::text[]) AS id ORDER BY id
                        ON CONFLICT (customer_id) DO NOTHING""")
                        .execute(Tuple.of((Object) ids)));
    }

    /** The state without a lock, or null for a customer never seen. */
    public Uni<CustomerState> find(SqlClient client, String customerId) {
        return client.preparedQuery("""
                SELECT customer_id, segment, completed_orders, first_purchase_at, last_surprise_at, last_anniversary_year
                FROM customer_state WHERE customer_id = $1""").execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    public Uni<Void> save(SqlConnection connection, CustomerState state) {
        return saveAll(connection, List.of(state));
    }

    /** One statement for all of them. */
    public Uni<Void> saveAll(SqlConnection connection, Collection<CustomerState> states) {
        if (states.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<CustomerState> rows = List.copyOf(states);
        return connection.preparedQuery("""
                UPDATE customer_state c SET segment = u.segment, completed_orders = u.orders, first_purchase_at = u.first_at,
                    last_surprise_at = u.surprise_at, last_anniversary_year = u.anniversary
                FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::int[])
                    AS u(customer_id, segment, orders, first_at, surprise_at, anniversary)
                WHERE c.customer_id = u.customer_id""")
                .execute(Tuple.of(Columns.of(rows, state -> state.customerId, String[]::new),
                        Columns.of(rows, state -> state.segment, String[]::new),
                        Columns.of(rows, state -> state.completedOrders, Integer[]::new),
                        Columns.of(rows, state -> utc(state.firstPurchaseAt), OffsetDateTime[]::new),
                        Columns.of(rows, state -> utc(state.lastSurpriseAt), OffsetDateTime[]::new),
                        Columns.of(rows, state -> state.lastAnniversaryYear, Integer[]::new)))
                .replaceWithVoid();
    }

    private static CustomerState toState(Row row) {
        return new CustomerState(row.getString(0), row.getString(1), row.getInteger(2), instant(row.getOffsetDateTime(3)),
                instant(row.getOffsetDateTime(4)), row.getInteger(5));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
