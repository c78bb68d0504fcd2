package org.loyalty.rewards.support;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The inbox of applied event ids: an event is applied only by the transaction that claims it first. */
@ApplicationScoped
public class Inbox {

    public Uni<Boolean> claim(SqlConnection connection, String eventId) {
        return connection.preparedQuery("INSERT INTO processed_event (event_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.rowCount() == 1);
    }
}
