package org.loyalty.system.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One reliability scenario: customers of its own (a few registered, so that they get mail),
 * a checkout stream flowing while the test breaks things, and at the end the invariants.
 */
final class Scenario implements AutoCloseable {

    final ReliabilityPlatform system;
    final CheckoutStream stream;
    final List<String> registered;
    final StreamPlayer player;
    private final long startedAt = System.nanoTime();

    /** Registers the customers, then starts the stream at {@code perSecond}. */
    Scenario(ReliabilityPlatform system, CheckoutStream stream, int perSecond) {
        this(system, stream, List.of(), perSecond);
    }

    /** As above, with {@code mixedIn} records spread evenly through the stream. */
    Scenario(ReliabilityPlatform system, CheckoutStream stream, List<ProducerRecord<String, byte[]>> mixedIn, int perSecond) {
        this.system = system;
        this.stream = stream;
        this.registered = stream.registered(system.scale.registered());
        register();
        system.checkoutEvents.addAndGet(stream.records.size());
        this.player = new StreamPlayer(system.producer, interleave(stream.records, mixedIn), perSecond);
    }

    private static List<ProducerRecord<String, byte[]>> interleave(List<ProducerRecord<String, byte[]>> stream,
            List<ProducerRecord<String, byte[]>> mixedIn) {
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>(stream);
        for (int i = mixedIn.size() - 1; i >= 0; i--) {
            all.add((int) ((long) stream.size() * (i + 1) / (mixedIn.size() + 1)), mixedIn.get(i));
        }
        return all;
    }

    private void register() {
        for (String customer : registered) {
            Rest.put(system.url("customer-profile-service") + "/customers/" + customer, Map.of("email", Invariants.address(customer),
                    "name", "Customer " + customer, "locale", "en", "marketingConsent", false)).then().statusCode(201);
        }
        // notification-service learns addresses from loyalty.customers; a purchase before that gets no mail
        await("contacts reach notification-service").atMost(Duration.ofSeconds(60)).until(() -> system.databases.number("notification-service",
                "SELECT count(*) FROM contact WHERE customer_id = ANY(?)", (Object) registered.toArray(String[]::new)) == registered.size());
    }

    /** Lets the stream end, waits for the services to catch up, checks the invariants, and prints what it measured. */
    void finish(String label) {
        playToTheEnd();
        Duration streamed = since(startedAt);
        Duration caughtUp = new Invariants(system, stream, registered).awaitAndCheck(system.scale.patience(stream.records.size()));
        System.out.printf("%s: %,d events over %d customers streamed in %d s; services caught up %d s after the stream ended; invariants hold%n",
                label, stream.records.size(), stream.customers.size(), streamed.toSeconds(), caughtUp.toSeconds());
    }

    static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private void playToTheEnd() {
        player.playToTheEnd(system.scale.patience(stream.records.size()));
    }

    /**
     * Plays what a failed test left unplayed before closing: {@code checkoutEvents} already counts
     * the whole stream, and the next scenario's invariants must not wait for events never sent.
     */
    @Override
    public void close() {
        try {
            playToTheEnd();
        } finally {
            player.close();
        }
    }
}
