package org.loyalty.profile.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.kit.messaging.OutboxStore;
import org.loyalty.profile.customer.CustomerEvents;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The right to erasure: email, name, interests and buying habits are removed, consent turned
 * off; what remains (counts, totals, segment) is anonymous and keeps the aggregates right.
 * customer.erased tells every other service to erase its copy.
 */
@ApplicationScoped
public class Erasure {

    private final Pool pool;
    private final CustomerEvents events;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public Erasure(Pool pool, CustomerEvents events, OutboxStore outbox, OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** False when there is no such customer; erasing twice is harmless and publishes once. */
    public Uni<Boolean> erase(String customerId) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        UPDATE customer SET email = NULL, name = NULL, interests = NULL, buying_habits = NULL,
                            marketing_consent = false, consent_changed_at = $2, consent_source = 'erasure',
                            erased = true, registered = false
                        WHERE customer_id = $1 AND NOT erased""")
                .execute(Tuple.of(customerId, now.atOffset(java.time.ZoneOffset.UTC)))
                .chain(updated -> updated.rowCount() == 1
                        ? outbox.append(connection, List.of(events.erased(customerId, now))).replaceWith(true)
                        : connection.preparedQuery("SELECT 1 FROM customer WHERE customer_id = $1").execute(Tuple.of(customerId))
                                .map(rows -> rows.size() == 1)))
                .invoke(relay::wakeUp);
    }
}
