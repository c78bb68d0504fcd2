package org.loyalty.devinfra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.loyalty.devinfra.load.InboxCounter;
import org.loyalty.devinfra.load.PurchaseStream;
import org.loyalty.devinfra.load.StreamProducer;
import org.loyalty.devinfra.postgres.PostgresServer;

/**
 * Produces the whole stream as fast as the producer goes and watches each service's inbox
 * until it holds every event: the time to the last commit gives the sustained rate.
 */
final class ThroughputRun implements AutoCloseable {

    /** One service's progress: committed events over seconds since the first send, and when it finished. */
    record Progress(List<double[]> points, double seconds, double eventsPerSecond) {
    }

    record Result(double produceSeconds, Map<String, Progress> services, long startNanos, long endNanos) {
        /** Rate of the platform as a whole: every service has committed every event. */
        double eventsPerSecond(int events) {
            return events / services.values().stream().mapToDouble(Progress::seconds).max().orElse(Double.NaN);
        }
    }

    private static final long TICK_MILLIS = 200;
    private static final double MAX_LOOK_INTERVAL_SECONDS = 5;

    private final Map<String, Connection> connections;
    private final Map<String, InboxFrontier> inboxes;
    private final PurchaseStream stream;
    private final int events;

    private ThroughputRun(Map<String, Connection> connections, Map<String, InboxFrontier> inboxes, PurchaseStream stream, int events) {
        this.connections = connections;
        this.inboxes = inboxes;
        this.stream = stream;
        this.events = events;
    }

    /**
     * Connects to each watched service's database and lays the stream out by partition, before
     * the measured window opens: nothing is sent yet.
     *
     * @param databases each watched service's database
     * @param kept      which of the stream's events each service keeps in its inbox
     */
    static ThroughputRun prepare(PostgresServer postgres, Map<String, String> databases, Map<String, Predicate<PurchaseStream.Event>> kept,
            PurchaseStream stream, int events, int partitions) throws SQLException {
        List<List<PurchaseStream.Event>> byPartition = stream.byPartition(events, partitions);
        Map<String, Connection> connections = new LinkedHashMap<>();
        Map<String, InboxFrontier> inboxes = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> service : databases.entrySet()) {
                Connection db = DriverManager.getConnection(postgres.jdbcUrl(service.getValue()), postgres.user(), postgres.password());
                connections.put(service.getKey(), db);
                inboxes.put(service.getKey(), new InboxFrontier(db, byPartition, kept.get(service.getKey())));
            }
        } catch (SQLException e) {
            closeAll(connections.values());
            throw e;
        }
        return new ThroughputRun(connections, inboxes, stream, events);
    }

    /** Sends the stream and waits until every watched service has committed all of it: the measured window. */
    Result run(String bootstrapServers, Duration timeout) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Double> produced = CompletableFuture.supplyAsync(() -> {
            try (StreamProducer producer = new StreamProducer(bootstrapServers, 20)) {
                producer.sendAll(stream, events);
            }
            return seconds(start);
        });
        Map<String, Progress> progress = watch(inboxes, events, start, timeout);
        return new Result(produced.get(), progress, start, System.nanoTime());
    }

    /**
     * Counts each service's inbox once, after the measured window: {@link #run} found every
     * event there by search ({@link InboxFrontier}); this checks that none is missing.
     */
    void confirm() throws SQLException {
        for (Map.Entry<String, InboxFrontier> inbox : inboxes.entrySet()) {
            long committed = new InboxCounter(connections.get(inbox.getKey()), stream.idPrefix()).count();
            int expected = inbox.getValue().expected();
            if (committed != expected) {
                throw new IllegalStateException(("%s holds %,d of the stream's %,d events in its inbox, although the search"
                        + " found them all (a partition committed out of order?)").formatted(inbox.getKey(), committed, expected));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        closeAll(connections.values());
    }

    private static void closeAll(Collection<Connection> connections) throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private static Map<String, Progress> watch(Map<String, InboxFrontier> inboxes, int events, long start, Duration timeout)
            throws SQLException, InterruptedException, TimeoutException {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        Map<String, Double> nextLook = new LinkedHashMap<>();
        Map<String, Progress> done = new LinkedHashMap<>();
        inboxes.keySet().forEach(name -> {
            series.put(name, new ArrayList<>(List.of(new double[] {0, 0})));
            nextLook.put(name, 1.0);
        });
        while (done.size() < inboxes.size()) {
            if (seconds(start) > timeout.toSeconds()) {
                throw new TimeoutException("Not every service committed the stream within " + timeout + ": " + last(series));
            }
            TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
            for (Map.Entry<String, InboxFrontier> inbox : inboxes.entrySet()) {
                String name = inbox.getKey();
                if (done.containsKey(name) || seconds(start) < nextLook.get(name)) {
                    continue;
                }
                long committed = inbox.getValue().committed();
                int expected = inbox.getValue().expected();
                double at = seconds(start);
                List<double[]> points = series.get(name);
                points.add(new double[] {at, committed});
                if (committed >= expected) {
                    done.put(name, new Progress(points, at, events / at)); // it has handled the whole stream
                } else {
                    nextLook.put(name, at + untilNextLook(points, expected));
                }
            }
        }
        Map<String, Progress> ordered = new LinkedHashMap<>();
        inboxes.keySet().forEach(name -> ordered.put(name, done.get(name)));
        return ordered;
    }

    /**
     * A look costs a few dozen lookups in the service's database ({@link InboxFrontier}), yet looking
     * every tick through the whole run would still add up: so the next look comes after half the time
     * the service still needs at its rate so far (the faster of its average and its latest), at most
     * 5 s later (a service speeds up as its JIT warms and as the others finish), and at least one tick,
     * so that the finish is seen within a tick unless the rate more than doubles in between.
     */
    private static double untilNextLook(List<double[]> points, long expected) {
        double[] latest = points.get(points.size() - 1);
        double[] before = points.get(points.size() - 2);
        double averageRate = latest[1] / latest[0];
        double latestRate = (latest[1] - before[1]) / (latest[0] - before[0]);
        double rate = Math.max(averageRate, latestRate);
        return rate <= 0 ? 1 : Math.min(MAX_LOOK_INTERVAL_SECONDS, Math.max(TICK_MILLIS / 1000.0, (expected - latest[1]) / rate / 2));
    }

    private static Map<String, Double> last(Map<String, List<double[]>> series) {
        Map<String, Double> last = new LinkedHashMap<>();
        series.forEach((name, points) -> last.put(name, points.get(points.size() - 1)[1]));
        return last;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
