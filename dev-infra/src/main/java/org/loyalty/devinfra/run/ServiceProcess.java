package org.loyalty.devinfra.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.loyalty.devinfra.jvm.JvmOptions;

/**
 * One packaged Quarkus service running as a child process, its output in a log file. It can
 * be killed and started again on the same port, database and log (crash tests).
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * JVM options for every service, as in their container images; {@code -Dloyalty.service.jvm-options="..."}
     * replaces them, to compare JVM settings. The client compiler only (C1): on two cores shared by four
     * services, the broker and the database, C2 kept compiling for minutes and took a third of a core per
     * service; without it the four services committed 2,877 events/s instead of 2,427, warmed up 1.7x
     * faster, and p99 at 1,000 events/s fell from 298 to 142 ms (the all-four quick look of the benchmark).
     * And the serial collector, which the JVM picks by itself in the Kubernetes manifests' one-CPU pods:
     * on two shared cores G1's concurrent and parallel work cost the four services 34.0 and 34.3 s of
     * CPU per 100,000 events, the serial collector 32.8 and 30.8 (alternating quick looks).
     * And a first metaspace threshold above the 60 MB of classes a service loads: with the JVM's
     * default of about 21 MB, each service stopped for three full collections while it started
     * (100 to 930 ms each with four starting at once); four services started at once in 9.2 s on
     * average instead of 10.9 (three runs each way, alternating).
     * And a heap sized as in the service's container ({@link JvmOptions#CONTAINER_MEMORY}, before these
     * options), starting at half the container's memory: from the JVM's default start of 1/64 of it, the
     * serial collector's young generation stayed small and collected more often, and the four services
     * took 334 to 352 µs of machine CPU per event instead of 315 to 325 (all four, 200,000 events,
     * alternating quick looks, two pairs each with and without a fixed -Xmn128m); starting at half,
     * 318 and 352 µs against 331 and 365, with a peak RSS of 564 to 595 MB (README, Benchmark).
     * {@code -Dloyalty.<service>.jvm-options="..."} (e.g. {@code loyalty.points-service.jvm-options}) replaces
     * them for that one service: a profiler attached to one service, or a setting tried on one alone.
     */
    private static final List<String> JVM_OPTIONS = JvmOptions.fromProperty(JvmOptions.SERVICE_PROPERTY, JvmOptions.SERVICE);

    private final String name;
    private final int port;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, int port, Path jar, Map<String, String> environment, Path log) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    static ServiceProcess start(String name, int port, Path jar, Map<String, String> environment, Path logDirectory)
            throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        Files.deleteIfExists(log);
        ServiceProcess service = new ServiceProcess(name, port, jar, environment, log);
        service.launch();
        return service;
    }

    /** Starts the process (again) with the same port, environment and log, which it appends to. */
    synchronized void launch() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                JvmOptions.CONTAINER_MEMORY));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
    }

    private List<String> jvmOptions() {
        String ownProperty = "loyalty." + name + ".jvm-options";
        return System.getProperty(ownProperty) == null ? JVM_OPTIONS : JvmOptions.fromProperty(ownProperty, "");
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Readiness as a Kubernetes probe sees it: 200 from /q/health/ready. */
    boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until readiness says UP (database migrated, Kafka connected). */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isReady()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new IOException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL, as a crashed node or an OOM kill: no shutdown hook, no graceful drain. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM for a graceful shutdown, then SIGKILL if it does not stop in time. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
