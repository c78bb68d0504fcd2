package org.loyalty.points.account;

import java.time.Instant;

/**
 * A customer's points. {@code balance} counts every point on the account (it may be
 * negative after a refund that follows a redemption); {@code pending} is the part still in
 * its pending period, and {@code available} = balance - pending is what can be redeemed.
 */
public record AccountView(String customerId, long balance, long available, long pending, long lifetimeEarned,
        long lifetimeRedeemed, Instant lastActivityAt) {
}
