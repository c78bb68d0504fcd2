package org.loyalty.kit.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of a CloudEvent's data as the contract types them, rejecting the event
 * with a reason that names the field: ids (bounded text), decimal-string amounts, ISO 8601
 * times, ISO 4217 currencies from an accepted set.
 */
public final class EventFields {

    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_AMOUNT_SCALE = 4;
    private static final int MAX_AMOUNT_INTEGER_DIGITS = 15;

    private EventFields() {
    }

    public static String id(CloudEvent event, String field) {
        String value = text(event, field);
        if (value.length() > MAX_ID_LENGTH) {
            throw invalid(event, "data." + field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    public static String currency(CloudEvent event, Set<String> accepted) {
        String currency = text(event, "currency");
        if (!accepted.contains(currency)) {
            throw invalid(event, "data.currency '" + currency + "' is not supported (accepted: " + accepted + ")");
        }
        return currency;
    }

    /** A decimal string such as "129.90": zero or more, or strictly positive when asked. */
    public static BigDecimal amount(CloudEvent event, String field, boolean mustBePositive) {
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
        if (amount.scale() > MAX_AMOUNT_SCALE || amount.precision() - amount.scale() > MAX_AMOUNT_INTEGER_DIGITS) {
            throw invalid(event, "data." + field + " '" + node.asText() + "' has too many digits");
        }
        return amount;
    }

    public static Instant instant(CloudEvent event, String field) {
        String value = text(event, field);
        try {
            return UtcInstants.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(event, "data." + field + " '" + value + "' is not an ISO 8601 UTC time");
        }
    }

    public static String text(CloudEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw invalid(event, "data." + field + " is missing");
        }
        return node.asText();
    }

    /** The key decides the partition, and so the order of a customer's events: it must be the customer. */
    public static void requireKeyMatches(CloudEvent event, String recordKey, String customerId) {
        if (recordKey != null && !recordKey.equals(customerId)) {
            throw invalid(event, "data.customerId '" + customerId + "' differs from the record key '" + recordKey + "'");
        }
    }

    public static RejectedRecordException invalid(CloudEvent event, String reason) {
        return new RejectedRecordException("invalid", event.type(), reason);
    }
}
