package org.loyalty.kit.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.metrics.ProcessingMetrics;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Applies a batch of events one after the other in a single transaction: the inbox claims
 * all their ids in one round trip, each new event is handed to the service, and events seen
 * before (or twice in the batch) are only counted. For services whose rules look at one
 * customer's state per event; points-service, which nets whole batches in memory, does not need it.
 */
@ApplicationScoped
public class InOrderApplier {

    /** Applies one new event in the transaction; true if it changed something, false if it was a duplicate by business key. */
    @FunctionalInterface
    public interface Handler<E> extends BiFunction<SqlConnection, E, Uni<Boolean>> {
    }

    /** Applies all new events of a batch at once, set-based; answers the ids of those that changed something. */
    @FunctionalInterface
    public interface BatchHandler<E> extends BiFunction<SqlConnection, List<E>, Uni<Set<String>>> {
    }

    private final Pool pool;
    private final Inbox inbox;
    private final ProcessingMetrics metrics;

    public InOrderApplier(Pool pool, Inbox inbox, ProcessingMetrics metrics) {
        this.pool = pool;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    public <E> Uni<Void> apply(List<E> batch, Function<E, String> eventId, Function<E, String> type, Handler<E> handler) {
        return applyAll(batch, eventId, type, (connection, fresh) -> inOrder(connection, fresh, eventId, handler));
    }

    /** Applies events one after the other in the caller's transaction; answers the ids of those that changed something. */
    public static <E> Uni<Set<String>> inOrder(SqlConnection connection, List<E> events, Function<E, String> eventId, Handler<E> handler) {
        Set<String> applied = new HashSet<>();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> handler.apply(connection, event).invoke(changed -> {
                    if (changed) {
                        applied.add(eventId.apply(event));
                    }
                }))
                .collect().last()
                .replaceWith(applied);
    }

    /**
     * As {@link #apply}, but the events not seen before go to the handler together, in batch
     * order (of two copies of one event only the first), for services that can apply a whole
     * poll in a few statements.
     */
    public <E> Uni<Void> applyAll(List<E> batch, Function<E, String> eventId, Function<E, String> type, BatchHandler<E> handler) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> inbox.claim(connection, batch.stream().map(eventId).toList())
                .chain(claimed -> {
                    List<E> fresh = batch.stream().filter(event -> claimed.remove(eventId.apply(event))).toList();
                    return fresh.isEmpty() ? Uni.createFrom().item(Set.<String>of()) : handler.apply(connection, fresh);
                })
                .invoke(applied -> batch.forEach(event -> count(type.apply(event), applied.contains(eventId.apply(event))))))
                .replaceWithVoid();
    }

    private void count(String type, boolean applied) {
        if (applied) {
            metrics.processed(type);
        } else {
            metrics.duplicate(type);
        }
    }
}
