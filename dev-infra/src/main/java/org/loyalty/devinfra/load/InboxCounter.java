package org.loyalty.devinfra.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts the events of one stream that a service has committed: their ids in its inbox (processed_event). */
public final class InboxCounter {

    private final PreparedStatement count;

    public InboxCounter(Connection database, String idPrefix) throws SQLException {
        count = database.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id LIKE ?");
        count.setString(1, idPrefix + "%");
    }

    public long count() throws SQLException {
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
