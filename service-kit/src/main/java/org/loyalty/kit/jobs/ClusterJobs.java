package org.loyalty.kit.jobs;

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

    public ClusterJobs(Pool pool) {
        this.pool = pool;
    }

    /** True for exactly one caller per job and period, cluster-wide. */
    public Uni<Boolean> claim(String job, String period) {
        return pool.preparedQuery("INSERT INTO job_run (job, period) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(job, period))
                .map(rows -> rows.rowCount() == 1);
    }
}
