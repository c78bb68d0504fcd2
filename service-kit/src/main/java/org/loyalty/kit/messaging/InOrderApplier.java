package org.loyalty.kit.messaging;

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
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> inbox.claim(connection, batch.stream().map(eventId).toList())
                .chain(claimed -> Multi.createFrom().iterable(batch)
                        .onItem().transformToUniAndConcatenate(event -> applyOne(connection, claimed, event, eventId, handler)
                                .invoke(applied -> count(type.apply(event), applied)))
                        .collect().last()))
                .replaceWithVoid();
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

    private static <E> Uni<Boolean> applyOne(SqlConnection connection, Set<String> claimed, E event, Function<E, String> eventId,
            Handler<E> handler) {
        // remove(): of two copies of one event in a batch, only the first is applied
        return claimed.remove(eventId.apply(event)) ? handler.apply(connection, event) : Uni.createFrom().item(false);
    }

    private void count(String type, boolean applied) {
        if (applied) {
            metrics.processed(type);
        } else {
            metrics.duplicate(type);
        }
    }
}
