package org.loyalty.profile.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.profile.segment.Reclassifier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads profiles for the REST API. */
@ApplicationScoped
public class CustomerQueries {

    private final Pool pool;
    private final Reclassifier reclassifier;
    private final Clock clock;

    public CustomerQueries(Pool pool, Reclassifier reclassifier, Clock clock) {
        this.pool = pool;
        this.reclassifier = reclassifier;
        this.clock = clock;
    }

    /** The profile, or null when unknown or erased. */
    public Uni<CustomerView> find(String customerId) {
        Instant now = clock.instant();
        return pool.preparedQuery(Reclassifier.FACTS_SQL + " WHERE c.customer_id = $1 AND NOT c.erased")
                .execute(Tuple.of(customerId, reclassifier.windowStart(now)))
                .map(rows -> rows.size() == 0 ? null : toView(rows.iterator().next()));
    }

    private static CustomerView toView(Row row) {
        Integer recency = row.getInteger("rfm_recency");
        Rfm rfm = recency == null ? null : new Rfm(recency, row.getInteger("rfm_frequency"), row.getInteger("rfm_monetary"));
        OffsetDateTime lastPurchase = row.getOffsetDateTime("last_purchase_at");
        JsonArray reasons = (JsonArray) row.getValue("reasons");
        return new CustomerView(row.getString("customer_id"), row.getString("email"), row.getString("name"), row.getString("locale"),
                row.getBoolean("marketing_consent"), row.getString("referral_code"), row.getString("segment"),
                reasons.stream().map(Object::toString).toList(), row.getBoolean("repeat_buyer"), rfm, row.getInteger("purchases"),
                CustomerView.decimal(row.getBigDecimal("total_spent")), lastPurchase == null ? null : lastPurchase.toInstant(),
                row.getLong("complaints").intValue(), row.getLong("late_invoices").intValue(), CustomerView.decimal(row.getBigDecimal("debt")),
                row.getBoolean("registered"));
    }
}
