package org.loyalty.profile.activity;

import java.math.BigDecimal;
import java.time.Instant;

/** What customers do that the profile keeps: buying, paying, complaining, unsubscribing. */
public sealed interface ActivityEvent {

    String eventId();

    String customerId();

    String type();

    record Purchase(String eventId, String customerId, String orderId, BigDecimal goodsTotal, Instant placedAt) implements ActivityEvent {
        public String type() { return "purchase.completed"; }
    }

    record Refund(String eventId, String customerId, String refundId, String orderId, BigDecimal amount) implements ActivityEvent {
        public String type() { return "purchase.refunded"; }
    }

    record InvoicePaid(String eventId, String customerId, String invoiceId, BigDecimal amount, Instant dueAt, Instant paidAt)
            implements ActivityEvent {
        public String type() { return "invoice.paid"; }
    }

    record InvoiceOverdue(String eventId, String customerId, String invoiceId, BigDecimal amount, Instant dueAt) implements ActivityEvent {
        public String type() { return "invoice.overdue"; }
    }

    record Complaint(String eventId, String customerId, String complaintId, Instant filedAt) implements ActivityEvent {
        public String type() { return "complaint.filed"; }
    }

    record Unsubscribed(String eventId, String customerId, Instant occurredAt) implements ActivityEvent {
        public String type() { return "customer.unsubscribed"; }
    }
}
