package org.loyalty.kit.messaging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The part every relay of committed events to Kafka shares: wake-ups that arrive while a drain
 * runs are folded into one more drain after it (never two drains at once in a replica, never a
 * wake-up lost), and each batch runs in a transaction that holds the relay's advisory lock, so one
 * replica relays at a time and each customer's events keep their order.
 */
public final class RelayLoop {

    /** How often every relay looks for what its wake-ups missed ({@code @Scheduled(every = TICK, ...)}). */
    public static final String TICK = "${loyalty.outbox.poll-interval:1s}";
    /** The first look waits for the application's outgoing channel to connect. */
    public static final String FIRST_TICK_DELAY = "${loyalty.outbox.first-poll-delay:5s}";

    private static final Logger LOG = Logger.getLogger(RelayLoop.class);

    private final String name;
    private final Supplier<Uni<Void>> drain;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean moreArrived = new AtomicBoolean();

    /**
     * @param name  what is relayed, for the log
     * @param drain relays until nothing is left (called again after a wake-up that came while it ran)
     */
    public RelayLoop(String name, Supplier<Uni<Void>> drain) {
        this.name = name;
        this.drain = drain;
    }

    /** Called after a transaction that wrote events commits: publish now, not at the next tick. */
    public void wakeUp() {
        moreArrived.set(true);
        if (draining.compareAndSet(false, true)) {
            moreArrived.set(false);
            drain.get().subscribe().with(ignored -> finished(), failure -> {
                LOG.warnf("%s relay failed, will retry: %s", name, failure.getMessage());
                draining.set(false);
            });
        }
    }

    private void finished() {
        draining.set(false);
        if (moreArrived.get()) {
            wakeUp();
        }
    }

    /**
     * Runs {@code batch} in a transaction if this replica gets the relay's lock (held until the
     * transaction ends); otherwise another replica is relaying and the answer is {@code notRelayed}.
     */
    public static <T> Uni<T> whileHolding(Pool pool, long lock, Function<SqlConnection, Uni<T>> batch, T notRelayed) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(lock))
                .chain(held -> held.iterator().next().getBoolean(0)
                        ? batch.apply(connection)
                        : Uni.createFrom().item(notRelayed)));
    }
}
