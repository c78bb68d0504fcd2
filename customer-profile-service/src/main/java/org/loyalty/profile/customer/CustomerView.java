package org.loyalty.profile.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A profile as GET /customers/{id} shows it; totalSpent and overdueDebt are decimal strings. */
public record CustomerView(String customerId, String email, String name, String locale, boolean marketingConsent,
        String referralCode, String segment, List<String> reasons, boolean repeatBuyer, Rfm rfm, int purchases, String totalSpent,
        Instant lastPurchaseAt, int complaints12m, int lateInvoices12m, String overdueDebt, boolean registered) {

    static String decimal(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
