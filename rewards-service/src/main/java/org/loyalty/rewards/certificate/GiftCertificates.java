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
 * Gift certificates for spend in a rolling window (design rule 2). On a purchase, the free
 * spend of the window ending at that purchase is allocated to as many certificates as it
 * fills; a batch of purchases is replayed in memory and written at once. Refunds take spend
 * back through {@link CertificateTakeBack}.
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

    /** A purchase just recorded, which may earn certificates. */
    public record NewPurchase(String customerId, String orderId, Instant placedAt) {
    }

    /**
     * Issues the certificates that new purchases earn, each with the window ending at its own
     * time, as if they had arrived one by one (see {@link FreeSpendReplay}): one query for the
     * free spend of all their customers, then a few batched writes.
     */
    public Uni<Void> afterPurchases(SqlConnection connection, List<NewPurchase> purchases) {
        if (purchases.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int months = config.certificate().windowMonths();
        Instant earliest = purchases.stream().map(NewPurchase::placedAt).min(Comparator.naturalOrder()).orElseThrow();
        Set<String> inBatch = purchases.stream().map(NewPurchase::orderId).collect(Collectors.toSet());
        return connection.preparedQuery("""
                SELECT customer_id, order_id, placed_at, goods_total - refunded_total - allocated FROM purchase
                WHERE customer_id = ANY($1) AND placed_at > $2 AND goods_total - refunded_total - allocated > 0""")
                .execute(Tuple.of(purchases.stream().map(NewPurchase::customerId).distinct().toArray(String[]::new),
                        FreeSpendReplay.start(earliest, months).atOffset(ZoneOffset.UTC)))
                .chain(rows -> {
                    FreeSpendReplay replay = new FreeSpendReplay(config.certificate().threshold(), months);
                    rows.forEach(row -> replay.add(row.getString(0), row.getString(1), row.getOffsetDateTime(2).toInstant(),
                            row.getBigDecimal(3), inBatch.contains(row.getString(1))));
                    return issue(connection, replay.replay(purchases));
                });
    }

    private Uni<Void> issue(SqlConnection connection, List<FreeSpendReplay.Earned> earned) {
        if (earned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Reward> certificates = new ArrayList<>();
        List<UUID> allocatedTo = new ArrayList<>();
        List<String> allocatedFrom = new ArrayList<>();
        List<BigDecimal> allocatedAmounts = new ArrayList<>();
        Map<String, BigDecimal> allocatedByOrder = new TreeMap<>();
        for (FreeSpendReplay.Earned one : earned) {
            Reward certificate = certificate(one.customerId());
            certificates.add(certificate);
            one.allocation().byOrder().forEach((orderId, amount) -> {
                allocatedTo.add(certificate.rewardId());
                allocatedFrom.add(orderId);
                allocatedAmounts.add(amount);
                allocatedByOrder.merge(orderId, amount, BigDecimal::add);
            });
        }
        return lifecycle.issueAll(connection, certificates)
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO certificate_allocation (reward_id, order_id, amount)
                        SELECT * FROM unnest($1::uuid[], $2::text[], $3::numeric[])""")
                        .execute(Tuple.of(allocatedTo.toArray(UUID[]::new), allocatedFrom.toArray(String[]::new),
                                allocatedAmounts.toArray(BigDecimal[]::new))))
                .chain(() -> connection.preparedQuery("""
                        UPDATE purchase p SET allocated = p.allocated + u.amount
                        FROM unnest($1::text[], $2::numeric[]) AS u(order_id, amount) WHERE p.order_id = u.order_id""")
                        .execute(Tuple.of(allocatedByOrder.keySet().toArray(String[]::new),
                                allocatedByOrder.values().toArray(BigDecimal[]::new))))
                .replaceWithVoid();
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
