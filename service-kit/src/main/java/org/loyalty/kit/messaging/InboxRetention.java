package org.loyalty.kit.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.loyalty.kit.jobs.ClusterJobs;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
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
    /** 8 MB of the table per statement (about 100,000 ids): tens of milliseconds each. */
    private static final long PAGES_PER_STATEMENT = 1_000;

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
    public Uni<Long> runForToday() {
        return jobs.onceToday(JOB, today -> {
            Instant cutoff = clock.instant().minus(retention);
            return pagesNow()
                    .chain(pages -> forgetAppliedBefore(cutoff.atOffset(ZoneOffset.UTC), pages))
                    .invoke(count -> LOG.infof("Inbox retention for %s: %d event ids applied before %s forgotten", today, count, cutoff));
        }, 0L);
    }

    /** The inbox's size in pages; rows appended after this are new, so the walk can stop there. */
    private Uni<Long> pagesNow() {
        return pool.query("SELECT pg_relation_size('processed_event') / current_setting('block_size')::int").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Walks the table by physical position (a TID range scan), a slice of pages per statement,
     * one statement after the other: every page is read once per run and each transaction is
     * short, however many ids are due and wherever reused space put them. Deleting by
     * "processed_at < cutoff LIMIT n" instead rescans from the start each time (measured in the
     * README, Configuration). Needs no index on processed_at, which would cost every event an
     * index entry.
     */
    private Uni<Long> forgetAppliedBefore(OffsetDateTime cutoff, long pages) {
        int slices = (int) ((pages + PAGES_PER_STATEMENT - 1) / PAGES_PER_STATEMENT);
        return Multi.createFrom().range(0, slices).map(slice -> slice * PAGES_PER_STATEMENT)
                .onItem().transformToUniAndConcatenate(firstPage -> pool.preparedQuery("""
                        DELETE FROM processed_event
                        WHERE ctid >= format('(%s,0)', $1::bigint)::tid AND ctid < format('(%s,0)', $2::bigint)::tid
                          AND processed_at < $3""")
                        .execute(Tuple.of(firstPage, firstPage + PAGES_PER_STATEMENT, cutoff)))
                .collect().with(Collectors.summingLong(rows -> (long) rows.rowCount()));
    }
}
