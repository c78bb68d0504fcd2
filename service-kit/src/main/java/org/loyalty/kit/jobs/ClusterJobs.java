package org.loyalty.kit.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lets a scheduled job run once per period across all replicas: the first replica to insert
 * (job, period) wins, every other replica's insert does nothing.
 */
@ApplicationScoped
public class ClusterJobs {

    private final Pool pool;
    private final Clock clock;

    public ClusterJobs(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Runs {@code work} for today (UTC, by the injectable clock) if no replica has yet;
     * returns what it counted, or 0 when another replica had today's run.
     */
    public Uni<Integer> onceToday(String job, Function<LocalDate, Uni<Integer>> work) {
        return onceToday(job, work, 0);
    }

    /**
     * As {@link #onceToday(String, Function)}, for work that counts in another type;
     * {@code notRun} when another replica had today's run.
     */
    public <T> Uni<T> onceToday(String job, Function<LocalDate, Uni<T>> work, T notRun) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return claim(job, today.toString()).chain(claimed -> claimed ? work.apply(today) : Uni.createFrom().item(notRun));
    }

    /** True for exactly one caller per job and period, cluster-wide. */
    public Uni<Boolean> claim(String job, String period) {
        return pool.preparedQuery("INSERT INTO job_run (job, period) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(job, period))
                .map(rows -> rows.rowCount() == 1);
    }
}
