package org.loyalty.rewards.customer;

import java.time.Instant;

/** What rewards know of one customer, read under the row lock that serializes their changes. */
public final class CustomerState {
    final String customerId;
    String segment;
    int completedOrders;
    Instant firstPurchaseAt;
    Instant lastSurpriseAt;
    Integer lastAnniversaryYear;

    CustomerState(String customerId, String segment, int completedOrders, Instant firstPurchaseAt, Instant lastSurpriseAt,
            Integer lastAnniversaryYear) {
        this.customerId = customerId;
        this.segment = segment;
        this.completedOrders = completedOrders;
        this.firstPurchaseAt = firstPurchaseAt;
        this.lastSurpriseAt = lastSurpriseAt;
        this.lastAnniversaryYear = lastAnniversaryYear;
    }

    public String customerId() { return customerId; }
    public String segment() { return segment; }
    public int completedOrders() { return completedOrders; }
    public Instant firstPurchaseAt() { return firstPurchaseAt; }
    public Instant lastSurpriseAt() { return lastSurpriseAt; }
    public Integer lastAnniversaryYear() { return lastAnniversaryYear; }

    public void countOrder(Instant placedAt) {
        completedOrders++;
        if (firstPurchaseAt == null || placedAt.isBefore(firstPurchaseAt)) {
            firstPurchaseAt = placedAt;
        }
    }

    public void segment(String segment) {
        this.segment = segment;
    }

    public void surprised(Instant at) {
        lastSurpriseAt = at;
    }

    public void celebratedAnniversary(int year) {
        lastAnniversaryYear = year;
    }
}
