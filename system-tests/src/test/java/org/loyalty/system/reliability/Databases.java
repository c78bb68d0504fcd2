package org.loyalty.system.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.loyalty.devinfra.postgres.PostgresServer;
import org.loyalty.devinfra.run.Platform;

/** The services' own databases, read by the tests over JDBC, and taken offline for outages. */
final class Databases {

    private final PostgresServer postgres;
    private final String prefix;

    Databases(PostgresServer postgres, String prefix) {
        this.postgres = postgres;
        this.prefix = prefix;
    }

    /** One number from a query on a service's database, e.g. a count. */
    long number(String service, String sql, Object... parameters) {
        Map<String, Long> rows = numbersByKey(service, "SELECT 'x', (" + sql + ")::bigint", parameters);
        return rows.getOrDefault("x", 0L);
    }

    /** A query on a service's database whose rows are (key, number). */
    Map<String, Long> numbersByKey(String service, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database(service)), postgres.user(), postgres.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + service + " failed: " + sql, e);
        }
    }

    /** Every service's database refuses connections and loses the open ones. */
    void takeOffline() throws SQLException {
        for (Platform.Service service : Platform.SERVICES) {
            postgres.refuseConnections(prefix + service.database());
        }
    }

    void bringOnline() throws SQLException {
        for (Platform.Service service : Platform.SERVICES) {
            postgres.allowConnections(prefix + service.database());
        }
    }

    void dropAll() {
        for (Platform.Service service : Platform.SERVICES) {
            try {
                postgres.dropDatabase(prefix + service.database());
            } catch (SQLException e) {
                System.err.println("Could not drop " + prefix + service.database() + ": " + e.getMessage());
            }
        }
    }

    private String database(String service) {
        return prefix + Platform.SERVICES.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().database();
    }
}
