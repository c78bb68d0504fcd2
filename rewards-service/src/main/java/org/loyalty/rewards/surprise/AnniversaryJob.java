package org.loyalty.rewards.surprise;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.loyalty.kit.jobs.ClusterJobs;
import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.rewards.customer.CustomerStore;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * On the anniversary of their first purchase, CORE and DEVOTED customers get a surprise
 * (unless they had one in the last 90 days). Runs daily, once cluster-wide; each customer is
 * celebrated once per year, in a transaction of its own.
 */
@ApplicationScoped
public class AnniversaryJob {

    private static final Logger LOG = Logger.getLogger(AnniversaryJob.class);
    private static final String JOB = "rewards-anniversaries";

    private final Pool pool;
    private final ClusterJobs jobs;
    private final CustomerStore customers;
    private final SurpriseGifts surprises;
    private final OutboxRelay relay;

    public AnniversaryJob(Pool pool, ClusterJobs jobs, CustomerStore customers, SurpriseGifts surprises, OutboxRelay relay) {
        this.pool = pool;
        this.jobs = jobs;
        this.customers = customers;
        this.surprises = surprises;
        this.relay = relay;
    }

    @Scheduled(cron = "{rewards.jobs.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return runForToday().replaceWithVoid();
    }

    /** Celebrates today's anniversaries if no replica has; returns how many customers were considered. */
    public Uni<Integer> runForToday() {
        return jobs.onceToday(JOB, this::celebrate);
    }

    private Uni<Integer> celebrate(LocalDate today) {
        return pool.preparedQuery("""
                SELECT customer_id FROM customer_state
                WHERE segment IN ('CORE', 'DEVOTED') AND first_purchase_at < $1
                  AND extract(month FROM first_purchase_at AT TIME ZONE 'UTC') = $2
                  AND extract(day FROM first_purchase_at AT TIME ZONE 'UTC') = $3
                  AND (last_anniversary_year IS NULL OR last_anniversary_year < $4)""")
                .execute(Tuple.of(today.minusYears(1).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        today.getMonthValue(), today.getDayOfMonth(), today.getYear()))
                .chain(rows -> {
                    List<String> due = new ArrayList<>();
                    rows.forEach(row -> due.add(row.getString(0)));
                    return Multi.createFrom().iterable(due)
                            .onItem().transformToUniAndConcatenate(customerId -> celebrateOne(customerId, today.getYear()))
                            .collect().asList()
                            .replaceWith(due.size());
                })
                .invoke(count -> {
                    LOG.infof("Anniversaries on %s: %d customers", today, count);
                    relay.wakeUp();
                });
    }

    private Uni<Void> celebrateOne(String customerId, int year) {
        return pool.withTransaction(connection -> customers.lock(connection, customerId).chain(state -> {
            state.celebratedAnniversary(year);
            return surprises.maybeGive(connection, state, "Anniversary of your first purchase")
                    .chain(() -> customers.save(connection, state));
        }));
    }
}
