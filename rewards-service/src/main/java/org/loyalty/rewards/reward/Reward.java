package org.loyalty.rewards.reward;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A reward as stored: a certificate (code and value), a standing benefit (percent) or a surprise gift. */
public record Reward(UUID rewardId, String customerId, Kind kind, String code, BigDecimal amount, String currency,
        Integer percent, String description, String reason, Status status, Instant issuedAt, Instant expiresAt,
        String redeemedOrderId) {

    public enum Kind { GIFT_CERTIFICATE, FREE_SHIPPING, LOYALTY_DISCOUNT, SURPRISE_GIFT }

    public enum Status { ACTIVE, REDEEMED, EXPIRED, REVOKED }

    public boolean expiredAt(Instant now) {
        return status == Status.EXPIRED || (status == Status.ACTIVE && expiresAt != null && !now.isBefore(expiresAt));
    }
}
