package org.loyalty.devinfra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.load.PurchaseStream;
import org.loyalty.devinfra.load.StreamProducer;
import org.loyalty.devinfra.postgres.PostgresServer;

/** The benchmark's view of a service's progress, against a real inbox table on PostgreSQL. */
class InboxFrontierTest {

    /** Its own name, as the services' test databases, so that two builds on one server do not meet. */
    private static final String DATABASE = "inbox_frontier_test_" + UUID.randomUUID().toString().substring(0, 8);
    private static final int EVENTS = 300;
    private static final int PARTITIONS = 3;

    private static PostgresServer postgres;
    private static Connection database;

    private final PurchaseStream stream = new PurchaseStream("frontier", 40);

    @BeforeAll
    static void inbox() throws Exception {
        postgres = PostgresServer.localOrEmbedded();
        postgres.recreateDatabase(DATABASE);
        database = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
        database.createStatement().execute(
                "CREATE TABLE processed_event (event_id text PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now())");
    }

    @AfterAll
    static void dropInbox() throws Exception {
        database.close();
        postgres.dropDatabase(DATABASE);
        postgres.close();
    }

    @Test
    void countsWhatEachPartitionHasCommittedSoFar() throws Exception {
        database.createStatement().execute("TRUNCATE processed_event");
        InboxFrontier frontier = new InboxFrontier(database, stream.byPartition(EVENTS, PARTITIONS), event -> true);
        List<List<String>> partitions = idsByPartition();
        assertEquals(EVENTS, frontier.expected());
        assertEquals(0, frontier.committed());

        commit(partitions.get(0).subList(0, 7));
        commit(partitions.get(2).subList(0, 1));
        assertEquals(8, frontier.committed());

        commit(partitions.get(0).subList(7, partitions.get(0).size()));
        commit(partitions.get(1).subList(0, 50));
        assertEquals(partitions.get(0).size() + 50 + 1, frontier.committed());

        commit(partitions.get(1).subList(50, partitions.get(1).size()));
        commit(partitions.get(2).subList(1, partitions.get(2).size()));
        assertEquals(EVENTS, frontier.committed());
    }

    @Test
    void expectsOnlyTheEventsTheServiceKeeps() throws Exception {
        database.createStatement().execute("TRUNCATE processed_event");
        InboxFrontier purchasesOnly = new InboxFrontier(database, stream.byPartition(EVENTS, PARTITIONS), event -> !event.refund());
        assertEquals(EVENTS - EVENTS / 10, purchasesOnly.expected());

        List<String> purchases = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            if (!stream.event(i).refund()) {
                purchases.add(stream.event(i).id());
            }
        }
        commit(purchases);
        assertEquals(purchases.size(), purchasesOnly.committed());
    }

    @Test
    void placesACustomerOnThePartitionKafkasProducerPicks() {
        for (int customer = 0; customer < 1_000; customer++) {
            String key = "load-" + customer;
            assertEquals(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), PARTITIONS),
                    StreamProducer.partition(key, PARTITIONS), key);
        }
    }

    /** The stream's event ids on each partition, in the order the producer sends them. */
    private List<List<String>> idsByPartition() {
        return stream.byPartition(EVENTS, PARTITIONS).stream()
                .map(events -> events.stream().map(PurchaseStream.Event::id).toList())
                .toList();
    }

    private static void commit(List<String> eventIds) throws Exception {
        try (PreparedStatement insert = database.prepareStatement("INSERT INTO processed_event (event_id) VALUES (?)")) {
            for (String id : eventIds) {
                insert.setString(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
