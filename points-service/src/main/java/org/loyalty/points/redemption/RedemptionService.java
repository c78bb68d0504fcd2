package org.loyalty.points.redemption;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.ids.TimeOrderedIds;
import org.loyalty.points.account.AccountQueries;
import org.loyalty.points.ledger.LedgerEntry;
import org.loyalty.points.ledger.LedgerRelay;
import org.loyalty.points.ledger.LedgerStore;
import org.loyalty.kit.rest.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Spends points on a catalog item. The account row is locked for the whole check-and-spend,
 * so parallel requests against one balance are served one at a time and never overspend; the
 * (customer, requestId) pair is checked under that lock, so a retried request spends nothing more.
 */
@ApplicationScoped
public class RedemptionService {

    private final Pool pool;
    private final AccountQueries accounts;
    private final LedgerStore ledger;
    private final LedgerRelay relay;
    private final Clock clock;

    public RedemptionService(Pool pool, AccountQueries accounts, LedgerStore ledger, LedgerRelay relay, Clock clock) {
        this.pool = pool;
        this.accounts = accounts;
        this.ledger = ledger;
        this.relay = relay;
        this.clock = clock;
    }

    public Uni<RedemptionView> redeem(String customerId, RedemptionRequest request) {
        return pool.withTransaction(connection -> catalogItem(connection, request.catalogItemId())
                .chain(item -> lockBalance(connection, customerId)
                        .chain(balance -> earlierAnswer(connection, customerId, request)
                                .chain(earlier -> earlier != null
                                        ? Uni.createFrom().item(earlier)
                                        : spend(connection, customerId, request, item, balance)))))
                .invoke(relay::wakeUp);
    }

    private record Item(String id, long points, boolean active) {
    }

    private Uni<Item> catalogItem(SqlConnection connection, String id) {
        return connection.preparedQuery("SELECT id, points, active FROM catalog_item WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Catalog item " + id + " does not exist");
                    }
                    Row row = rows.iterator().next();
                    return new Item(row.getString(0), row.getLong(1), row.getBoolean(2));
                });
    }

    /** The balance under a row lock, or null when the customer has no account (nothing to spend). */
    private Uni<Long> lockBalance(SqlConnection connection, String customerId) {
        return connection.preparedQuery("SELECT balance FROM points_account WHERE customer_id = $1 FOR UPDATE")
                .execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    private Uni<RedemptionView> earlierAnswer(SqlConnection connection, String customerId, RedemptionRequest request) {
        return connection.preparedQuery("""
                SELECT redemption_id, catalog_item_id, points, balance_after FROM redemption
                WHERE customer_id = $1 AND request_id = $2""")
                .execute(Tuple.of(customerId, request.requestId()))
                .map(rows -> rows.size() == 0 ? null : toView(rows, request));
    }

    private static RedemptionView toView(RowSet<Row> rows, RedemptionRequest request) {
        Row row = rows.iterator().next();
        if (!row.getString("catalog_item_id").equals(request.catalogItemId())) {
            throw new ProblemException(422, "Unprocessable Content", "requestId " + request.requestId()
                    + " was already used to redeem catalog item " + row.getString("catalog_item_id"), "requestId");
        }
        return new RedemptionView(row.getUUID("redemption_id").toString(), request.catalogItemId(), request.requestId(),
                row.getLong("points"), row.getLong("balance_after"));
    }

    private Uni<RedemptionView> spend(SqlConnection connection, String customerId, RedemptionRequest request, Item item, Long balance) {
        if (!item.active()) {
            throw new ProblemException(422, "Unprocessable Content", "Catalog item " + item.id() + " is not active", "catalogItemId");
        }
        if (balance == null) {
            throw tooLow(customerId, 0, 0, item);
        }
        return accounts.pendingPoints(connection, customerId).chain(pending -> {
            long available = balance - pending;
            if (available < item.points()) {
                throw tooLow(customerId, balance, available, item);
            }
            return record(connection, customerId, request, item, balance - item.points());
        });
    }

    private Uni<RedemptionView> record(SqlConnection connection, String customerId, RedemptionRequest request, Item item, long balanceAfter) {
        UUID redemptionId = TimeOrderedIds.next();
        Instant now = clock.instant();
        LedgerEntry entry = new LedgerEntry(customerId, LedgerEntry.Type.REDEEM, -item.points(), balanceAfter, null, null, redemptionId, now);
        return connection.preparedQuery("""
                INSERT INTO redemption (redemption_id, customer_id, request_id, catalog_item_id, points, balance_after, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.tuple(List.of(redemptionId, customerId, request.requestId(), item.id(), item.points(), balanceAfter,
                        now.atOffset(ZoneOffset.UTC))))
                .chain(() -> connection.preparedQuery("""
                        UPDATE points_account SET balance = balance - $2, lifetime_redeemed = lifetime_redeemed + $2,
                            last_activity_at = greatest(last_activity_at, $3) WHERE customer_id = $1""")
                        .execute(Tuple.of(customerId, item.points(), now.atOffset(ZoneOffset.UTC))))
                .chain(() -> ledger.appendEntries(connection, List.of(entry)))
                .replaceWith(new RedemptionView(redemptionId.toString(), item.id(), request.requestId(), item.points(), balanceAfter));
    }

    private static ProblemException tooLow(String customerId, long balance, long available, Item item) {
        return new ProblemException(409, "Insufficient Points", "Customer " + customerId + " has " + available
                + " redeemable points (balance " + balance + "); catalog item " + item.id() + " costs " + item.points());
    }
}
