package org.loyalty.devinfra.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.loyalty.devinfra.kafka.KafkaBroker;
import org.loyalty.devinfra.postgres.PostgresServer;

/**
 * The README's run command: a KRaft Kafka broker, a database per service on the local
 * PostgreSQL (or an embedded one), every service built so far, and with {@code --simulate}
 * a stream of checkout events. Ctrl-C stops it all, services first, leaving no process behind.
 */
public final class LocalRun {

    private final Path root;
    private final Path workDirectory;
    private Platform platform;
    private static final int SMTP_PORT = 2525;

    private KafkaBroker broker;
    private PostgresServer postgres;
    private MailSink mailSink;
    private ShopSimulator simulator;

    private LocalRun(Path root) {
        this.root = root;
        this.workDirectory = root.resolve(".local-run");
    }

    public static void main(String[] args) throws Exception {
        boolean simulate = List.of(args).contains("--simulate");
        LocalRun run = new LocalRun(Path.of("").toAbsolutePath());
        if (List.of(args).contains("--tokens")) {
            // Only the development key and tokens, e.g. for docker compose: no broker, no services.
            say("Tokens: source " + run.root.relativize(DevTokens.in(run.workDirectory.resolve("jwt")).write()));
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.stop();
            stopped.countDown();
        }, "local-run-shutdown"));
        try {
            run.start(simulate);
        } catch (Exception e) {
            System.err.println("Local run failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start(boolean simulate) throws Exception {
        deleteRecursively(workDirectory.resolve("kafka"));
        deleteRecursively(workDirectory.resolve("mail"));
        say("Starting Kafka (KRaft, from the Apache Kafka jars) ...");
        broker = KafkaBroker.start(workDirectory.resolve("kafka"), 3, false, 9092);
        Topics.create(broker.bootstrapServers(), 3);
        postgres = PostgresServer.localOrEmbedded();
        mailSink = MailSink.start(SMTP_PORT, workDirectory.resolve("mail"));
        say("Kafka      " + broker.bootstrapServers());
        say("SMTP sink  127.0.0.1:" + SMTP_PORT + ", every mail lands in " + root.relativize(mailSink.directory()) + "/");
        say("PostgreSQL " + postgres.host() + ":" + postgres.port() + (postgres.isEmbedded() ? " (embedded)" : ""));

        DevTokens tokens = DevTokens.in(workDirectory.resolve("jwt"));
        Path tokenFile = tokens.write();
        List<String> skipped = new ArrayList<>();
        Platform.Wiring wiring = new Platform.Wiring(broker.bootstrapServers(), postgres, SMTP_PORT, "", tokens.issuer());
        platform = Platform.start(root, wiring, Platform.Service::port, workDirectory.resolve("logs"), skipped);
        skipped.forEach(name -> say("skipped    " + name + ": not built"));
        for (String[] service : platform.describe(root)) {
            say(String.format("%-25s %s  (OpenAPI %s/q/openapi, log %s)", service[0], service[1], service[1], service[2]));
        }
        if (simulate) {
            simulator = new ShopSimulator(broker.bootstrapServers(), 5, Duration.ofMillis(1500));
            if (platform.runs("customer-profile-service")) {
                List<String> failures = simulator.registerCustomers("http://localhost:8083",
                        tokens.issuer().mint("dev-shop", null, Duration.ofMinutes(5), List.of("checkout")));
                say(failures.isEmpty() ? "Registered customers c-1 .. c-5 (c-2 and c-3 referred by c-1)" : "Registration failed: " + failures);
            }
            Thread thread = new Thread(simulator, "shop-simulator");
            thread.setDaemon(true);
            thread.start();
            say("");
            say("Simulating the shop for customers c-1 .. c-5. Watch points, rewards and segments move:");
            say("  curl -H \"Authorization: Bearer $CUSTOMER_C1_TOKEN\" localhost:8081/customers/c-1/points");
            say("  curl -H \"Authorization: Bearer $OPS_TOKEN\" 'localhost:8081/customers/c-1/points/transactions?limit=5'");
            say("  curl -H \"Authorization: Bearer $OPS_TOKEN\" localhost:8082/customers/c-1/rewards");
            say("  curl -H \"Authorization: Bearer $CHECKOUT_TOKEN\" localhost:8082/customers/c-1/benefits");
            say("  curl -H \"Authorization: Bearer $OPS_TOKEN\" localhost:8083/customers/c-1   (DEVOTED once c-2 or c-3 buys)");
            say("  curl -H \"Authorization: Bearer $MARKETING_TOKEN\" localhost:8083/segments");
            say("  curl -H \"Authorization: Bearer $OPS_TOKEN\" localhost:8084/customers/c-1/notifications   (mail in .local-run/mail/)");
        }
        say("");
        say("Every endpoint but health, metrics, OpenAPI and unsubscribe needs a bearer token. Development tokens");
        say("for the roles checkout, marketing, ops and customer c-1 (valid 12 h):  source " + root.relativize(tokenFile));
        say("");
        say("Running. Ctrl-C stops everything.");
    }

    private synchronized void stop() {
        say("Stopping ...");
        if (simulator != null) {
            simulator.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (mailSink != null) {
            mailSink.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
            }
        }
        say("Stopped.");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
