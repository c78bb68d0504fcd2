package org.loyalty.devinfra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.loyalty.devinfra.load.InboxCounter;
import org.loyalty.devinfra.load.PurchaseStream;
import org.loyalty.devinfra.load.StreamProducer;
import org.loyalty.devinfra.postgres.PostgresServer;

/**
 * Produces the whole stream as fast as the producer goes and watches each service's inbox
 * until it holds every event: the time to the last commit gives the sustained rate.
 */
final class ThroughputRun {

    /** One service's progress: committed events over seconds since the first send, and when it finished. */
    record Progress(List<double[]> points, double seconds, double eventsPerSecond) {
    }

    record Result(double produceSeconds, Map<String, Progress> services, long startNanos, long endNanos) {
        /** Rate of the platform as a whole: every service has committed every event. */
        double eventsPerSecond(int events) {
            return events / services.values().stream().mapToDouble(Progress::seconds).max().orElse(Double.NaN);
        }
    }

    private ThroughputRun() {
    }

    /**
     * @param databases each watched service's database
     * @param expected  how many of the stream's events each service keeps in its inbox
     */
    static Result run(String bootstrapServers, PostgresServer postgres, Map<String, String> databases, Map<String, Integer> expected,
            PurchaseStream stream, int events, Duration timeout) throws Exception {
        Map<String, Connection> connections = new LinkedHashMap<>();
        try {
            Map<String, InboxCounter> inboxes = new LinkedHashMap<>();
            for (Map.Entry<String, String> service : databases.entrySet()) {
                Connection db = DriverManager.getConnection(postgres.jdbcUrl(service.getValue()), postgres.user(), postgres.password());
                connections.put(service.getKey(), db);
                inboxes.put(service.getKey(), new InboxCounter(db, stream.idPrefix()));
            }
            long start = System.nanoTime();
            CompletableFuture<Double> produced = CompletableFuture.supplyAsync(() -> {
                try (StreamProducer producer = new StreamProducer(bootstrapServers, 20)) {
                    producer.sendAll(stream, events);
                }
                return seconds(start);
            });
            Map<String, Progress> progress = watch(inboxes, expected, events, start, timeout);
            return new Result(produced.get(), progress, start, System.nanoTime());
        } finally {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }

    private static Map<String, Progress> watch(Map<String, InboxCounter> inboxes, Map<String, Integer> expected, int events,
            long start, Duration timeout)
            throws SQLException, InterruptedException, TimeoutException {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        Map<String, Progress> done = new LinkedHashMap<>();
        inboxes.keySet().forEach(name -> series.put(name, new ArrayList<>(List.of(new double[] {0, 0}))));
        while (done.size() < inboxes.size()) {
            if (seconds(start) > timeout.toSeconds()) {
                throw new TimeoutException("Not every service committed the stream within " + timeout + ": " + last(series));
            }
            // Each count reads the whole stream's range of the inbox (40-60 ms of database time near the end
            // of a run, measured with pg_stat_statements): once a second halves that load on the database being measured.
            TimeUnit.SECONDS.sleep(1);
            for (Map.Entry<String, InboxCounter> inbox : inboxes.entrySet()) {
                String name = inbox.getKey();
                if (done.containsKey(name)) {
                    continue;
                }
                long committed = inbox.getValue().count();
                double at = seconds(start);
                series.get(name).add(new double[] {at, committed});
                if (committed >= expected.get(name)) {
                    done.put(name, new Progress(series.get(name), at, events / at)); // it has handled the whole stream
                }
            }
        }
        Map<String, Progress> ordered = new LinkedHashMap<>();
        inboxes.keySet().forEach(name -> ordered.put(name, done.get(name)));
        return ordered;
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
