package org.loyalty.rewards.reward;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.jobs.ClusterJobs;
import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.kit.messaging.OutboxStore;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Marks certificates past their expiry date as EXPIRED and publishes reward.expired; daily, once cluster-wide. */
@ApplicationScoped
public class RewardExpiryJob {

    private static final String JOB = "rewards-expiry";

    private final Pool pool;
    private final ClusterJobs jobs;
    private final RewardStore store;
    private final RewardEvents events;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public RewardExpiryJob(Pool pool, ClusterJobs jobs, RewardStore store, RewardEvents events, OutboxStore outbox, OutboxRelay relay,
            Clock clock) {
        this.pool = pool;
        this.jobs = jobs;
        this.store = store;
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(cron = "{rewards.jobs.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return runForToday().replaceWithVoid();
    }

    public Uni<Integer> runForToday() {
        Instant now = clock.instant();
        return jobs.onceToday(JOB, today -> pool.withTransaction(connection -> store.expireDue(connection, now)
                        .chain(expired -> outbox.append(connection,
                                expired.stream().map(reward -> events.of(RewardEvents.EXPIRED, reward, null, now)).toList())
                                .replaceWith(expired.size())))
                        .invoke(relay::wakeUp));
    }
}
