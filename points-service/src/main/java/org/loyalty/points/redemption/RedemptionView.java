package org.loyalty.points.redemption;

/** The answer to a redemption: what it cost and the balance after it. */
public record RedemptionView(String redemptionId, String catalogItemId, String requestId, long points, long balance) {
}
