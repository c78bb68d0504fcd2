package org.loyalty.rewards.reward;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEventWriter;
import org.loyalty.kit.messaging.OutboxEvent;
import org.loyalty.kit.messaging.UtcInstants;
import org.loyalty.rewards.messaging.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code reward.*} events on loyalty.rewards that marketing and notification-service read. */
@ApplicationScoped
public class RewardEvents {

    public static final String ISSUED = "reward.issued";
    public static final String REDEEMED = "reward.redeemed";
    public static final String EXPIRED = "reward.expired";
    public static final String REVOKED = "reward.revoked";

    private final CloudEventWriter writer;

    public RewardEvents(CloudEventWriter writer) {
        this.writer = writer;
    }

    /** {@code reason} overrides the reward's own reason (e.g. why it was revoked); null keeps it. */
    public OutboxEvent of(String type, Reward reward, String reason, Instant at) {
        ObjectNode data = writer.newData()
                .put("rewardId", reward.rewardId().toString())
                .put("customerId", reward.customerId())
                .put("kind", reward.kind().name())
                .put("description", reward.description())
                .put("reason", reason == null ? reward.reason() : reason)
                .put("issuedAt", UtcInstants.format(reward.issuedAt()));
        if (reward.code() != null) {
            data.put("code", reward.code());
        }
        if (reward.amount() != null) {
            Money value = Money.of(reward.amount(), reward.currency());
            data.putObject("value").put("amount", value.amount()).put("currency", value.currency());
        }
        if (reward.percent() != null) {
            data.put("percent", reward.percent());
        }
        if (reward.expiresAt() != null) {
            data.put("expiresAt", UtcInstants.format(reward.expiresAt()));
        }
        if (reward.redeemedOrderId() != null) {
            data.put("orderId", reward.redeemedOrderId());
        }
        return writer.event(Topics.LOYALTY_REWARDS, type, reward.customerId(), at, data);
    }
}
