package org.loyalty.rewards.reward;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.OutboxStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Issues and revokes rewards inside the caller's transaction, each change with its event in the outbox. */
@ApplicationScoped
public class RewardLifecycle {

    private final RewardStore store;
    private final RewardEvents events;
    private final OutboxStore outbox;
    private final Clock clock;

    public RewardLifecycle(RewardStore store, RewardEvents events, OutboxStore outbox, Clock clock) {
        this.store = store;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Reward> issue(SqlConnection connection, Reward reward) {
        return store.insert(connection, reward)
                .chain(() -> outbox.append(connection, List.of(events.of(RewardEvents.ISSUED, reward, null, reward.issuedAt()))))
                .replaceWith(reward);
    }

    /** Issues many rewards with two batched statements. */
    public Uni<Void> issueAll(SqlConnection connection, List<Reward> rewards) {
        return store.insertAll(connection, rewards)
                .chain(() -> outbox.append(connection, rewards.stream()
                        .map(reward -> events.of(RewardEvents.ISSUED, reward, null, reward.issuedAt())).toList()));
    }

    /** Revokes many rewards with two batched statements; the value says why each one was revoked. */
    public Uni<Void> revokeAll(SqlConnection connection, Map<Reward, String> why) {
        if (why.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return store.setStatusAll(connection, why.keySet().stream().map(Reward::rewardId).toList(), Reward.Status.REVOKED)
                .chain(() -> outbox.append(connection, why.entrySet().stream()
                        .map(revoked -> events.of(RewardEvents.REVOKED, revoked.getKey(), revoked.getValue(), now)).toList()));
    }
}
