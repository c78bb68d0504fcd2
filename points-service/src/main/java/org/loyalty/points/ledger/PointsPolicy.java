package org.loyalty.points.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Design rule 1 as arithmetic: an order of goods G with refunds totalling R keeps
 * floor((G - R) / unit) points, computed on the cumulative net amount so that partial refunds
 * never drift, and never below zero.
 */
public final class PointsPolicy {

    private final BigDecimal unitAmount;
    private final Duration pendingPeriod;
    private final Set<String> currencies;

    public PointsPolicy(BigDecimal unitAmount, int pendingDays, Set<String> currencies) {
        if (unitAmount.signum() <= 0) {
            throw new IllegalArgumentException("points.earn.unit-amount must be positive");
        }
        this.unitAmount = unitAmount;
        this.pendingPeriod = Duration.ofDays(pendingDays);
        this.currencies = Set.copyOf(currencies);
    }

    /** The points an order keeps; 0 while its purchase is unknown (a refund arrived first). */
    public long pointsKept(BigDecimal goodsTotal, BigDecimal refundedTotal) {
        if (goodsTotal == null) {
            return 0;
        }
        BigDecimal net = goodsTotal.subtract(refundedTotal);
        if (net.signum() <= 0) {
            return 0;
        }
        return net.divide(unitAmount, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** When the points of a purchase placed at {@code placedAt} become redeemable. */
    public Instant availableAt(Instant placedAt) {
        return placedAt.plus(pendingPeriod);
    }

    public Set<String> currencies() {
        return currencies;
    }
}
