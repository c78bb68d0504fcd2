package org.loyalty.kit.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes events to the outbox inside the caller's transaction, so they commit with the change. */
@ApplicationScoped
public class OutboxStore {

    public Uni<Void> append(SqlConnection connection, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream().map(e -> Tuple.of(e.topic(), e.key(), e.payload())).toList();
        return connection.preparedQuery("INSERT INTO outbox (topic, record_key, payload) VALUES ($1, $2, $3)")
                .executeBatch(rows)
                .replaceWithVoid();
    }
}
