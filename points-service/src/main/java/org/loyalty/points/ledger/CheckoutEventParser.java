package org.loyalty.points.ledger;

import static org.loyalty.kit.messaging.EventFields.amount;
import static org.loyalty.kit.messaging.EventFields.currency;
import static org.loyalty.kit.messaging.EventFields.id;
import static org.loyalty.kit.messaging.EventFields.instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEvent;
import org.loyalty.kit.messaging.EventFields;
import org.loyalty.kit.messaging.RejectedRecordException;

/**
 * Turns a CloudEvent from {@code checkout.purchases} into a {@link CheckoutEvent}, or rejects
 * it with a reason that names the field: a missing or malformed field, a negative amount, an
 * unsupported currency, an unknown type.
 */
@ApplicationScoped
public class CheckoutEventParser {

    private final PointsPolicy policy;

    public CheckoutEventParser(PointsPolicy policy) {
        this.policy = policy;
    }

    public CheckoutEvent parse(CloudEvent event, String recordKey) {
        CheckoutEvent parsed = switch (event.type()) {
            case CheckoutEvent.PurchaseCompleted.TYPE -> new CheckoutEvent.PurchaseCompleted(event.id(),
                    id(event, "orderId"), id(event, "customerId"), currency(event, policy.currencies()),
                    amount(event, "goodsTotal", false), instant(event, "placedAt"));
            case CheckoutEvent.PurchaseRefunded.TYPE -> new CheckoutEvent.PurchaseRefunded(event.id(),
                    id(event, "refundId"), id(event, "orderId"), id(event, "customerId"), currency(event, policy.currencies()),
                    amount(event, "goodsAmount", true), instant(event, "refundedAt"));
            default -> throw new RejectedRecordException("unknown_type", event.type(),
                    "unsupported event type '" + event.type() + "' on checkout.purchases");
        };
        EventFields.requireKeyMatches(event, recordKey, parsed.customerId());
        return parsed;
    }
}
