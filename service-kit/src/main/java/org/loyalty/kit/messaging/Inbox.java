package org.loyalty.kit.messaging;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The inbox of applied event ids (a {@code processed_event} table in each service's schema):
 * an event is applied only by the transaction that claims its id first, so redelivered and
 * duplicated events change nothing. Each id is stamped with the service clock's time, the
 * clock {@link InboxRetention} forgets old ids by.
 */
@ApplicationScoped
public class Inbox {

    private final Clock clock;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    /** Claims a batch of event ids in one round trip (in id order, so concurrent batches never deadlock); returns the new ones. */
    public Uni<Set<String>> claim(SqlConnection connection, Collection<String> eventIds) {
        return connection.preparedQuery("""
                INSERT INTO processed_event (event_id, processed_at)
                SELECT id, $2 FROM unnest($1::text[]) AS id ORDER BY id
                ON CONFLICT DO NOTHING RETURNING event_id""")
                .execute(Tuple.of(eventIds.stream().distinct().sorted().toArray(String[]::new),
                        clock.instant().atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Set<String> claimed = new HashSet<>();
                    rows.forEach(row -> claimed.add(row.getString(0)));
                    return claimed;
                });
    }
}
