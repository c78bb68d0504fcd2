package org.loyalty.points.ledger;

import java.time.Instant;

/** A customer's balance (pending points included) and lifetime totals, as locked for a change. */
public final class PointsAccount {
    final String customerId;
    long balance;
    long lifetimeEarned;
    long lifetimeRedeemed;
    Instant lastActivityAt;

    public PointsAccount(String customerId, long balance, long lifetimeEarned, long lifetimeRedeemed, Instant lastActivityAt) {
        this.customerId = customerId;
        this.balance = balance;
        this.lifetimeEarned = lifetimeEarned;
        this.lifetimeRedeemed = lifetimeRedeemed;
        this.lastActivityAt = lastActivityAt;
    }

    void recordActivity(Instant at) {
        if (lastActivityAt == null || at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
    }

    public String customerId() { return customerId; }
    public long balance() { return balance; }
    public long lifetimeEarned() { return lifetimeEarned; }
    public long lifetimeRedeemed() { return lifetimeRedeemed; }
    public Instant lastActivityAt() { return lastActivityAt; }
}
