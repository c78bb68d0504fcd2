package org.loyalty.points.ledger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.points.PointsApi.awaitBalance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.KafkaTestClient.ReceivedRecord;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** The ledger is points-service's outbox: what its relay publishes, in which order, and under which ids. */
@QuarkusTest
class LedgerRelayTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Checkout checkout = new Checkout(kafka);

    @Inject
    Pool pool;

    @Inject
    LedgerStore store;

    @Inject
    LedgerRelay relay;

    @Test
    void anEntryPublishedAgainAfterACrashKeepsItsEventId() {
        String customer = Checkout.newCustomer("republished");
        checkout.purchase(customer, "o-" + customer, "50.00");
        awaitRecords(customer, 1);

        // As if the relay had sent the entry and died before its mark moved past it (under the relay's lock, so
        // that a relay moving the mark at the same moment cannot overwrite this).
        pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LedgerRelay.RELAY_LOCK))
                .chain(() -> connection.preparedQuery("""
                        UPDATE ledger_log SET position = (SELECT log_position - 1 FROM ledger_entry WHERE customer_id = $1)
                        WHERE mark = 'published'""").execute(Tuple.of(customer))))
                .await().indefinitely();
        relay.wakeUp();

        List<ReceivedRecord> published = awaitRecords(customer, 2);
        assertEquals(published.get(0).value(), published.get(1).value(), "the same event, id and all");
        assertEquals("points.earned", JsonPath.from(published.get(1).value()).getString("type"));
    }

    @Test
    void anOpenAppendHoldsBackLaterEntriesUntilItCommitsAndGoesFirst() {
        String slow = Checkout.newCustomer("open-append");
        String later = Checkout.newCustomer("later");
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            Transaction open = connection.beginAndAwait();
            store.appendEntries(connection, List.of(new LedgerEntry(slow, LedgerEntry.Type.EARN, 7, 7, "o-" + slow, null, null,
                    Instant.now()))).await().indefinitely();

            checkout.purchase(later, "o-" + later, "30.00");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> kafka.recordsWithKey("loyalty.points", later).isEmpty()
                            && kafka.recordsWithKey("loyalty.points", slow).isEmpty());

            open.commitAndAwait();
        } finally {
            connection.closeAndAwait();
        }

        awaitBalance(later, 3);
        awaitRecords(later, 1);
        awaitRecords(slow, 1);
        long slowPosition = position(slow);
        long laterPosition = position(later);
        assertTrue(slowPosition < laterPosition, "the entry committed first is first on the log: " + slowPosition + ", " + laterPosition);
    }

    private static List<ReceivedRecord> awaitRecords(String customer, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> kafka.recordsWithKey("loyalty.points", customer).size() >= count);
        List<ReceivedRecord> records = kafka.recordsWithKey("loyalty.points", customer);
        assertEquals(count, records.size());
        return records;
    }

    private long position(String customer) {
        return pool.preparedQuery("SELECT log_position FROM ledger_entry WHERE customer_id = $1")
                .executeAndAwait(Tuple.of(customer)).iterator().next().getLong(0);
    }
}
