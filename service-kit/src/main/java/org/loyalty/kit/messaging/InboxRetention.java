package org.loyalty.kit.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.loyalty.kit.jobs.ClusterJobs;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Forgets the inbox's event ids once no copy of their event can arrive any more, so that the
 * inbox does not grow by a row per event forever. Once a day (one replica, claimed in the
 * database) it deletes the ids applied longer ago than {@code loyalty.inbox.retention}, which
 * must outlast the topics' retention: an event redelivered after its id is forgotten would be
 * applied again.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    private static final String JOB = "inbox-retention";
    /** Ids deleted per statement: short transactions, however far behind the first run is. */
    private static final int CHUNK = 10_000;

    private final Pool pool;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Duration retention;

    public InboxRetention(Pool pool, ClusterJobs jobs, Clock clock,
            @ConfigProperty(name = "loyalty.inbox.retention") Duration retention) {
        this.pool = pool;
        this.jobs = jobs;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "{loyalty.inbox.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return runForToday().replaceWithVoid();
    }

    /** Runs today's clean-up if no replica has; returns the number of ids forgotten (0 when another replica ran it). */
    public Uni<Integer> runForToday() {
        return jobs.onceToday(JOB, today -> {
            Instant cutoff = clock.instant().minus(retention);
            return summarizeNewPages()
                    .chain(() -> forgetAppliedBefore(cutoff, 0))
                    .invoke(count -> LOG.infof("Inbox retention for %s: %d event ids applied before %s forgotten", today, count, cutoff));
        });
    }

    /**
     * The index on processed_at is a BRIN index (a time range per block of pages, nearly free to
     * keep up on insert because ids are appended in time order); pages appended since the last
     * vacuum have no range yet, and a query reads all of them, so summarize them first.
     */
    private Uni<Void> summarizeNewPages() {
        return pool.query("SELECT brin_summarize_new_values('processed_event_age')").execute().replaceWithVoid();
    }

    private Uni<Integer> forgetAppliedBefore(Instant cutoff, int forgottenSoFar) {
        return pool.preparedQuery("""
                DELETE FROM processed_event WHERE event_id IN (
                    SELECT event_id FROM processed_event WHERE processed_at < $1 LIMIT $2)""")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), CHUNK))
                .chain(rows -> {
                    int forgotten = forgottenSoFar + rows.rowCount();
                    return rows.rowCount() < CHUNK ? Uni.createFrom().item(forgotten) : forgetAppliedBefore(cutoff, forgotten);
                });
    }
}
