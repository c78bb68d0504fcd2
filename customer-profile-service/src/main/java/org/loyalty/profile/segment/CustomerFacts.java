package org.loyalty.profile.segment;

import java.math.BigDecimal;
import java.time.Instant;

/** Everything the segment rules look at for one customer, as of one moment. */
public record CustomerFacts(String customerId, Segment segment, int purchases, BigDecimal totalSpent, Instant lastPurchaseAt,
        int referralsBought, int complaintsInWindow, int lateInvoicesInWindow, Instant oldestOverdueDueAt, BigDecimal overdueDebt) {
}
