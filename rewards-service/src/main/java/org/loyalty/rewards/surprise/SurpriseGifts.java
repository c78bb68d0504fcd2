package org.loyalty.rewards.surprise;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.ids.TimeOrderedIds;
import org.loyalty.rewards.RewardsConfig;
import org.loyalty.rewards.customer.CustomerState;
import org.loyalty.rewards.reward.Reward;
import org.loyalty.rewards.reward.RewardLifecycle;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The small surplus (design rule 5): an unannounced gift, never converted into a discount,
 * at most one per customer per 90 days, never for DIFFICULT or DEAD customers. Nothing
 * announces it before it is issued.
 */
@ApplicationScoped
public class SurpriseGifts {

    private static final Set<String> NEVER = Set.of("DIFFICULT", "DEAD");

    private final RewardsConfig config;
    private final RewardLifecycle lifecycle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SurpriseGifts(RewardsConfig config, RewardLifecycle lifecycle, Clock clock) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Gives a surprise for {@code occasion} if the customer may have one now; the state records it. */
    public Uni<Void> maybeGive(SqlConnection connection, CustomerState state, String occasion) {
        Instant now = clock.instant();
        if (NEVER.contains(state.segment()) || hadOneRecently(state, now)) {
            return Uni.createFrom().voidItem();
        }
        List<String> gifts = config.surprise().gifts();
        String gift = gifts.get(random.nextInt(gifts.size()));
        Reward surprise = new Reward(TimeOrderedIds.next(), state.customerId(), Reward.Kind.SURPRISE_GIFT, null, null, null, null,
                gift, occasion, Reward.Status.ACTIVE, now, null, null);
        state.surprised(now);
        return lifecycle.issue(connection, surprise).replaceWithVoid();
    }

    private boolean hadOneRecently(CustomerState state, Instant now) {
        return state.lastSurpriseAt() != null
                && Duration.between(state.lastSurpriseAt(), now).compareTo(Duration.ofDays(config.surprise().minDaysBetween())) < 0;
    }
}
