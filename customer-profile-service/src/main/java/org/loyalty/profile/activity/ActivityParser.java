package org.loyalty.profile.activity;

import static org.loyalty.kit.messaging.EventFields.amount;
import static org.loyalty.kit.messaging.EventFields.currency;
import static org.loyalty.kit.messaging.EventFields.id;
import static org.loyalty.kit.messaging.EventFields.instant;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEvent;
import org.loyalty.kit.messaging.EventFields;
import org.loyalty.kit.messaging.RejectedRecordException;
import org.loyalty.profile.ProfileConfig;

/** Validates the events of each input topic; invalid ones go to customer-profile-service.dlq with the reason. */
@ApplicationScoped
public class ActivityParser {

    private static final Set<String> NOTIFICATION_TYPES_TO_SKIP = Set.of("notification.sent", "notification.failed");

    private final ProfileConfig config;

    public ActivityParser(ProfileConfig config) {
        this.config = config;
    }

    public ActivityEvent checkout(CloudEvent event, String key) {
        return checked(event, key, switch (event.type()) {
            case "purchase.completed" -> new ActivityEvent.Purchase(event.id(), id(event, "customerId"), id(event, "orderId"),
                    withCurrency(event, amount(event, "goodsTotal", false)), instant(event, "placedAt"));
            case "purchase.refunded" -> new ActivityEvent.Refund(event.id(), id(event, "customerId"), id(event, "refundId"),
                    id(event, "orderId"), withCurrency(event, amount(event, "goodsAmount", true)));
            default -> throw unknown(event, "checkout.purchases");
        });
    }

    public ActivityEvent billing(CloudEvent event, String key) {
        return checked(event, key, switch (event.type()) {
            case "invoice.paid" -> new ActivityEvent.InvoicePaid(event.id(), id(event, "customerId"), id(event, "invoiceId"),
                    withCurrency(event, amount(event, "amount", false)), instant(event, "dueAt"), instant(event, "paidAt"));
            case "invoice.overdue" -> new ActivityEvent.InvoiceOverdue(event.id(), id(event, "customerId"), id(event, "invoiceId"),
                    withCurrency(event, amount(event, "amount", false)), instant(event, "dueAt"));
            default -> throw unknown(event, "billing.invoices");
        });
    }

    public ActivityEvent support(CloudEvent event, String key) {
        if (!"complaint.filed".equals(event.type())) {
            throw unknown(event, "support.complaints");
        }
        return checked(event, key, new ActivityEvent.Complaint(event.id(), id(event, "customerId"), id(event, "complaintId"),
                instant(event, "filedAt")));
    }

    /** Only customer.unsubscribed matters here; the notification log is notification-service's. */
    public ActivityEvent notifications(CloudEvent event, String key) {
        if (NOTIFICATION_TYPES_TO_SKIP.contains(event.type())) {
            return null;
        }
        if (!"customer.unsubscribed".equals(event.type())) {
            throw unknown(event, "loyalty.notifications");
        }
        return checked(event, key, new ActivityEvent.Unsubscribed(event.id(), id(event, "customerId"), instant(event, "occurredAt")));
    }

    private java.math.BigDecimal withCurrency(CloudEvent event, java.math.BigDecimal amount) {
        currency(event, config.currencies());
        return amount;
    }

    private static ActivityEvent checked(CloudEvent event, String key, ActivityEvent parsed) {
        EventFields.requireKeyMatches(event, key, parsed.customerId());
        return parsed;
    }

    private static RejectedRecordException unknown(CloudEvent event, String topic) {
        return new RejectedRecordException("unknown_type", event.type(), "unsupported event type '" + event.type() + "' on " + topic);
    }
}
