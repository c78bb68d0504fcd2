package org.loyalty.rewards.customer;

/** customer.reclassified from loyalty.customers: the one customer event rewards act on. */
public record SegmentChange(String eventId, String customerId, String to) {
}
