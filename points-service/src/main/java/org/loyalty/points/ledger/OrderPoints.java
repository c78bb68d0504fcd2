package org.loyalty.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one order has earned so far. {@code goodsTotal} stays null until the order's
 * purchase arrives, so a refund that overtakes its purchase is kept and netted later.
 */
public final class OrderPoints {
    final String orderId;
    final String customerId;
    String currency;
    BigDecimal goodsTotal;
    BigDecimal refundedTotal;
    long points;
    Instant availableAt;

    public OrderPoints(String orderId, String customerId, String currency, BigDecimal goodsTotal,
            BigDecimal refundedTotal, long points, Instant availableAt) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.currency = currency;
        this.goodsTotal = goodsTotal;
        this.refundedTotal = refundedTotal;
        this.points = points;
        this.availableAt = availableAt;
    }

    static OrderPoints unseen(String orderId, String customerId) {
        return new OrderPoints(orderId, customerId, null, null, BigDecimal.ZERO, 0, null);
    }

    boolean purchaseSeen() {
        return goodsTotal != null;
    }

    public String orderId() { return orderId; }
    public String customerId() { return customerId; }
    public String currency() { return currency; }
    public BigDecimal goodsTotal() { return goodsTotal; }
    public BigDecimal refundedTotal() { return refundedTotal; }
    public long points() { return points; }
    public Instant availableAt() { return availableAt; }
}
