package org.loyalty.kit.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka and deletes what the broker acknowledged, in one database
 * transaction. A crash between the send and the commit sends those events again (consumers
 * de-duplicate on the CloudEvent id, which is stored in the payload); a change that rolled
 * back never reached the outbox. One replica relays at a time ({@link RelayLoop}), which keeps
 * each customer's events in order. Where a scan starts is {@link RelayScanStart}'s job.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox": one relay per service database
    private static final int BATCH = 500;

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final RelayScanStart scanStart = new RelayScanStart();
    private final RelayLoop loop = new RelayLoop("Outbox", this::drain);

    public OutboxRelay(Pool pool, OutboxPublisher publisher) {
        this.pool = pool;
        this.publisher = publisher;
    }

    /** Called after a transaction that wrote to the outbox commits: publish now, not at the next tick. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /**
     * The safety net: picks up whatever a wake-up missed (another replica's rows, a failed send).
     * It starts a little after the application, once the outgoing channel is connected.
     */
    @Scheduled(every = RelayLoop.TICK, delayed = RelayLoop.FIRST_TICK_DELAY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        scanStart.tick();
        wakeUp();
    }

    /** Relays batches until the outbox is empty. */
    Uni<Void> drain() {
        return drainAfter(scanStart.next());
    }

    /** Each full batch is followed by the next one, which starts after it. */
    private Uni<Void> drainAfter(long id) {
        return relayBatch(id).chain(last -> last.sent() == BATCH ? drainAfter(last.id()) : Uni.createFrom().voidItem());
    }

    /** How many rows a batch relayed, and the highest id among them. */
    private record Relayed(int sent, long id) {
        static final Relayed NONE = new Relayed(0, 0);
    }

    private Uni<Relayed> relayBatch(long afterId) {
        return RelayLoop.whileHolding(pool, RELAY_LOCK, connection -> relayLocked(connection, afterId), Relayed.NONE)
                .invoke(relayed -> scanStart.relayed(relayed.id())); // after the commit: the rows are gone for good
    }

    private Uni<Relayed> relayLocked(SqlConnection connection, long afterId) {
        return connection.preparedQuery("""
                SELECT id, topic, record_key, convert_to(payload, 'UTF8') AS payload FROM outbox WHERE id > $1 ORDER BY id LIMIT $2""")
                .execute(Tuple.of(afterId, BATCH))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<OutboxEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        events.add(new OutboxEvent(row.getString("topic"), row.getString("record_key"), row.getBuffer("payload").getBytes()));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(Relayed.NONE);
                    }
                    return publisher.publish(events)
                            .chain(() -> connection.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(new Long[0]))))
                            .replaceWith(new Relayed(ids.size(), ids.get(ids.size() - 1)));
                });
    }
}
