package org.loyalty.rewards.reward;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.sql.Columns;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The reward table. */
@ApplicationScoped
public class RewardStore {

    private static final String COLUMNS = """
            reward_id, customer_id, kind, code, amount, currency, percent, description, reason, status, issued_at, expires_at,
            redeemed_order_id""";

    public Uni<Void> insert(SqlClient client, Reward reward) {
        return insertAll(client, List.of(reward));
    }

    /** One statement for all of them, their columns as arrays. */
    public Uni<Void> insertAll(SqlClient client, List<Reward> rewards) {
        return client.preparedQuery("INSERT INTO reward (" + COLUMNS + """
                ) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::int[], $8::text[],
                    $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::text[])""")
                .execute(Tuple.tuple(List.of(
                        Columns.of(rewards, Reward::rewardId, UUID[]::new), Columns.of(rewards, Reward::customerId, String[]::new),
                        Columns.of(rewards, r -> r.kind().name(), String[]::new), Columns.of(rewards, Reward::code, String[]::new),
                        Columns.of(rewards, Reward::amount, BigDecimal[]::new), Columns.of(rewards, Reward::currency, String[]::new),
                        Columns.of(rewards, Reward::percent, Integer[]::new), Columns.of(rewards, Reward::description, String[]::new),
                        Columns.of(rewards, Reward::reason, String[]::new), Columns.of(rewards, r -> r.status().name(), String[]::new),
                        Columns.of(rewards, r -> utc(r.issuedAt()), OffsetDateTime[]::new),
                        Columns.of(rewards, r -> utc(r.expiresAt()), OffsetDateTime[]::new),
                        Columns.of(rewards, Reward::redeemedOrderId, String[]::new))))
                .replaceWithVoid();
    }

    public Uni<List<Reward>> activeOfKind(SqlClient client, String customerId, Reward.Kind kind) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reward WHERE customer_id = $1 AND kind = $2 AND status = 'ACTIVE'")
                .execute(Tuple.of(customerId, kind.name())).map(RewardStore::toRewards);
    }

    /**
     * The active standing benefits (free shipping, loyalty discount) of many customers, in one query:
     * one probe of the active-by-customer index per customer. {@code OFFSET 0} keeps the planner from
     * flattening the probe into a join: on statistics that lag the growing table it then read every
     * active reward, or every standing benefit, and hashed them (55 to 120 ms a call in the benchmark).
     */
    public Uni<List<Reward>> activeStandingBenefits(SqlClient client, Collection<String> customerIds) {
        return client.preparedQuery("SELECT r.* FROM unnest($1::text[]) AS c(id) CROSS JOIN LATERAL (SELECT " + COLUMNS
                + " FROM reward WHERE customer_id = c.id AND kind IN ('FREE_SHIPPING', 'LOYALTY_DISCOUNT') AND status = 'ACTIVE'"
                + " OFFSET 0) r")
                .execute(Tuple.of(customerIds.stream().distinct().sorted().toArray(String[]::new))).map(RewardStore::toRewards);
    }

    /** The customer's rewards, newest first; status null means all. */
    public Uni<List<Reward>> list(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reward WHERE customer_id = $1 ORDER BY issued_at DESC, reward_id")
                .execute(Tuple.of(customerId)).map(RewardStore::toRewards);
    }

    public Uni<Reward> lockByCode(SqlClient client, String code) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reward WHERE code = $1 FOR UPDATE").execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? null : toReward(rows.iterator().next()));
    }

    /** Locks the rewards in id order, so that two transactions locking several never wait for each other in a cycle. */
    public Uni<List<Reward>> lockAll(SqlClient client, Collection<UUID> rewardIds) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reward WHERE reward_id = ANY($1) ORDER BY reward_id FOR UPDATE")
                .execute(Tuple.of((Object) rewardIds.stream().distinct().sorted().toArray(UUID[]::new))).map(RewardStore::toRewards);
    }

    public Uni<Void> setStatusAll(SqlClient client, Collection<UUID> rewardIds, Reward.Status status) {
        return client.preparedQuery("UPDATE reward SET status = $2 WHERE reward_id = ANY($1)")
                .execute(Tuple.of(rewardIds.toArray(UUID[]::new), status.name()))
                .replaceWithVoid();
    }

    public Uni<Void> markRedeemed(SqlClient client, UUID rewardId, String orderId, Instant at) {
        return client.preparedQuery("UPDATE reward SET status = 'REDEEMED', redeemed_order_id = $2, redeemed_at = $3 WHERE reward_id = $1")
                .execute(Tuple.of(rewardId, orderId, utc(at))).replaceWithVoid();
    }

    /** Marks active rewards past their expiry as EXPIRED and returns them. */
    public Uni<List<Reward>> expireDue(SqlClient client, Instant now) {
        return client.preparedQuery("UPDATE reward SET status = 'EXPIRED' WHERE status = 'ACTIVE' AND expires_at <= $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(utc(now))).map(RewardStore::toRewards);
    }

    private static List<Reward> toRewards(RowSet<Row> rows) {
        List<Reward> rewards = new ArrayList<>();
        rows.forEach(row -> rewards.add(toReward(row)));
        return rewards;
    }

    private static Reward toReward(Row row) {
        return new Reward(row.getUUID("reward_id"), row.getString("customer_id"), Reward.Kind.valueOf(row.getString("kind")),
                row.getString("code"), row.getBigDecimal("amount"), trimmed(row.getString("currency")), row.getInteger("percent"),
                row.getString("description"), row.getString("reason"), Reward.Status.valueOf(row.getString("status")),
                row.getOffsetDateTime("issued_at").toInstant(), instant(row.getOffsetDateTime("expires_at")),
                row.getString("redeemed_order_id"));
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
