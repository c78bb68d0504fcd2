package org.loyalty.notification.trigger;

import java.math.BigDecimal;
import java.time.Instant;

/** The events notification-service acts on, validated. */
public sealed interface Trigger {

    String eventId();

    String customerId();

    String type();

    record Purchase(String eventId, String customerId, String orderId, Instant placedAt) implements Trigger {
        public String type() { return "purchase.completed"; }
    }

    record ShipmentDelayed(String eventId, String customerId, String orderId, Instant promisedDeliveryBy, Instant newEstimate,
            String cancelUrl) implements Trigger {
        public String type() { return "shipment.delayed"; }
    }

    record RewardIssued(String eventId, String customerId, String kind, String code, BigDecimal amount, String currency,
            Integer percent, String description, Instant expiresAt) implements Trigger {
        public String type() { return "reward.issued"; }
    }

    record ContactChanged(String eventId, String customerId, String email, String name, String locale, boolean consent)
            implements Trigger {
        public String type() { return "customer.contact"; }
    }

    record Reclassified(String eventId, String customerId, String to) implements Trigger {
        public String type() { return "customer.reclassified"; }
    }

    record Erased(String eventId, String customerId) implements Trigger {
        public String type() { return "customer.erased"; }
    }
}
