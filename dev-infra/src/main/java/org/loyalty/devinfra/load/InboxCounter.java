package org.loyalty.devinfra.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts the events of one stream that a service has committed: their ids in its inbox (processed_event). */
public final class InboxCounter {

    private final PreparedStatement count;

    public InboxCounter(Connection database, String idPrefix) throws SQLException {
        // The range lets the primary key answer (LIKE alone reads the whole table unless the collation is C);
        // LIKE keeps the count right under any collation.
        count = database.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id >= ? AND event_id < ? AND event_id LIKE ?");
        count.setString(1, idPrefix);
        count.setString(2, idPrefix.substring(0, idPrefix.length() - 1) + (char) (idPrefix.charAt(idPrefix.length() - 1) + 1));
        count.setString(3, idPrefix + "%");
    }

    public long count() throws SQLException {
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
