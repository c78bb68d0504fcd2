package org.loyalty.profile.segment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A customer's purchase counters, kept on the customer row. A poll of checkout events computes
 * them first and the reclassification stores them with the segment, so that the row is written
 * once a poll.
 */
public record PurchaseCounters(int purchases, BigDecimal totalSpent, OffsetDateTime firstPurchaseAt, OffsetDateTime lastPurchaseAt) {

    /** The counters of a row that has the customer table's columns of the same names. */
    public static PurchaseCounters of(Row row) {
        return new PurchaseCounters(row.getInteger("purchases"), row.getBigDecimal("total_spent"),
                row.getOffsetDateTime("first_purchase_at"), row.getOffsetDateTime("last_purchase_at"));
    }
}
