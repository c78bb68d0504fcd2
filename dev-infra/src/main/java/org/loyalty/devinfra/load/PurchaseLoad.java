package org.loyalty.devinfra.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A load generator for a running platform (see the local run): produces N checkout events
 * (purchases with one refund in ten) for M customers as fast as the producer goes, then waits
 * until one service has committed all of them (its inbox counts them) and reports the
 * sustained rate. The benchmark ({@code ./benchmark.sh}) does this for every service at once.
 * <pre>
 * java -cp ... org.loyalty.devinfra.load.PurchaseLoad --bootstrap 127.0.0.1:9092 \
 *      --jdbc jdbc:postgresql://127.0.0.1:5432/loyalty_points --events 100000 --customers 10000
 * </pre>
 */
public final class PurchaseLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        String jdbc = options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/loyalty_points");
        int events = Integer.parseInt(options.getOrDefault("events", "100000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "10000"));
        PurchaseStream stream = new PurchaseStream(UUID.randomUUID().toString().substring(0, 6), customers);

        try (Connection db = DriverManager.getConnection(jdbc, options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""));
                StreamProducer producer = new StreamProducer(bootstrap, 20)) {
            InboxCounter inbox = new InboxCounter(db, stream.idPrefix());
            Instant start = Instant.now();
            producer.sendAll(stream, events);
            Duration produced = Duration.between(start, Instant.now());
            System.out.printf("produced %,d events in %.1f s (%,.0f events/s)%n", events, seconds(produced), events / seconds(produced));
            long applied;
            while ((applied = inbox.count()) < events) {
                TimeUnit.MILLISECONDS.sleep(1000); // counting is not free: poll gently
            }
            Duration total = Duration.between(start, Instant.now());
            System.out.printf("committed %,d events in %.1f s: %,.0f events/s sustained, produce to last commit%n",
                    applied, seconds(total), applied / seconds(total));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
