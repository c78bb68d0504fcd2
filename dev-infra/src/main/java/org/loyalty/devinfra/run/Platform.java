package org.loyalty.devinfra.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * Where the services find Kafka, PostgreSQL and SMTP, and whose bearer tokens they trust;
     * {@code settings} are extra environment variables for every service (e.g. a faster mail rate in tests).
     */
    public record Wiring(String bootstrapServers, PostgresServer postgres, int smtpPort, String databasePrefix, DevTokenIssuer tokens,
            Map<String, String> settings) {
        public Wiring(String bootstrapServers, PostgresServer postgres, int smtpPort, String databasePrefix, DevTokenIssuer tokens) {
            this(bootstrapServers, postgres, smtpPort, databasePrefix, tokens, Map.of());
        }
    }

    /** Every process by instance name: the service's name, or name#n for its extra replicas. */
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private Path root;
    private Path logDirectory;

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
        platform.root = root;
        platform.logDirectory = logDirectory;
        try {
            for (Service service : services) {
                if (!Files.exists(service.jar(root))) {
                    skipped.add(service.name());
                    continue;
                }
                platform.launch(root, service, wiring, port.applyAsInt(service), logDirectory);
            }
            for (ServiceProcess service : platform.running.values()) {
                service.awaitReady(Duration.ofSeconds(120));
            }
            return platform;
        } catch (Exception e) {
            platform.close();
            throw e;
        }
    }

    /** The base URL of a service or replica (instance name). */
    public String url(String instance) {
        ServiceProcess process = running.get(instance);
        return process == null ? null : process.url();
    }

    /** Name, URL and log file of each running service. */
    public List<String[]> describe(Path root) {
        return running.values().stream().map(s -> new String[] {s.name(), s.url(), root.relativize(s.log()).toString()}).toList();
    }

    /** Process id of each running service, by name, for CPU and memory sampling. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach((instance, process) -> pids.put(instance, process.pid()));
        return pids;
    }

    public boolean runs(String service) {
        return running.containsKey(service);
    }

    /** Whether the instance's readiness probe answers UP right now. */
    public boolean ready(String instance) {
        return process(instance).isReady();
    }

    /** kill -9 of one instance: no graceful shutdown, whatever it was doing is cut off. */
    public void kill(String instance) throws InterruptedException {
        process(instance).kill();
    }

    /** Starts a killed or stopped instance again on its port and database, and waits until it is ready. */
    public void restart(String instance, Duration timeout) throws Exception {
        ServiceProcess process = process(instance);
        process.launch();
        process.awaitReady(timeout);
    }

    /**
     * Starts one more replica of a service on a free port, against the same database and
     * consumer groups, waits until it is ready and returns its instance name.
     */
    public synchronized String addReplica(String service, int port, Duration timeout) throws Exception {
        Service definition = SERVICES.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
        String instance = service + "#" + running.keySet().stream().filter(n -> n.startsWith(service)).count();
        ServiceProcess replica = ServiceProcess.start(instance.replace('#', '-'), port, definition.jar(root), environments.get(service),
                logDirectory);
        running.put(instance, replica);
        replica.awaitReady(timeout);
        return instance;
    }

    /** Stops one instance gracefully (SIGTERM), as a scale-down does. */
    public void stop(String instance) {
        process(instance).stop();
    }

    private ServiceProcess process(String instance) {
        ServiceProcess process = running.get(instance);
        if (process == null) {
            throw new IllegalArgumentException("No instance " + instance + "; running: " + running.keySet());
        }
        return process;
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
        environment.putAll(wiring.settings());
        environments.put(service.name(), environment);
        running.put(service.name(), ServiceProcess.start(service.name(), port, service.jar(root), environment, logDirectory));
    }

    /** Stops every service gracefully (SIGTERM, then SIGKILL after 30 s), in parallel. */
    @Override
    public void close() {
        running.values().parallelStream().forEach(ServiceProcess::stop);
    }
}
