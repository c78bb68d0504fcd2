package org.loyalty.points.ledger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.points.ledger.CheckoutEvent.PurchaseRefunded;
import org.loyalty.kit.messaging.Inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Applies a batch of checkout events in one database transaction: inbox, orders, balances and
 * the ledger (which is also the log {@link LedgerRelay} publishes) commit together or not at all,
 * in about eight round trips for the whole batch.
 */
@ApplicationScoped
public class LedgerService {

    private final Pool pool;
    private final Inbox inbox;
    private final LedgerStore store;
    private final PointsPolicy policy;
    private final Clock clock;

    public LedgerService(Pool pool, Inbox inbox, LedgerStore store, PointsPolicy policy, Clock clock) {
        this.pool = pool;
        this.inbox = inbox;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** What became of a batch: the ids that were applied (the others were duplicates). */
    public record Outcome(Set<String> applied, Set<String> duplicates) {
    }

    public Uni<Outcome> apply(List<CheckoutEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(new Outcome(Set.of(), Set.of()));
        }
        Map<String, CheckoutEvent> firstById = new LinkedHashMap<>();
        batch.forEach(event -> firstById.putIfAbsent(event.eventId(), event));
        return pool.withTransaction(connection -> inbox.claim(connection, firstById.keySet())
                .chain(claimed -> {
                    List<CheckoutEvent> fresh = firstById.values().stream().filter(e -> claimed.contains(e.eventId())).toList();
                    return applyFresh(connection, fresh).map(ignored -> outcome(batch, fresh, ignored));
                }));
    }

    private Uni<Set<String>> applyFresh(SqlConnection connection, List<CheckoutEvent> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> customers = fresh.stream().map(CheckoutEvent::customerId).toList();
        List<String> orders = fresh.stream().map(CheckoutEvent::orderId).toList();
        List<String> refunds = fresh.stream().filter(PurchaseRefunded.class::isInstance)
                .map(e -> ((PurchaseRefunded) e).refundId()).toList();
        return store.lockAccounts(connection, customers, clock.instant())
                .chain(accounts -> store.loadOrders(connection, orders)
                        .chain(loadedOrders -> store.knownRefunds(connection, refunds)
                                .map(knownRefunds -> new LedgerBatch(policy, loadedOrders, knownRefunds, accounts).apply(fresh))))
                .chain(result -> store.save(connection, result).replaceWith(result.ignoredEventIds()));
    }

    private static Outcome outcome(List<CheckoutEvent> batch, List<CheckoutEvent> fresh, Set<String> ignored) {
        Set<String> applied = new java.util.LinkedHashSet<>();
        fresh.stream().map(CheckoutEvent::eventId).filter(id -> !ignored.contains(id)).forEach(applied::add);
        Set<String> duplicates = new java.util.LinkedHashSet<>();
        batch.stream().map(CheckoutEvent::eventId).filter(id -> !applied.contains(id)).forEach(duplicates::add);
        return new Outcome(applied, duplicates);
    }
}
