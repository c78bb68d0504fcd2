package org.loyalty.devinfra.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.loyalty.devinfra.kafka.KafkaBroker;
import org.loyalty.devinfra.postgres.PostgresServer;
import org.loyalty.devinfra.run.Topics;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, shared by every test class and
 * every Quarkus restart in it, and torn down when the JVM exits.
 * <p>
 * Where they come from, in order: {@code KAFKA_BOOTSTRAP_SERVERS} when set (and the PG*
 * variables for PostgreSQL); testcontainers when a Docker engine answers (unless
 * {@code LOYALTY_TEST_DOCKER=false}); otherwise a broker launched from the Kafka jars and
 * the local (or an embedded) PostgreSQL.
 * <p>
 * A broker started here gets the contract's topics up front, as a deployment does. Created by
 * the first test that sends to them instead, a topic appearing made the services' consumer
 * groups rebalance under a running test, and records handled just before were handed out again
 * (ContactListTest once saw each of its two dead letters twice).
 */
public final class SharedInfrastructure {

    /** Partitions of every topic: more than one, so that tests see per-key ordering across partitions. */
    private static final int PARTITIONS = 3;

    private static SharedInfrastructure instance;

    private final String bootstrapServers;
    private final PostgresServer postgres;

    private SharedInfrastructure(String bootstrapServers, PostgresServer postgres) {
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test infrastructure: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** A new empty database named after {@code prefix}, dropped when the JVM exits. */
    public String createDatabase(String prefix) throws SQLException {
        String name = (prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        postgres.recreateDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name), "drop-" + name));
        return name;
    }

    private void dropQuietly(String name) {
        try {
            postgres.dropDatabase(name);
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static SharedInfrastructure start() throws Exception {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return new SharedInfrastructure(external, PostgresServer.localOrEmbedded());
        }
        if (!"false".equalsIgnoreCase(System.getenv("LOYALTY_TEST_DOCKER")) && dockerAnswers()) {
            return startContainers();
        }
        Path directory = Files.createTempDirectory("loyalty-kafka-");
        KafkaBroker broker = KafkaBroker.start(directory, PARTITIONS);
        Topics.create(broker.bootstrapServers(), PARTITIONS);
        PostgresServer postgres = PostgresServer.localOrEmbedded();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "postgres-shutdown"));
        return new SharedInfrastructure(broker.bootstrapServers(), postgres);
    }

    private static boolean dockerAnswers() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return false; // nothing to ask: skip testcontainers' slower and noisier probe
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook below
    private static SharedInfrastructure startContainers() throws Exception {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15");
        kafka.start();
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
        }, "containers-shutdown"));
        Topics.create(kafka.getBootstrapServers(), PARTITIONS);
        return new SharedInfrastructure(kafka.getBootstrapServers(),
                PostgresServer.at(postgres.getHost(), postgres.getMappedPort(5432), postgres.getUsername(), postgres.getPassword()));
    }

    private static void closeQuietly(PostgresServer postgres) {
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
        }
    }
}
