package org.loyalty.rewards.reward;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A reward as the API shows it; status is as of now (an active reward past its date shows EXPIRED). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RewardView(String rewardId, String kind, String code, Money value, Integer percent, String description,
        String status, Instant issuedAt, Instant expiresAt) {

    static RewardView of(Reward reward, Instant now) {
        Money value = reward.amount() == null ? null : Money.of(reward.amount(), reward.currency());
        String status = reward.expiredAt(now) ? Reward.Status.EXPIRED.name() : reward.status().name();
        return new RewardView(reward.rewardId().toString(), reward.kind().name(), reward.code(), value, reward.percent(),
                reward.description(), status, reward.issuedAt(), reward.expiresAt());
    }
}
