package org.loyalty.devinfra.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A service of the platform: its module, port and database (null while it has none). */
    private record Service(String name, int port, String database) {
        Path jar(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    private static final List<Service> SERVICES = List.of(
            new Service("points-service", 8081, "loyalty_points"),
            new Service("rewards-service", 8082, "loyalty_rewards"),
            new Service("customer-profile-service", 8083, "loyalty_profiles"),
            new Service("notification-service", 8084, "loyalty_notifications"));

    private final Path root;
    private final Path workDirectory;
    private final List<ServiceProcess> running = new ArrayList<>();
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

        for (Service service : SERVICES) {
            if (!Files.exists(service.jar(root))) {
                say("skipped    " + service.name() + ": not built (" + service.jar(root) + ")");
                continue;
            }
            startService(service);
        }
        for (ServiceProcess service : running) {
            service.awaitReady(Duration.ofSeconds(120));
            say(String.format("%-25s %s  (OpenAPI %s/q/openapi, log %s)", service.name(), service.url(), service.url(),
                    root.relativize(service.log())));
        }
        if (simulate) {
            simulator = new ShopSimulator(broker.bootstrapServers(), 5, Duration.ofMillis(1500));
            if (running.stream().anyMatch(service -> service.name().equals("customer-profile-service"))) {
                List<String> failures = simulator.registerCustomers("http://localhost:8083");
                say(failures.isEmpty() ? "Registered customers c-1 .. c-5 (c-2 and c-3 referred by c-1)" : "Registration failed: " + failures);
            }
            Thread thread = new Thread(simulator, "shop-simulator");
            thread.setDaemon(true);
            thread.start();
            say("");
            say("Simulating the shop for customers c-1 .. c-5. Watch points, rewards and segments move:");
            say("  curl localhost:8081/customers/c-1/points");
            say("  curl 'localhost:8081/customers/c-1/points/transactions?limit=5'");
            say("  curl localhost:8082/customers/c-1/rewards");
            say("  curl localhost:8082/customers/c-1/benefits");
            say("  curl localhost:8083/customers/c-1        (DEVOTED once c-2 or c-3 buys)");
            say("  curl localhost:8083/segments");
            say("  curl localhost:8084/customers/c-1/notifications   and the mail itself in .local-run/mail/");
        }
        say("");
        say("Running. Ctrl-C stops everything.");
    }

    private void startService(Service service) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        environment.put("QUARKUS_MAILER_PORT", Integer.toString(SMTP_PORT));
        environment.put("NOTIFICATION_UNSUBSCRIBE_SECRET", "local-run-only-secret");
        environment.put("NOTIFICATION_UNSUBSCRIBE_BASE_URL", "http://localhost:8084");
        if (service.database() != null) {
            postgres.recreateDatabase(service.database());
            environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database()));
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        running.add(ServiceProcess.start(service.name(), service.port(), service.jar(root), environment, workDirectory.resolve("logs")));
    }

    private synchronized void stop() {
        say("Stopping ...");
        if (simulator != null) {
            simulator.close();
        }
        running.parallelStream().forEach(ServiceProcess::stop);
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
