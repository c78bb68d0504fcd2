package org.loyalty.profile.segment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.loyalty.kit.jobs.ClusterJobs;
import org.loyalty.kit.messaging.OutboxRelay;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Once a day, cluster-wide: recomputes RFM scores and re-evaluates every customer, because
 * time alone moves some (12 months without a purchase, a debt that grows older than 90 days,
 * complaints that leave the 12-month window).
 * <p>
 * RFM method: quintiles over the customers who bought ({@code ntile(5)}), recency by the last
 * purchase (most recent = 5), frequency by the number of purchases, monetary by total net
 * spend (most = 5). Customers who never bought have no scores.
 */
@ApplicationScoped
public class DailyReevaluation {

    private static final Logger LOG = Logger.getLogger(DailyReevaluation.class);
    private static final String JOB = "profile-daily";
    private static final int CHUNK = 500;

    private final Pool pool;
    private final ClusterJobs jobs;
    private final Reclassifier reclassifier;
    private final OutboxRelay relay;
    private final Clock clock;

    public DailyReevaluation(Pool pool, ClusterJobs jobs, Reclassifier reclassifier, OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.jobs = jobs;
        this.reclassifier = reclassifier;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(cron = "{profile.daily.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return runForToday().replaceWithVoid();
    }

    /** Runs today's pass if no replica has; returns the number of customers re-evaluated. */
    public Uni<Integer> runForToday() {
        return jobs.onceToday(JOB, today -> scoreRfm().chain(() -> reevaluateFrom("", 0)).invoke(count -> {
                    LOG.infof("Daily re-evaluation for %s: %d customers", today, count);
                    relay.wakeUp();
                }));
    }

    private Uni<Void> scoreRfm() {
        return pool.query("""
                WITH scores AS (
                    SELECT customer_id,
                           ntile(5) OVER (ORDER BY last_purchase_at) AS recency,
                           ntile(5) OVER (ORDER BY purchases) AS frequency,
                           ntile(5) OVER (ORDER BY total_spent) AS monetary
                    FROM customer WHERE purchases > 0)
                UPDATE customer c SET rfm_recency = s.recency, rfm_frequency = s.frequency, rfm_monetary = s.monetary
                FROM scores s WHERE c.customer_id = s.customer_id""").execute().replaceWithVoid();
    }

    private Uni<Integer> reevaluateFrom(String after, int doneSoFar) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery(Reclassifier.FACTS_SQL
                        + " WHERE c.customer_id > $1 ORDER BY c.customer_id LIMIT " + CHUNK + " FOR UPDATE OF c")
                .execute(Tuple.of(after, reclassifier.windowStart(now)))
                .chain(rows -> {
                    List<Row> chunk = new ArrayList<>();
                    rows.forEach(chunk::add);
                    return reclassifier.applyAll(connection, chunk, Map.of(), now).replaceWith(chunk);
                }))
                .chain(chunk -> chunk.size() < CHUNK
                        ? Uni.createFrom().item(doneSoFar + chunk.size())
                        : reevaluateFrom(chunk.get(chunk.size() - 1).getString("customer_id"), doneSoFar + chunk.size()));
    }
}
