package org.loyalty.kit.sql;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Warns at start-up when the database server runs without autovacuum. Every service looks rows
 * up in batches by {@code = ANY($1)}, and the planner chooses index probes for them only with
 * statistics, which autovacuum keeps current; its outbox relay deletes what it published, which
 * only vacuum clears. Without autovacuum nothing fails, the database just does more work per
 * event as the tables grow (the README's benchmark section measures it), so the service says so
 * where operators look, once.
 */
@ApplicationScoped
public class AutovacuumCheck {

    private static final String WARNING = "PostgreSQL runs with autovacuum off: this service's tables are neither analyzed nor vacuumed,"
            + " so its batched look-ups can read whole tables and its outbox keeps every row it deleted."
            + " Turn autovacuum on (PostgreSQL's default), or run VACUUM ANALYZE on this database regularly.";

    private static final Logger LOG = Logger.getLogger(AutovacuumCheck.class);

    private final Pool pool;

    public AutovacuumCheck(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent started) {
        warning().subscribe().with(
                warning -> warning.ifPresent(LOG::warn),
                failure -> LOG.debugf(failure, "Could not read the database server's autovacuum setting"));
    }

    /** The warning to give, or empty when the server vacuums and analyzes by itself. */
    public Uni<Optional<String>> warning() {
        return pool.query("SHOW autovacuum").execute()
                .map(rows -> "off".equals(rows.iterator().next().getString(0)) ? Optional.of(WARNING) : Optional.empty());
    }
}
