package org.loyalty.rewards.certificate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.rewards.RewardsConfig;
import org.loyalty.rewards.reward.Reward;
import org.loyalty.rewards.reward.RewardLifecycle;
import org.loyalty.rewards.reward.RewardStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Takes refunded spend back from the certificates it backed (design rule 2). While an order's
 * allocated spend exceeds its net spend, the difference comes out of its newest certificate:
 * an unused one is revoked (and all the spend behind it freed); a used or expired one keeps its
 * status and the shortfall is recorded on it.
 * <p>
 * Many refunded orders are worked off together, one step per round, a few statements a round
 * whatever their number. That gives the result of taking them one at a time in the order given:
 * a certificate is backed by one customer's orders only, so orders of different customers never
 * touch the same certificate, and of one customer's orders only the first with a shortfall left
 * takes a step in a round (freeing a certificate can end the shortfall of the customer's next order).
 */
@ApplicationScoped
public class CertificateTakeBack {

    /** A refunded order and whose it is. */
    public record RefundedOrder(String customerId, String orderId) {
    }

    /** One step: the newest certificate behind an order, how much of the order backs it, and the shortfall to cover. */
    private record Step(String orderId, UUID rewardId, BigDecimal backing, BigDecimal shortfall) {
    }

    private final RewardsConfig config;
    private final RewardLifecycle lifecycle;
    private final RewardStore rewards;

    public CertificateTakeBack(RewardsConfig config, RewardLifecycle lifecycle, RewardStore rewards) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.rewards = rewards;
    }

    /** Call after the refunds are added to their orders; the orders in the order their refunds came. */
    public Uni<Void> afterRefunds(SqlConnection connection, List<RefundedOrder> orders) {
        Map<String, RefundedOrder> pending = new LinkedHashMap<>();
        orders.forEach(order -> pending.putIfAbsent(order.orderId(), order));
        return round(connection, pending);
    }

    private Uni<Void> round(SqlConnection connection, Map<String, RefundedOrder> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return shortfalls(connection, pending.keySet()).chain(shortfalls -> {
            pending.keySet().retainAll(shortfalls.keySet());
            Map<String, BigDecimal> stepping = firstOfEachCustomer(pending, shortfalls);
            if (stepping.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return newestCertificates(connection, stepping).chain(steps -> {
                // An order with a shortfall but no certificate left behind it has nothing more to give back.
                Set<String> backed = steps.stream().map(Step::orderId).collect(Collectors.toSet());
                pending.keySet().removeIf(orderId -> stepping.containsKey(orderId) && !backed.contains(orderId));
                return takeBack(connection, steps).chain(() -> round(connection, pending));
            });
        });
    }

    /** The orders whose allocated spend exceeds their net spend, with the difference. */
    private static Uni<Map<String, BigDecimal>> shortfalls(SqlConnection connection, Set<String> orderIds) {
        return connection.preparedQuery("""
                SELECT order_id, allocated - (goods_total - refunded_total) FROM purchase
                WHERE order_id = ANY($1) AND allocated > goods_total - refunded_total""")
                .execute(Tuple.of((Object) orderIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, BigDecimal> shortfalls = new HashMap<>();
                    rows.forEach(row -> shortfalls.put(row.getString(0), row.getBigDecimal(1)));
                    return shortfalls;
                });
    }

    private static Map<String, BigDecimal> firstOfEachCustomer(Map<String, RefundedOrder> pending, Map<String, BigDecimal> shortfalls) {
        Set<String> customers = new LinkedHashSet<>();
        Map<String, BigDecimal> stepping = new LinkedHashMap<>();
        pending.values().forEach(order -> {
            if (customers.add(order.customerId())) {
                stepping.put(order.orderId(), shortfalls.get(order.orderId()));
            }
        });
        return stepping;
    }

    private static Uni<List<Step>> newestCertificates(SqlConnection connection, Map<String, BigDecimal> stepping) {
        return connection.preparedQuery("""
                SELECT DISTINCT ON (a.order_id) a.order_id, a.reward_id, a.amount
                FROM certificate_allocation a JOIN reward r ON r.reward_id = a.reward_id
                WHERE a.order_id = ANY($1) ORDER BY a.order_id, r.issued_at DESC, r.reward_id DESC""")
                .execute(Tuple.of((Object) stepping.keySet().toArray(String[]::new)))
                .map(rows -> {
                    List<Step> steps = new ArrayList<>();
                    rows.forEach(row -> steps.add(new Step(row.getString(0), row.getUUID(1), row.getBigDecimal(2),
                            stepping.get(row.getString(0)))));
                    return steps;
                });
    }

    /** Locks the certificates, then revokes the unused ones and records the shortfall on the others. */
    private Uni<Void> takeBack(SqlConnection connection, List<Step> steps) {
        if (steps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return rewards.lockAll(connection, steps.stream().map(Step::rewardId).toList()).chain(locked -> {
            Map<UUID, Reward> byId = new HashMap<>();
            locked.forEach(reward -> byId.put(reward.rewardId(), reward));
            Map<Reward, String> unused = new LinkedHashMap<>();
            List<Step> used = new ArrayList<>();
            for (Step step : steps) {
                Reward certificate = byId.get(step.rewardId());
                if (certificate.status() == Reward.Status.ACTIVE) {
                    unused.put(certificate, "A refund of order " + step.orderId() + " brought the qualifying spend below "
                            + config.certificate().threshold().toPlainString());
                } else {
                    used.add(step);
                }
            }
            return revoke(connection, unused).chain(() -> recordShortfalls(connection, used));
        });
    }

    /** Revokes unused certificates and frees all the spend behind them. */
    private Uni<Void> revoke(SqlConnection connection, Map<Reward, String> certificates) {
        if (certificates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                WITH released AS (DELETE FROM certificate_allocation WHERE reward_id = ANY($1) RETURNING order_id, amount),
                     by_order AS (SELECT order_id, sum(amount) AS amount FROM released GROUP BY order_id)
                UPDATE purchase p SET allocated = p.allocated - r.amount FROM by_order r WHERE p.order_id = r.order_id""")
                .execute(Tuple.of((Object) certificates.keySet().stream().map(Reward::rewardId).toArray(UUID[]::new)))
                .chain(() -> lifecycle.revokeAll(connection, certificates));
    }

    /** A used certificate stays used; what it no longer has behind it is recorded on it. */
    private static Uni<Void> recordShortfalls(SqlConnection connection, List<Step> steps) {
        if (steps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple taken = Tuple.of(steps.stream().map(Step::rewardId).toArray(UUID[]::new),
                steps.stream().map(Step::orderId).toArray(String[]::new),
                steps.stream().map(step -> step.backing().min(step.shortfall())).toArray(BigDecimal[]::new));
        return connection.preparedQuery("""
                WITH t AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS t(reward_id, order_id, amount)),
                     from_allocation AS (UPDATE certificate_allocation a SET amount = a.amount - t.amount FROM t
                                    WHERE a.reward_id = t.reward_id AND a.order_id = t.order_id),
                     from_purchase AS (UPDATE purchase p SET allocated = p.allocated - t.amount FROM t WHERE p.order_id = t.order_id)
                UPDATE reward r SET unbacked_amount = r.unbacked_amount + t.amount FROM t WHERE r.reward_id = t.reward_id""")
                .execute(taken)
                .chain(() -> connection.preparedQuery("""
                        DELETE FROM certificate_allocation a USING unnest($1::uuid[], $2::text[]) AS t(reward_id, order_id)
                        WHERE a.reward_id = t.reward_id AND a.order_id = t.order_id AND a.amount <= 0""")
                        .execute(Tuple.of(taken.getValue(0), taken.getValue(1))))
                .replaceWithVoid();
    }
}
