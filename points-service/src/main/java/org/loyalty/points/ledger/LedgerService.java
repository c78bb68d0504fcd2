package org.loyalty.points.ledger;

import java.time.Clock;
import java.util.HashSet;
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
 * Applies a batch of checkout events: inbox, orders, balances and the ledger (which is also the log
 * {@link LedgerRelay} publishes) commit together or not at all, in about eight round trips per
 * transaction. A large batch is split into parts that share no customer, order or refund
 * ({@link IndependentParts}), each applied in a transaction of its own at the same time as the others:
 * one transaction at a time left a core idle while the other waited on it (points-service alone,
 * 200,000 events: 1.43 to 1.47 cores busy with one, 1.62 to 1.68 with two; README, Benchmark).
 */
@ApplicationScoped
public class LedgerService {

    private final Pool pool;
    private final Inbox inbox;
    private final LedgerStore store;
    private final PointsPolicy policy;
    private final Clock clock;
    private final int transactionsPerPoll;
    private final int minEventsPerTransaction;

    public LedgerService(Pool pool, Inbox inbox, LedgerStore store, PointsPolicy policy, Clock clock, PointsConfig config) {
        this.pool = pool;
        this.inbox = inbox;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.transactionsPerPoll = config.ledger().transactionsPerPoll();
        this.minEventsPerTransaction = config.ledger().minEventsPerTransaction();
    }

    /**
     * Applies the batch and answers the ids of the events that changed something (the others were
     * duplicates). Every part's transaction has ended (committed or rolled back) before the answer,
     * so a retry after a failure never runs beside a part still in flight. The parts that committed
     * then find their events in the inbox and count them as duplicates, as after a crash.
     */
    public Uni<Set<String>> apply(List<CheckoutEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Map<String, CheckoutEvent> firstById = new LinkedHashMap<>();
        batch.forEach(event -> firstById.putIfAbsent(event.eventId(), event));
        List<CheckoutEvent> distinct = List.copyOf(firstById.values());
        int parts = Math.min(transactionsPerPoll, distinct.size() / Math.max(1, minEventsPerTransaction));
        List<Uni<Set<String>>> transactions = IndependentParts.split(distinct, parts).stream().map(this::applyInTransaction).toList();
        return Uni.join().all(transactions).andCollectFailures().map(appliedByPart -> {
            Set<String> applied = new HashSet<>();
            appliedByPart.forEach(applied::addAll);
            return applied;
        });
    }

    /** Claims the events' ids and applies the new ones; answers the ids of those that changed something. */
    private Uni<Set<String>> applyInTransaction(List<CheckoutEvent> events) {
        return pool.withTransaction(connection -> inbox.claim(connection, events.stream().map(CheckoutEvent::eventId).toList())
                .chain(claimed -> {
                    List<CheckoutEvent> fresh = events.stream().filter(e -> claimed.contains(e.eventId())).toList();
                    return applyFresh(connection, fresh).map(ignored -> {
                        Set<String> applied = new HashSet<>();
                        fresh.stream().map(CheckoutEvent::eventId).filter(id -> !ignored.contains(id)).forEach(applied::add);
                        return applied;
                    });
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
}
