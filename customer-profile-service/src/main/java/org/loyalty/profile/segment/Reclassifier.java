package org.loyalty.profile.segment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.OutboxEvent;
import org.loyalty.kit.messaging.OutboxStore;
import org.loyalty.kit.sql.Columns;
import org.loyalty.profile.ProfileConfig;
import org.loyalty.profile.customer.CustomerEvents;
import org.loyalty.profile.customer.Rfm;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Re-evaluates one customer's segment inside the caller's transaction: loads the facts under
 * the row lock, classifies, stores segment and reasons (with the purchase counters, when the
 * caller brings new ones), and publishes customer.reclassified only when the segment changes.
 */
@ApplicationScoped
public class Reclassifier {

    /** A customer row with the counts the rules need; $2 is the start of the DIFFICULT window. */
    public static final String FACTS_SQL = """
            SELECT c.*,
                   (SELECT count(*) FROM complaint WHERE customer_id = c.customer_id AND filed_at > $2) AS complaints,
                   (SELECT count(*) FROM invoice WHERE customer_id = c.customer_id AND due_at > $2
                        AND (paid_at > due_at OR (paid_at IS NULL AND overdue))) AS late_invoices,
                   (SELECT min(due_at) FROM invoice WHERE customer_id = c.customer_id AND paid_at IS NULL AND overdue) AS oldest_overdue,
                   (SELECT coalesce(sum(amount), 0) FROM invoice WHERE customer_id = c.customer_id AND paid_at IS NULL AND overdue) AS debt
            FROM customer c""";

    private final SegmentClassifier classifier;
    private final CustomerEvents events;
    private final OutboxStore outbox;
    private final ProfileConfig config;
    private final Clock clock;

    public Reclassifier(SegmentClassifier classifier, CustomerEvents events, OutboxStore outbox, ProfileConfig config, Clock clock) {
        this.classifier = classifier;
        this.events = events;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> reevaluate(SqlConnection connection, String customerId) {
        Instant now = clock.instant();
        return connection.preparedQuery(FACTS_SQL + " WHERE c.customer_id = $1 FOR UPDATE OF c")
                .execute(Tuple.of(customerId, windowStart(now)))
                .chain(rows -> applyAll(connection, List.of(rows.iterator().next()), Map.of(), now));
    }

    /** The start of the DIFFICULT window, as the facts query's $2. */
    public OffsetDateTime windowStart(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(config.difficult().windowMonths());
    }

    /**
     * Re-evaluates many customers in three round trips: their facts under row locks taken in
     * customer order (so that concurrent batches do not deadlock), one batch of updates, and
     * the reclassified events of those whose segment changed. A customer in {@code newCounters}
     * is classified with those counters, and they are stored in the same update.
     */
    public Uni<Void> reevaluateAll(SqlConnection connection, Collection<String> customerIds, Map<String, PurchaseCounters> newCounters) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return connection.preparedQuery(FACTS_SQL + " WHERE c.customer_id = ANY($1) ORDER BY c.customer_id FOR UPDATE OF c")
                .execute(Tuple.of(customerIds.stream().sorted().toArray(String[]::new), windowStart(now)))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return applyAll(connection, list, newCounters, now);
                });
    }

    /**
     * Classifies rows of {@link #FACTS_SQL}, each with its new counters where {@code newCounters}
     * has them, stores every result, and publishes the changes.
     */
    Uni<Void> applyAll(SqlConnection connection, List<Row> rows, Map<String, PurchaseCounters> newCounters, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = new ArrayList<>();
        List<PurchaseCounters> counters = new ArrayList<>();
        List<Classification> results = new ArrayList<>();
        List<OutboxEvent> changes = new ArrayList<>();
        for (Row row : rows) {
            String customerId = row.getString("customer_id");
            PurchaseCounters current = newCounters.getOrDefault(customerId, PurchaseCounters.of(row));
            CustomerFacts facts = facts(row, current);
            Classification result = classifier.classify(facts, now);
            ids.add(customerId);
            counters.add(current);
            results.add(result);
            if (result.segment() != facts.segment()) {
                changes.add(events.reclassified(customerId, facts.segment(), result, rfm(row), now));
            }
        }
        Uni<Void> saved = save(connection, ids, counters, results);
        return changes.isEmpty() ? saved : saved.chain(() -> outbox.append(connection, changes));
    }

    /**
     * One statement for the whole batch, and only rows whose counters or classification changed
     * are written: a poll's purchases cost each customer row one new version, not two.
     */
    private static Uni<Void> save(SqlConnection connection, List<String> ids, List<PurchaseCounters> counters, List<Classification> results) {
        return connection.preparedQuery("""
                UPDATE customer c SET purchases = u.purchases, total_spent = u.total_spent, first_purchase_at = u.first_at,
                    last_purchase_at = u.last_at, segment = u.segment, reasons = u.reasons::jsonb, repeat_buyer = u.repeat_buyer
                FROM unnest($1::text[], $2::int[], $3::numeric[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::bool[])
                    AS u(customer_id, purchases, total_spent, first_at, last_at, segment, reasons, repeat_buyer)
                WHERE c.customer_id = u.customer_id
                  AND (c.purchases, c.total_spent, c.first_purchase_at, c.last_purchase_at, c.segment, c.reasons, c.repeat_buyer)
                      IS DISTINCT FROM (u.purchases, u.total_spent, u.first_at, u.last_at, u.segment, u.reasons::jsonb, u.repeat_buyer)""")
                .execute(Tuple.tuple(List.of(ids.toArray(String[]::new), Columns.of(counters, PurchaseCounters::purchases, Integer[]::new),
                        Columns.of(counters, PurchaseCounters::totalSpent, BigDecimal[]::new),
                        Columns.of(counters, PurchaseCounters::firstPurchaseAt, OffsetDateTime[]::new),
                        Columns.of(counters, PurchaseCounters::lastPurchaseAt, OffsetDateTime[]::new),
                        Columns.of(results, r -> r.segment().name(), String[]::new),
                        Columns.of(results, r -> new JsonArray(r.reasons()).encode(), String[]::new),
                        Columns.of(results, Classification::repeatBuyer, Boolean[]::new))))
                .replaceWithVoid();
    }

    private static Rfm rfm(Row row) {
        return row.getInteger("rfm_recency") == null ? null
                : new Rfm(row.getInteger("rfm_recency"), row.getInteger("rfm_frequency"), row.getInteger("rfm_monetary"));
    }

    private static CustomerFacts facts(Row row, PurchaseCounters counters) {
        OffsetDateTime lastPurchase = counters.lastPurchaseAt();
        OffsetDateTime oldestOverdue = row.getOffsetDateTime("oldest_overdue");
        return new CustomerFacts(row.getString("customer_id"), Segment.valueOf(row.getString("segment")), counters.purchases(),
                counters.totalSpent(), lastPurchase == null ? null : lastPurchase.toInstant(), row.getInteger("referrals_bought"),
                row.getLong("complaints").intValue(), row.getLong("late_invoices").intValue(),
                oldestOverdue == null ? null : oldestOverdue.toInstant(), row.getBigDecimal("debt"));
    }
}
