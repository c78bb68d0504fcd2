package org.loyalty.points.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CommittedEventsRelay;
import org.loyalty.kit.messaging.OutboxPublisher;
import org.loyalty.kit.messaging.RelayLoop;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Publishes the ledger to loyalty.points: the entries after the log's 'published' mark, in log
 * order, then moves the mark, in one transaction (V3__ledger_is_the_event_log.sql). This is
 * points-service's transactional outbox, with the ledger rows as the outbox rows: an entry is on
 * the log once its transaction commits, and a rolled-back one never was. A crash between the send
 * and the commit sends those entries again under the same event ids ({@link LedgerEvents}). It is
 * the relay the service kit wakes after each consumed poll commits.
 */
@ApplicationScoped
public class LedgerRelay implements CommittedEventsRelay {

    static final long RELAY_LOCK = 0x6c6564676572L; // "ledger": one relay per points database
    private static final int BATCH = 500;

    private final Pool pool;
    private final LedgerStore store;
    private final LedgerEvents events;
    private final OutboxPublisher publisher;
    private final RelayLoop loop = new RelayLoop("Ledger", this::drain);

    public LedgerRelay(Pool pool, LedgerStore store, LedgerEvents events, OutboxPublisher publisher) {
        this.pool = pool;
        this.store = store;
        this.events = events;
        this.publisher = publisher;
    }

    /** Called after a transaction that appended entries commits: publish now, not at the next tick. */
    @Override
    public void wakeUp() {
        loop.wakeUp();
    }

    /** The safety net: entries a wake-up missed (another replica's, a failed send). */
    @Scheduled(every = RelayLoop.TICK, delayed = RelayLoop.FIRST_TICK_DELAY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wakeUp();
    }

    /** Relays batches until the log is published to its end. */
    private Uni<Void> drain() {
        return RelayLoop.whileHolding(pool, RELAY_LOCK, this::relayBatch, 0)
                .chain(sent -> sent == BATCH ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> relayBatch(SqlConnection connection) {
        return store.unpublished(connection, BATCH).chain(entries -> entries.isEmpty()
                ? Uni.createFrom().item(0)
                : publisher.publish(events.of(entries))
                        .chain(() -> store.markPublished(connection, entries.get(entries.size() - 1).position()))
                        .replaceWith(entries.size()));
    }
}
