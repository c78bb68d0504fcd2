package org.loyalty.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** The checkout events that move points, validated. */
public sealed interface CheckoutEvent {

    String eventId();

    String customerId();

    String orderId();

    /** The CloudEvent type, for metrics. */
    String type();

    record PurchaseCompleted(String eventId, String orderId, String customerId, String currency,
            BigDecimal goodsTotal, Instant placedAt) implements CheckoutEvent {
        public static final String TYPE = "purchase.completed";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record PurchaseRefunded(String eventId, String refundId, String orderId, String customerId, String currency,
            BigDecimal goodsAmount, Instant refundedAt) implements CheckoutEvent {
        public static final String TYPE = "purchase.refunded";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
