package org.loyalty.points.account;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of ledger entries, newest first; {@code next} is the cursor for the older ones, null at the end. */
public record TransactionPage(List<Item> items, String next) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String type, long points, long balance, String orderId, String refundId, String redemptionId,
            Instant occurredAt) {
    }
}
