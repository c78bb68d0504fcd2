package org.loyalty.devinfra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import org.loyalty.devinfra.postgres.PostgresServer;

/**
 * Stands in for autovacuum on a server that runs without it (this machine's PostgreSQL sets
 * {@code autovacuum = off}). A production server analyzes a table once a tenth of it has
 * changed, so by the time a service has applied the warm-up's events its planner knows how
 * its tables' rows are spread. Without autovacuum the services' tables are never analyzed,
 * and the planner guesses from their sizes alone: in the benchmark it read a whole table for
 * a batch's few thousand keys, and the four services' databases took more CPU than with
 * statistics (measured in the README's benchmark section). The benchmark therefore does once,
 * after the warm-up, what autovacuum would have done by then.
 */
final class PlannerStatistics {

    private PlannerStatistics() {
    }

    /** True when the server never vacuums or analyzes by itself. */
    static boolean autovacuumOff(PostgresServer postgres) throws SQLException {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
                ResultSet setting = db.createStatement().executeQuery("SHOW autovacuum")) {
            setting.next();
            return setting.getString(1).equals("off");
        }
    }

    /** Vacuums and analyzes every table of each database, as autovacuum would. */
    static void refresh(PostgresServer postgres, Collection<String> databases) throws SQLException {
        for (String database : databases) {
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                    Statement vacuum = db.createStatement()) {
                vacuum.execute("VACUUM ANALYZE");
            }
        }
    }
}
