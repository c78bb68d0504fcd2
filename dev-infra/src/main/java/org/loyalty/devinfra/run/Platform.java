package org.loyalty.devinfra.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.loyalty.devinfra.jwt.DevTokenIssuer;
import org.loyalty.devinfra.postgres.PostgresServer;

/**
 * The four services as their packaged applications ({@code target/quarkus-app/quarkus-run.jar}),
 * each in its own process with its own database, wired to one broker and one SMTP server.
 * Used by the local run and by the system tests.
 */
public final class Platform implements AutoCloseable {

    /** A service of the platform: its module, default port and database name. */
    public record Service(String name, int port, String database) {
        public Path jar(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("points-service", 8081, "loyalty_points"),
            new Service("rewards-service", 8082, "loyalty_rewards"),
            new Service("customer-profile-service", 8083, "loyalty_profiles"),
            new Service("notification-service", 8084, "loyalty_notifications"));

    /** Where the services find Kafka, PostgreSQL and SMTP, and whose bearer tokens they trust. */
    public record Wiring(String bootstrapServers, PostgresServer postgres, int smtpPort, String databasePrefix, DevTokenIssuer tokens) {
    }

    private final List<ServiceProcess> running = new ArrayList<>();
    private final Map<String, String> urls = new LinkedHashMap<>();

    private Platform() {
    }

    /**
     * Starts every built service (fresh databases named prefix + database) and waits until
     * each is ready; services not built yet are reported through {@code skipped}.
     */
    public static Platform start(Path root, Wiring wiring, ToIntFunction<Service> port, Path logDirectory, List<String> skipped)
            throws Exception {
        return start(root, wiring, SERVICES, port, logDirectory, skipped);
    }

    /** Starts the given services only (the benchmark measures points-service alone, then all four). */
    public static Platform start(Path root, Wiring wiring, List<Service> services, ToIntFunction<Service> port, Path logDirectory,
            List<String> skipped) throws Exception {
        Platform platform = new Platform();
        try {
            for (Service service : services) {
                if (!Files.exists(service.jar(root))) {
                    skipped.add(service.name());
                    continue;
                }
                platform.launch(root, service, wiring, port.applyAsInt(service), logDirectory);
            }
            for (ServiceProcess service : platform.running) {
                service.awaitReady(Duration.ofSeconds(120));
            }
            return platform;
        } catch (Exception e) {
            platform.close();
            throw e;
        }
    }

    public String url(String service) {
        return urls.get(service);
    }

    /** Name, URL and log file of each running service. */
    public List<String[]> describe(Path root) {
        return running.stream().map(s -> new String[] {s.name(), s.url(), root.relativize(s.log()).toString()}).toList();
    }

    /** Process id of each running service, by name, for CPU and memory sampling. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach(service -> pids.put(service.name(), service.pid()));
        return pids;
    }

    public boolean runs(String service) {
        return urls.containsKey(service);
    }

    private void launch(Path root, Service service, Wiring wiring, int port, Path logDirectory) throws Exception {
        String database = wiring.databasePrefix() + service.database();
        PostgresServer postgres = wiring.postgres();
        postgres.recreateDatabase(database);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", wiring.bootstrapServers());
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        environment.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        environment.put("QUARKUS_MAILER_PORT", Integer.toString(wiring.smtpPort()));
        environment.put("NOTIFICATION_UNSUBSCRIBE_SECRET", "local-run-only-secret");
        environment.put("NOTIFICATION_UNSUBSCRIBE_BASE_URL", "http://localhost:" + SERVICES.get(3).port());
        environment.putAll(wiring.tokens().serviceEnvironment());
        ServiceProcess process = ServiceProcess.start(service.name(), port, service.jar(root), environment, logDirectory);
        running.add(process);
        urls.put(service.name(), process.url());
    }

    /** Stops every service gracefully (SIGTERM, then SIGKILL after 30 s), in parallel. */
    @Override
    public void close() {
        running.parallelStream().forEach(ServiceProcess::stop);
    }
}
