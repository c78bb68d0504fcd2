package org.loyalty.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.loyalty.devinfra.postgres.PostgresServer;

/**
 * Looks through every text and JSON column of a service's database for a piece of personal
 * data (an address, a name): erasure is proven by what is no longer stored, not by what an API
 * stops showing.
 */
final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** "table.column" for every column in which {@code needle} still occurs. */
    static List<String> columnsHolding(PostgresServer postgres, String database, String needle) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password())) {
            for (String[] column : textColumns(connection)) {
                String sql = "SELECT 1 FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\"::text LIKE ? LIMIT 1";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, "%" + needle + "%");
                    try (ResultSet rows = statement.executeQuery()) {
                        if (rows.next()) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String[]> textColumns(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb')""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return columns;
    }
}
