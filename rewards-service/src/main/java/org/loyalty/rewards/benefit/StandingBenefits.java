package org.loyalty.rewards.benefit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

import org.loyalty.rewards.RewardsConfig;
import org.loyalty.rewards.customer.CustomerState;
import org.loyalty.rewards.reward.Reward;
import org.loyalty.rewards.reward.RewardLifecycle;
import org.loyalty.rewards.reward.RewardStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Free shipping and the loyalty discount (design rules 3 and 4): standing benefits of
 * returning customers, derived from the order count and the segment. Checkout asks for them
 * through {@code /benefits}; marketing sees each change as reward.issued / reward.revoked.
 */
@ApplicationScoped
public class StandingBenefits {

    private final RewardsConfig config;
    private final RewardStore store;
    private final RewardLifecycle lifecycle;
    private final Clock clock;

    public StandingBenefits(RewardsConfig config, RewardStore store, RewardLifecycle lifecycle, Clock clock) {
        this.config = config;
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public boolean freeShipping(CustomerState state) {
        return "DEVOTED".equals(state.segment()) || state.completedOrders() >= config.freeShipping().afterOrders();
    }

    /** True when the order just counted is the one that earns free shipping. */
    public boolean reachesFreeShippingWith(CustomerState state) {
        return state.completedOrders() == config.freeShipping().afterOrders();
    }

    public int discountPercent(CustomerState state) {
        if ("DEVOTED".equals(state.segment())) {
            return config.discount().devoted();
        }
        return "CORE".equals(state.segment()) ? config.discount().core() : 0;
    }

    /** Brings the customer's standing-benefit rewards in line with what they qualify for now. */
    public Uni<Void> reconcile(SqlConnection connection, CustomerState state) {
        return reconcileFreeShipping(connection, state).chain(() -> reconcileDiscount(connection, state));
    }

    private Uni<Void> reconcileFreeShipping(SqlConnection connection, CustomerState state) {
        boolean qualifies = freeShipping(state);
        return store.activeOfKind(connection, state.customerId(), Reward.Kind.FREE_SHIPPING).chain(active -> {
            if (qualifies && active.isEmpty()) {
                String reason = "DEVOTED".equals(state.segment()) ? "Member of the VIP club"
                        : state.completedOrders() + " completed orders";
                return lifecycle.issue(connection, standing(state, Reward.Kind.FREE_SHIPPING, null, "Free shipping on every order", reason))
                        .replaceWithVoid();
            }
            if (!qualifies && !active.isEmpty()) {
                return revokeAll(connection, active, "No longer qualifies for free shipping");
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> reconcileDiscount(SqlConnection connection, CustomerState state) {
        int percent = discountPercent(state);
        return store.activeOfKind(connection, state.customerId(), Reward.Kind.LOYALTY_DISCOUNT).chain(active -> {
            boolean current = active.size() == 1 && active.get(0).percent() == percent;
            if (current || (percent == 0 && active.isEmpty())) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> revoked = revokeAll(connection, active, "Segment is now " + state.segment());
            if (percent == 0) {
                return revoked;
            }
            return revoked.chain(() -> lifecycle.issue(connection, standing(state, Reward.Kind.LOYALTY_DISCOUNT, percent,
                    percent + "% off every order", "Returning customer in segment " + state.segment()))).replaceWithVoid();
        });
    }

    private Uni<Void> revokeAll(SqlConnection connection, List<Reward> rewards, String why) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Reward reward : rewards) {
            chain = chain.chain(() -> lifecycle.revoke(connection, reward, why));
        }
        return chain;
    }

    private Reward standing(CustomerState state, Reward.Kind kind, Integer percent, String description, String reason) {
        return new Reward(UUID.randomUUID(), state.customerId(), kind, null, null, null, percent, description, reason,
                Reward.Status.ACTIVE, clock.instant(), null, null);
    }
}
