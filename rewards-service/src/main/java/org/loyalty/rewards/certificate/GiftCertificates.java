package org.loyalty.rewards.certificate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.ids.TimeOrderedIds;
import org.loyalty.rewards.RewardsConfig;
import org.loyalty.rewards.reward.Money;
import org.loyalty.rewards.reward.Reward;
import org.loyalty.rewards.reward.RewardLifecycle;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Gift certificates for spend in a rolling window (design rule 2). A poll's new purchases are
 * planned before they are recorded: the free spend of the window ending at each purchase is
 * allocated to as many certificates as it fills, replayed in memory for the whole poll, so that
 * each new purchase is inserted with its own allocation already set and only older purchases are
 * updated. Refunds take spend back through {@link CertificateTakeBack}.
 */
@ApplicationScoped
public class GiftCertificates {

    private final RewardsConfig config;
    private final CertificateCodes codes;
    private final RewardLifecycle lifecycle;
    private final Clock clock;

    public GiftCertificates(RewardsConfig config, CertificateCodes codes, RewardLifecycle lifecycle, Clock clock) {
        this.config = config;
        this.codes = codes;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** A purchase of this poll, not recorded yet, with its spend net of the refunds that came before it. */
    public record NewPurchase(String customerId, String orderId, Instant placedAt, BigDecimal netSpend) {
    }

    /** The certificates a poll's new purchases earn, and how much of which order backs each one. */
    public static final class Plan {

        private final List<FreeSpendReplay.Earned> earned;
        /** Spend of the poll's new orders that backs certificates: each order is inserted with its sum. */
        private final Map<String, BigDecimal> allocatedByNewOrder = new TreeMap<>();
        /** Spend of orders recorded before the poll that backs certificates: added to those orders. */
        private final Map<String, BigDecimal> allocatedByOlderOrder = new TreeMap<>();

        private Plan(List<FreeSpendReplay.Earned> earned, Set<String> newOrders) {
            this.earned = earned;
            earned.forEach(one -> one.allocation().byOrder().forEach((orderId, amount) ->
                    (newOrders.contains(orderId) ? allocatedByNewOrder : allocatedByOlderOrder).merge(orderId, amount, BigDecimal::add)));
        }

        /** The spend of one of the poll's new orders that backs its certificates: the order is inserted with it. */
        public BigDecimal allocatedOf(String newOrderId) {
            return allocatedByNewOrder.getOrDefault(newOrderId, BigDecimal.ZERO);
        }
    }

    /**
     * Plans the certificates that new purchases earn, each with the window ending at its own time,
     * as if they had arrived one by one (see {@link FreeSpendReplay}): one query for the free spend
     * recorded before them, the rest in memory. Call before the purchases are inserted.
     */
    public Uni<Plan> plan(SqlConnection connection, List<NewPurchase> purchases) {
        if (purchases.isEmpty()) {
            return Uni.createFrom().item(new Plan(List.of(), Set.of()));
        }
        int months = config.certificate().windowMonths();
        Instant earliest = purchases.stream().map(NewPurchase::placedAt).min(Comparator.naturalOrder()).orElseThrow();
        return connection.preparedQuery("""
                SELECT customer_id, order_id, placed_at, goods_total - refunded_total - allocated FROM purchase
                WHERE customer_id = ANY($1) AND placed_at > $2 AND goods_total - refunded_total - allocated > 0""")
                .execute(Tuple.of(purchases.stream().map(NewPurchase::customerId).distinct().toArray(String[]::new),
                        FreeSpendReplay.start(earliest, months).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    FreeSpendReplay replay = new FreeSpendReplay(config.certificate().threshold(), months);
                    rows.forEach(row -> replay.add(row.getString(0), row.getString(1), row.getOffsetDateTime(2).toInstant(),
                            row.getBigDecimal(3), false));
                    purchases.stream().filter(p -> p.netSpend().signum() > 0)
                            .forEach(p -> replay.add(p.customerId(), p.orderId(), p.placedAt(), p.netSpend(), true));
                    return new Plan(replay.replay(purchases), purchases.stream().map(NewPurchase::orderId).collect(Collectors.toSet()));
                });
    }

    /**
     * Issues the planned certificates, records which spend backs each one, and adds what they
     * take of older purchases to those purchases (the new ones were inserted with theirs).
     */
    public Uni<Void> issue(SqlConnection connection, Plan plan) {
        if (plan.earned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Reward> certificates = new ArrayList<>();
        List<UUID> allocatedTo = new ArrayList<>();
        List<String> allocatedFrom = new ArrayList<>();
        List<BigDecimal> allocatedAmounts = new ArrayList<>();
        for (FreeSpendReplay.Earned one : plan.earned) {
            Reward certificate = certificate(one.customerId());
            certificates.add(certificate);
            one.allocation().byOrder().forEach((orderId, amount) -> {
                allocatedTo.add(certificate.rewardId());
                allocatedFrom.add(orderId);
                allocatedAmounts.add(amount);
            });
        }
        return lifecycle.issueAll(connection, certificates)
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO certificate_allocation (reward_id, order_id, amount)
                        SELECT * FROM unnest($1::uuid[], $2::text[], $3::numeric[])""")
                        .execute(Tuple.of(allocatedTo.toArray(UUID[]::new), allocatedFrom.toArray(String[]::new),
                                allocatedAmounts.toArray(BigDecimal[]::new))))
                .chain(() -> plan.allocatedByOlderOrder.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                        UPDATE purchase p SET allocated = p.allocated + u.amount
                        FROM unnest($1::text[], $2::numeric[]) AS u(order_id, amount) WHERE p.order_id = u.order_id""")
                        .execute(Tuple.of(plan.allocatedByOlderOrder.keySet().toArray(String[]::new),
                                plan.allocatedByOlderOrder.values().toArray(BigDecimal[]::new)))
                        .replaceWithVoid());
    }

    private Reward certificate(String customerId) {
        Instant now = clock.instant();
        RewardsConfig.Certificate rule = config.certificate();
        return new Reward(TimeOrderedIds.next(), customerId, Reward.Kind.GIFT_CERTIFICATE, codes.next(), rule.value(),
                config.currency(), null, "Gift certificate worth " + Money.of(rule.value(), config.currency()),
                "Spent " + rule.threshold().toPlainString() + " " + config.currency() + " within " + rule.windowMonths() + " months",
                Reward.Status.ACTIVE, now, now.atOffset(ZoneOffset.UTC).plusMonths(rule.validityMonths()).toInstant(), null);
    }
}
