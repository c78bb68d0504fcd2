package org.loyalty.points.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.points.PointsApi.awaitBalance;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.kit.messaging.InboxRetention;
import org.loyalty.points.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The inbox forgets event ids applied longer ago than its retention, once a day; the clock is moved, not waited for. */
@QuarkusTest
class InboxRetentionTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final Checkout checkout = new Checkout(kafka);

    @Inject
    TestClock clock;

    @Inject
    InboxRetention retention;

    @Inject
    Pool pool;

    @ConfigProperty(name = "loyalty.inbox.retention")
    Duration retained;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void idsOlderThanTheRetentionAreForgottenOncePerDayAcrossReplicasAndNewerOnesKept() {
        String customer = Checkout.newCustomer("inbox");
        String old = checkout.purchase(UUID.randomUUID().toString(), customer, "o1-" + customer, "20.00", clock.instant());
        awaitBalance(customer, 2);

        clock.advance(retained.plusDays(1));
        String recent = checkout.purchase(UUID.randomUUID().toString(), customer, "o2-" + customer, "30.00", clock.instant());
        awaitBalance(customer, 5);

        long forgotten = retention.runForToday().await().atMost(Duration.ofSeconds(30));
        assertTrue(forgotten >= 1, "the old event's id is forgotten, with any other test's from before the moved clock");
        assertEquals(0L, retention.runForToday().await().atMost(Duration.ofSeconds(30)), "a second run the same day does nothing");

        assertFalse(inInbox(old), "applied longer ago than the retention");
        assertTrue(inInbox(recent), "applied within the retention: a redelivery of it would still change nothing");
    }

    @Test
    void anInboxOfManyPagesIsWalkedToItsEnd() {
        // 150,000 ids applied before the retention (about 12 MB: more than one slice of the walk), then one within it.
        // A day of its own: the job runs once a day, and the other test claims the day after the retention.
        clock.advance(retained.plusDays(2));
        String prefix = "seeded-" + UUID.randomUUID() + "-";
        pool.preparedQuery("INSERT INTO processed_event (event_id, processed_at) SELECT $1 || n, now() FROM generate_series(1, 150000) n")
                .executeAndAwait(Tuple.of(prefix));
        pool.preparedQuery("INSERT INTO processed_event (event_id, processed_at) VALUES ($1, $2)")
                .executeAndAwait(Tuple.of(prefix + "recent", clock.instant().atOffset(ZoneOffset.UTC)));

        assertTrue(retention.runForToday().await().atMost(Duration.ofSeconds(60)) >= 150_000);

        assertEquals(1, pool.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id LIKE $1 || '%'")
                .executeAndAwait(Tuple.of(prefix)).iterator().next().getLong(0), "only the id within the retention is left");
        assertTrue(inInbox(prefix + "recent"));
    }

    private boolean inInbox(String eventId) {
        return pool.preparedQuery("SELECT 1 FROM processed_event WHERE event_id = $1")
                .executeAndAwait(Tuple.of(eventId)).size() == 1;
    }
}
