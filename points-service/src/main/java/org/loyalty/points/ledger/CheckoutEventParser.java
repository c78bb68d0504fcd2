package org.loyalty.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEvent;
import org.loyalty.kit.messaging.RejectedRecordException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a CloudEvent from {@code checkout.purchases} into a {@link CheckoutEvent}, or rejects
 * it with a reason that names the field: a missing or malformed field, a negative amount, an
 * unsupported currency, an unknown type.
 */
@ApplicationScoped
public class CheckoutEventParser {

    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_AMOUNT_SCALE = 4;

    private final PointsPolicy policy;

    public CheckoutEventParser(PointsPolicy policy) {
        this.policy = policy;
    }

    public CheckoutEvent parse(CloudEvent event, String recordKey) {
        CheckoutEvent parsed = switch (event.type()) {
            case CheckoutEvent.PurchaseCompleted.TYPE -> purchase(event);
            case CheckoutEvent.PurchaseRefunded.TYPE -> refund(event);
            default -> throw new RejectedRecordException("unknown_type", event.type(),
                    "unsupported event type '" + event.type() + "' on checkout.purchases");
        };
        if (recordKey != null && !recordKey.equals(parsed.customerId())) {
            // The key decides the partition, and so the order of a customer's events.
            throw invalid(event, "data.customerId '" + parsed.customerId() + "' differs from the record key '" + recordKey + "'");
        }
        return parsed;
    }

    private CheckoutEvent purchase(CloudEvent event) {
        return new CheckoutEvent.PurchaseCompleted(event.id(),
                id(event, "orderId"), id(event, "customerId"), currency(event),
                amount(event, "goodsTotal", false), instant(event, "placedAt"));
    }

    private CheckoutEvent refund(CloudEvent event) {
        return new CheckoutEvent.PurchaseRefunded(event.id(),
                id(event, "refundId"), id(event, "orderId"), id(event, "customerId"), currency(event),
                amount(event, "goodsAmount", true), instant(event, "refundedAt"));
    }

    private static String id(CloudEvent event, String field) {
        String value = text(event, field);
        if (value.length() > MAX_ID_LENGTH) {
            throw invalid(event, "data." + field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private String currency(CloudEvent event) {
        String currency = text(event, "currency");
        if (!policy.accepts(currency)) {
            throw invalid(event, "data.currency '" + currency + "' is not supported (accepted: " + policy.currencies() + ")");
        }
        return currency;
    }

    private static BigDecimal amount(CloudEvent event, String field, boolean mustBePositive) {
        JsonNode node = event.data().get(field);
        if (node == null || node.isNull()) {
            throw invalid(event, "data." + field + " is missing");
        }
        if (!node.isTextual()) {
            throw invalid(event, "data." + field + " must be a decimal string such as \"129.90\"");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw invalid(event, "data." + field + " '" + node.asText() + "' is not a decimal amount");
        }
        if (amount.signum() < 0 || (mustBePositive && amount.signum() == 0)) {
            throw invalid(event, "data." + field + " must be " + (mustBePositive ? "positive" : "zero or more") + ", was " + amount.toPlainString());
        }
        if (amount.scale() > MAX_AMOUNT_SCALE || amount.precision() - amount.scale() > 15) {
            throw invalid(event, "data." + field + " '" + node.asText() + "' has too many digits");
        }
        return amount;
    }

    private static Instant instant(CloudEvent event, String field) {
        String value = text(event, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(event, "data." + field + " '" + value + "' is not an ISO 8601 UTC time");
        }
    }

    private static String text(CloudEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw invalid(event, "data." + field + " is missing");
        }
        return node.asText();
    }

    private static RejectedRecordException invalid(CloudEvent event, String reason) {
        return new RejectedRecordException("invalid", event.type(), reason);
    }
}
