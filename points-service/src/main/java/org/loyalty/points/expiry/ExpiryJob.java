package org.loyalty.points.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.loyalty.points.ledger.LedgerEntry;
import org.loyalty.points.ledger.LedgerRelay;
import org.loyalty.points.ledger.LedgerStore;
import org.loyalty.points.ledger.PointsConfig;
import org.loyalty.kit.jobs.ClusterJobs;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Expires the positive balance of accounts with no activity for the configured number of
 * months. Runs daily; the day is claimed in the database so that one replica does the work.
 * Accounts are handled in chunks of one transaction each (ledger entry, zero balance and
 * {@code points.expired} event together).
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    private static final String JOB = "points-expiry";
    private static final int CHUNK = 500;

    private final Pool pool;
    private final ClusterJobs jobs;
    private final LedgerStore ledger;
    private final LedgerRelay relay;
    private final PointsConfig config;
    private final Clock clock;

    public ExpiryJob(Pool pool, ClusterJobs jobs, LedgerStore ledger, LedgerRelay relay, PointsConfig config, Clock clock) {
        this.pool = pool;
        this.jobs = jobs;
        this.ledger = ledger;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "{points.expiry.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return runForToday().replaceWithVoid();
    }

    /** Runs today's expiry if no replica has; returns the number of accounts expired (0 when another replica ran it). */
    public Uni<Integer> runForToday() {
        return jobs.onceToday(JOB, today -> {
            Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minusMonths(config.expiry().inactiveMonths()).toInstant();
            return expireFrom(cutoff, "", 0).invoke(count -> {
                LOG.infof("Points expiry for %s: %d accounts inactive since before %s", today, count, cutoff);
                relay.wakeUp();
            });
        });
    }

    /** Expired accounts in one chunk, and the last customer id it looked at (the next chunk starts after it). */
    private record Chunk(int expired, String last) {
    }

    private Uni<Integer> expireFrom(Instant cutoff, String after, int doneSoFar) {
        return expireChunk(cutoff, after).chain(chunk -> chunk.expired() < CHUNK
                ? Uni.createFrom().item(doneSoFar + chunk.expired())
                : expireFrom(cutoff, chunk.last(), doneSoFar + chunk.expired()));
    }

    /**
     * One pass over the accounts in customer order, a chunk at a time: the scan needs no index on
     * the activity time, which every ledger write changes (an index there would make each balance
     * update write index entries instead of updating the row in place).
     */
    private Uni<Chunk> expireChunk(Instant cutoff, String after) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        SELECT customer_id, balance FROM points_account
                        WHERE customer_id > $3 AND balance > 0 AND last_activity_at < $1
                        ORDER BY customer_id LIMIT $2 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), CHUNK, after))
                .chain(rows -> {
                    List<LedgerEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new LedgerEntry(row.getString(0), LedgerEntry.Type.EXPIRE, -row.getLong(1), 0, null, null, null, now));
                    }
                    if (entries.isEmpty()) {
                        return Uni.createFrom().item(new Chunk(0, after));
                    }
                    String[] customers = entries.stream().map(LedgerEntry::customerId).toArray(String[]::new);
                    return connection.preparedQuery("UPDATE points_account SET balance = 0 WHERE customer_id = ANY($1)")
                            .execute(Tuple.of((Object) customers))
                            .chain(() -> ledger.appendEntries(connection, entries))
                            .replaceWith(new Chunk(entries.size(), customers[customers.length - 1]));
                }));
    }
}
