package org.loyalty.profile.segment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.OutboxEvent;
import org.loyalty.kit.messaging.OutboxStore;
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
 * the row lock, classifies, stores segment and reasons, and publishes customer.reclassified
 * only when the segment changes.
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
                .chain(rows -> applyAll(connection, List.of(rows.iterator().next()), now));
    }

    /** The start of the DIFFICULT window, as the facts query's $2. */
    public OffsetDateTime windowStart(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(config.difficult().windowMonths());
    }

    /**
     * Re-evaluates many customers in three round trips: their facts under row locks taken in
     * customer order (so that concurrent batches do not deadlock), one batch of updates, and
     * the reclassified events of those whose segment changed.
     */
    public Uni<Void> reevaluateAll(SqlConnection connection, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return connection.preparedQuery(FACTS_SQL + " WHERE c.customer_id = ANY($1) ORDER BY c.customer_id FOR UPDATE OF c")
                .execute(Tuple.of(customerIds.stream().sorted().toArray(String[]::new), windowStart(now)))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return applyAll(connection, list, now);
                });
    }

    /** Classifies rows of {@link #FACTS_SQL}, stores every result, and publishes the changes. */
    Uni<Void> applyAll(SqlConnection connection, List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Boolean> repeatBuyers = new ArrayList<>();
        List<OutboxEvent> changes = new ArrayList<>();
        for (Row row : rows) {
            CustomerFacts facts = facts(row);
            Classification result = classifier.classify(facts, now);
            ids.add(facts.customerId());
            segments.add(result.segment().name());
            reasons.add(new JsonArray(result.reasons()).encode());
            repeatBuyers.add(result.repeatBuyer());
            if (result.segment() != facts.segment()) {
                changes.add(events.reclassified(facts.customerId(), facts.segment(), result, rfm(row), now));
            }
        }
        // One statement for the whole batch, and only rows whose classification changed are written.
        Uni<Void> saved = connection.preparedQuery("""
                UPDATE customer c SET segment = u.segment, reasons = u.reasons::jsonb, repeat_buyer = u.repeat_buyer
                FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[]) AS u(customer_id, segment, reasons, repeat_buyer)
                WHERE c.customer_id = u.customer_id
                  AND (c.segment, c.reasons, c.repeat_buyer) IS DISTINCT FROM (u.segment, u.reasons::jsonb, u.repeat_buyer)""")
                .execute(Tuple.of(ids.toArray(String[]::new), segments.toArray(String[]::new), reasons.toArray(String[]::new),
                        repeatBuyers.toArray(Boolean[]::new)))
                .replaceWithVoid();
        return changes.isEmpty() ? saved : saved.chain(() -> outbox.append(connection, changes));
    }

    private static Rfm rfm(Row row) {
        return row.getInteger("rfm_recency") == null ? null
                : new Rfm(row.getInteger("rfm_recency"), row.getInteger("rfm_frequency"), row.getInteger("rfm_monetary"));
    }

    private static CustomerFacts facts(Row row) {
        OffsetDateTime lastPurchase = row.getOffsetDateTime("last_purchase_at");
        OffsetDateTime oldestOverdue = row.getOffsetDateTime("oldest_overdue");
        return new CustomerFacts(row.getString("customer_id"), Segment.valueOf(row.getString("segment")), row.getInteger("purchases"),
                row.getBigDecimal("total_spent"), lastPurchase == null ? null : lastPurchase.toInstant(), row.getInteger("referrals_bought"),
                row.getLong("complaints").intValue(), row.getLong("late_invoices").intValue(),
                oldestOverdue == null ? null : oldestOverdue.toInstant(), row.getBigDecimal("debt"));
    }
}
