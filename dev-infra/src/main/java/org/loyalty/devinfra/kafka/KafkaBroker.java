package org.loyalty.devinfra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.loyalty.devinfra.jvm.JvmOptions;
import org.loyalty.devinfra.net.Ports;

/**
 * A single-node Apache Kafka broker in KRaft combined mode (broker and controller in one
 * process), started from the Kafka jars on Maven Central in a child JVM on free ports.
 * No Docker, no ZooKeeper; it starts in a few seconds and is destroyed on {@link #close()}
 * or when this JVM exits.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    /**
     * JVM options of the broker; {@code -Dloyalty.kafka.jvm-options="..."} replaces them. The client
     * compiler only, as the services run: on two cores shared with the services and the database, the
     * broker's server compiler was still at work after the benchmark's warm-up (all four services,
     * 100,000 events: 5.4 to 5.7 s of broker CPU with the client compiler only, 7.3 to 7.4 without).
     */
    private static final List<String> JVM_OPTIONS = JvmOptions.fromProperty("loyalty.kafka.jvm-options", JvmOptions.CLIENT_COMPILER_ONLY);

    private volatile Process process;
    private final Path directory;
    private final String bootstrapServers;
    private final Thread shutdownHook;

    private KafkaBroker(Process process, Path directory, String bootstrapServers, boolean stopOnExit) {
        this.process = process;
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
        this.shutdownHook = new Thread(this::stopProcess, "kafka-broker-shutdown");
        if (stopOnExit) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Formats a fresh log directory under {@code directory} and starts the broker there; it stops when this JVM exits. */
    public static KafkaBroker start(Path directory, int partitions) throws IOException, InterruptedException {
        return start(directory, partitions, true, 0);
    }

    /**
     * As {@link #start(Path, int)}; with {@code stopOnExit} false the caller closes the broker
     * itself, e.g. after stopping the services that use it. The broker listens on
     * {@code preferredPort} when that port is free (0: any free port).
     */
    public static KafkaBroker start(Path directory, int partitions, boolean stopOnExit, int preferredPort)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port = preferredPort > 0 && Ports.isFree(preferredPort) ? preferredPort : Ports.free();
        int controllerPort = Ports.free();
        Path properties = writeServerProperties(directory, port, controllerPort, partitions);
        Path log4j = writeLog4jConfig(directory);
        Path brokerLog = directory.resolve("broker.log");

        run(javaCommand(log4j, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString(), "--standalone"), brokerLog, Duration.ofSeconds(60));

        KafkaBroker broker = new KafkaBroker(launch(directory), directory, "127.0.0.1:" + port, stopOnExit);
        try {
            broker.awaitReady();
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /**
     * Stops the broker (an outage, as its clients see it) without removing anything: its log
     * directory, ports and cluster id stay for {@link #restart()}.
     */
    public void stop() {
        stopProcess();
    }

    /** Starts a stopped broker again on the same ports and log directory, and waits until it answers. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("The broker is running");
        }
        process = launch(directory);
        awaitReady();
    }

    private static Process launch(Path directory) throws IOException {
        return new ProcessBuilder(javaCommand(directory.resolve("log4j2.xml"), "kafka.Kafka", directory.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
                .start();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logFile() {
        return directory.resolve("broker.log");
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException notRegisteredOrShuttingDown) {
            // nothing left to do
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ready means the broker answers a metadata request, not merely that its port is open. */
    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("Kafka broker exited with " + process.exitValue() + "; see " + logFile());
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IOException("Kafka broker did not answer within " + STARTUP_TIMEOUT + "; see " + logFile());
                    }
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            }
        }
    }

    private static Path writeServerProperties(Path directory, int port, int controllerPort, int partitions)
            throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=9223372036854775807",
                "") ;
        Path file = directory.resolve("server.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    /** Kafka logs through log4j2; keep the console quiet and the broker's log in its file. */
    private static Path writeLog4jConfig(Path directory) throws IOException {
        String config = String.join("\n",
                "<Configuration status=\"warn\">",
                "  <Appenders><Console name=\"stderr\" target=\"SYSTEM_ERR\">",
                "    <PatternLayout pattern=\"%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n\"/>",
                "  </Console></Appenders>",
                "  <Loggers>",
                "    <Logger name=\"kafka.server.KafkaRaftServer\" level=\"info\"/>",
                "    <Root level=\"warn\"><AppenderRef ref=\"stderr\"/></Root>",
                "  </Loggers>",
                "</Configuration>", "");
        Path file = directory.resolve("log4j2.xml");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> javaCommand(Path log4j, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", BrokerClasspath.get(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", command.subList(command.size() - 6, command.size())));
        }
        if (process.exitValue() != 0) {
            throw new IOException("Kafka storage format failed with exit " + process.exitValue() + "; see " + log);
        }
    }

    /** The jars the broker runs with, resolved by Maven into a resource of this module. */
    static final class BrokerClasspath {
        private static String classpath;

        static synchronized String get() throws IOException {
            if (classpath == null) {
                try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-broker.classpath")) {
                    if (in == null) {
                        throw new IOException("kafka-broker.classpath is missing: build dev-infra with Maven first");
                    }
                    classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                }
            }
            return classpath;
        }
    }
}
