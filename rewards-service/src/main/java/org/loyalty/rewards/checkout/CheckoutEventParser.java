package org.loyalty.rewards.checkout;

import static org.loyalty.kit.messaging.EventFields.amount;
import static org.loyalty.kit.messaging.EventFields.currency;
import static org.loyalty.kit.messaging.EventFields.id;
import static org.loyalty.kit.messaging.EventFields.instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEvent;
import org.loyalty.kit.messaging.EventFields;
import org.loyalty.kit.messaging.RejectedRecordException;
import org.loyalty.rewards.RewardsConfig;

/** Validates checkout events; the invalid ones go to rewards-service.dlq with the reason. */
@ApplicationScoped
public class CheckoutEventParser {

    private final RewardsConfig config;

    public CheckoutEventParser(RewardsConfig config) {
        this.config = config;
    }

    public CheckoutEvent parse(CloudEvent event, String recordKey) {
        CheckoutEvent parsed = switch (event.type()) {
            case CheckoutEvent.Purchase.TYPE -> purchase(event);
            case CheckoutEvent.Refund.TYPE -> refund(event);
            default -> throw new RejectedRecordException("unknown_type", event.type(),
                    "unsupported event type '" + event.type() + "' on checkout.purchases");
        };
        EventFields.requireKeyMatches(event, recordKey, parsed.customerId());
        return parsed;
    }

    private CheckoutEvent purchase(CloudEvent event) {
        currency(event, config.currencies());
        return new CheckoutEvent.Purchase(event.id(), id(event, "orderId"), id(event, "customerId"),
                amount(event, "goodsTotal", false), instant(event, "placedAt"));
    }

    private CheckoutEvent refund(CloudEvent event) {
        currency(event, config.currencies());
        instant(event, "refundedAt");
        return new CheckoutEvent.Refund(event.id(), id(event, "refundId"), id(event, "orderId"), id(event, "customerId"),
                amount(event, "goodsAmount", true));
    }
}
