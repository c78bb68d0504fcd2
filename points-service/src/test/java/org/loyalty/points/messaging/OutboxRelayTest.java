package org.loyalty.points.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.KafkaTestClient.ReceivedRecord;
import org.loyalty.kit.messaging.OutboxRelay;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay's wake-ups skip rows relayed long ago (see RelayScanStart); a row whose transaction
 * stays open while later rows are relayed past it must still reach Kafka once it commits, and not before.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final Duration MORE_THAN_TWO_TICKS = Duration.ofMillis(2_500); // loyalty.outbox.poll-interval is 1 s

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Test
    void aRowCommittedAfterLaterRowsWereRelayedIsStillPublishedAndOnlyOnceCommitted() {
        String slow = Checkout.newCustomer("slow-tx");
        String busy = Checkout.newCustomer("busy");
        String payload = "{\"type\":\"test.late\",\"subject\":\"" + slow + "\"}";
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            Transaction open = connection.beginAndAwait();
            connection.preparedQuery("INSERT INTO outbox (topic, record_key, payload) VALUES ('loyalty.points', $1, $2)")
                    .executeAndAwait(Tuple.of(slow, payload));

            // Rows with higher ids are relayed past the open one, and ticks go by, so that wake-ups start above it.
            appendAndAwaitRelayed(busy, 1);
            await().during(MORE_THAN_TWO_TICKS).atMost(MORE_THAN_TWO_TICKS.plusSeconds(5))
                    .until(() -> kafka.recordsWithKey("loyalty.points", slow).isEmpty()); // uncommitted: never published
            appendAndAwaitRelayed(busy, 2);

            open.commitAndAwait();
        } finally {
            connection.closeAndAwait();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> !kafka.recordsWithKey("loyalty.points", slow).isEmpty());
        List<ReceivedRecord> published = kafka.recordsWithKey("loyalty.points", slow);
        assertEquals(1, published.size());
        assertEquals(payload, published.get(0).value());
    }

    /**
     * Commits an outbox row and wakes the relay, as a service does after its transaction (points-service's own
     * events take the ledger's log instead), then waits for the row on Kafka.
     */
    private void appendAndAwaitRelayed(String customer, int nth) {
        pool.preparedQuery("INSERT INTO outbox (topic, record_key, payload) VALUES ('loyalty.points', $1, $2)")
                .executeAndAwait(Tuple.of(customer, "{\"type\":\"test.busy\",\"n\":" + nth + "}"));
        relay.wakeUp();
        await().atMost(Duration.ofSeconds(15)).until(() -> kafka.recordsWithKey("loyalty.points", customer).size() == nth);
    }
}
