package org.loyalty.rewards.benefit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

import org.loyalty.kit.ids.TimeOrderedIds;
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
        return reconcileAll(connection, List.of(state));
    }

    /**
     * As {@link #reconcile} for many customers: one query for their active benefits, the
     * decisions in memory, the new rewards issued with two statements; revocations (a segment
     * lost) one by one, as they are rare.
     */
    public Uni<Void> reconcileAll(SqlConnection connection, Collection<CustomerState> states) {
        if (states.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.activeStandingBenefits(connection, states.stream().map(CustomerState::customerId).toList()).chain(active -> {
            Map<String, List<Reward>> byCustomer = active.stream().collect(Collectors.groupingBy(Reward::customerId));
            List<Reward> issued = new ArrayList<>();
            Map<Reward, String> revoked = new LinkedHashMap<>();
            for (CustomerState state : states) {
                List<Reward> current = byCustomer.getOrDefault(state.customerId(), List.of());
                planFreeShipping(state, ofKind(current, Reward.Kind.FREE_SHIPPING), issued, revoked);
                planDiscount(state, ofKind(current, Reward.Kind.LOYALTY_DISCOUNT), issued, revoked);
            }
            Uni<Void> revocations = lifecycle.revokeAll(connection, revoked);
            return issued.isEmpty() ? revocations : revocations.chain(() -> lifecycle.issueAll(connection, issued));
        });
    }

    private void planFreeShipping(CustomerState state, List<Reward> active, List<Reward> issued, Map<Reward, String> revoked) {
        boolean qualifies = freeShipping(state);
        if (qualifies && active.isEmpty()) {
            String reason = "DEVOTED".equals(state.segment()) ? "Member of the VIP club" : state.completedOrders() + " completed orders";
            issued.add(standing(state, Reward.Kind.FREE_SHIPPING, null, "Free shipping on every order", reason));
        } else if (!qualifies) {
            active.forEach(reward -> revoked.put(reward, "No longer qualifies for free shipping"));
        }
    }

    private void planDiscount(CustomerState state, List<Reward> active, List<Reward> issued, Map<Reward, String> revoked) {
        int percent = discountPercent(state);
        boolean current = active.size() == 1 && active.get(0).percent() == percent;
        if (current || (percent == 0 && active.isEmpty())) {
            return;
        }
        active.forEach(reward -> revoked.put(reward, "Segment is now " + state.segment()));
        if (percent != 0) {
            issued.add(standing(state, Reward.Kind.LOYALTY_DISCOUNT, percent, percent + "% off every order",
                    "Returning customer in segment " + state.segment()));
        }
    }

    private static List<Reward> ofKind(List<Reward> rewards, Reward.Kind kind) {
        return rewards.stream().filter(reward -> reward.kind() == kind).toList();
    }

    private Reward standing(CustomerState state, Reward.Kind kind, Integer percent, String description, String reason) {
        return new Reward(TimeOrderedIds.next(), state.customerId(), kind, null, null, null, percent, description, reason,
                Reward.Status.ACTIVE, clock.instant(), null, null);
    }
}
