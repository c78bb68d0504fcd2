package org.loyalty.rewards.checkout;

import java.math.BigDecimal;
import java.time.Instant;

/** What rewards-service reads from checkout.purchases. */
public sealed interface CheckoutEvent {

    String eventId();

    String customerId();

    String type();

    record Purchase(String eventId, String orderId, String customerId, BigDecimal goodsTotal, Instant placedAt)
            implements CheckoutEvent {
        public static final String TYPE = "purchase.completed";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record Refund(String eventId, String refundId, String orderId, String customerId, BigDecimal amount)
            implements CheckoutEvent {
        public static final String TYPE = "purchase.refunded";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
