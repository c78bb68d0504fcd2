package org.loyalty.kit.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.sql.Columns;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes events to the outbox inside the caller's transaction, so they commit with the change. */
@ApplicationScoped
public class OutboxStore {

    public Uni<Void> append(SqlConnection connection, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // One statement for the whole list; ids follow the list, and the relay publishes in id order.
        // The payloads go as their UTF-8 bytes, which the database checks and stores as text.
        return connection.preparedQuery("""
                INSERT INTO outbox (topic, record_key, payload)
                SELECT t, k, convert_from(p, 'UTF8') FROM unnest($1::text[], $2::text[], $3::bytea[]) WITH ORDINALITY AS e(t, k, p, n)
                ORDER BY n""")
                .execute(Tuple.of(Columns.of(events, OutboxEvent::topic, String[]::new),
                        Columns.of(events, OutboxEvent::key, String[]::new),
                        Columns.of(events, event -> Buffer.buffer(event.payload()), Buffer[]::new)))
                .replaceWithVoid();
    }
}
