package org.loyalty.devinfra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.loyalty.devinfra.jwt.DevTokenIssuer;
import org.loyalty.devinfra.kafka.KafkaBroker;
import org.loyalty.devinfra.load.PurchaseStream;
import org.loyalty.devinfra.net.Ports;
import org.loyalty.devinfra.postgres.PostgresServer;
import org.loyalty.devinfra.run.MailSink;
import org.loyalty.devinfra.run.Platform;
import org.loyalty.devinfra.run.Topics;

/**
 * The benchmark behind {@code ./benchmark.sh}: measures this machine's ceiling (Kafka perf
 * tools, batched ledger writes in PostgreSQL), then drives the purchase stream through
 * points-service alone and through all four services, measures produce-to-commit latency at
 * a fixed rate and samples CPU and memory, and writes a Markdown report with PNG charts.
 */
public final class Benchmark {

    /** What the run is asked to do; every value has a command-line option of the same name. */
    record Settings(int events, int customers, int warmup, int rate, int latencySeconds, int partitions, Path out, String only) {
        static Settings from(String[] args) {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Settings(
                    Integer.parseInt(options.getOrDefault("events", "200000")),
                    Integer.parseInt(options.getOrDefault("customers", "20000")),
                    Integer.parseInt(options.getOrDefault("warmup", "300000")),
                    Integer.parseInt(options.getOrDefault("rate", "1000")),
                    Integer.parseInt(options.getOrDefault("latency-seconds", "30")),
                    Integer.parseInt(options.getOrDefault("partitions", "3")),
                    Path.of(options.getOrDefault("out", "benchmark-report")).toAbsolutePath(),
                    options.get("only"));
        }

        /** How points-service runs in its second phase alone: a consumer per partition. */
        String consumerPerPartition() {
            return "%d consumers".formatted(partitions);
        }
    }

    /** The results of one phase (points-service alone, or all four services). */
    record Phase(String name, ThroughputRun.Result throughput, Map<String, ResourceSampler.Usage> idle,
            Map<String, ResourceSampler.Usage> underLoad, ResourceSampler.MachineCpu machineCpu,
            Map<String, Double> cpuSecondsByPart, long pointsCredited, long pointsExpected, LatencyProbe.Result latency) {
    }

    private static final List<Platform.Service> POINTS_ONLY = List.of(Platform.SERVICES.get(0));
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(10);
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(20);

    private final Path root = Path.of("").toAbsolutePath();
    private final Path work = root.resolve(".benchmark");
    private final Settings settings;
    private final PostgresServer postgres;
    /** Whether the benchmark analyzes the services' databases itself after each warm-up ({@link PlannerStatistics}). */
    private final boolean standInForAutovacuum;

    private Benchmark(Settings settings, PostgresServer postgres) throws SQLException {
        this.settings = settings;
        this.postgres = postgres;
        this.standInForAutovacuum = PlannerStatistics.autovacuumOff(postgres);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.from(args);
        // Ctrl-C skips the phases' close(): take the services and brokers this run started down with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        try (PostgresServer postgres = PostgresServer.localOrEmbedded()) {
            Path report = new Benchmark(settings, postgres).run();
            if (report != null) {
                System.out.println("Report: " + report);
            }
        }
        System.exit(0); // the Kafka clients' threads would otherwise keep the JVM waiting
    }

    private Path run() throws Exception {
        Files.createDirectories(settings.out());
        String machine = Machine.describe();
        String code = CodeVersion.describe(root);
        say("Benchmark of " + code + " on " + machine + ": " + settings);
        if (settings.only() != null) {
            quickLook();
            return null;
        }
        KafkaCeiling.Result kafka = kafkaCeiling();
        LedgerWriteCeiling.Result ledger = ledgerCeiling();
        Phase alone = phase("points-service alone", POINTS_ONLY, Map.of(), true);
        // points-service alone once more, with a consumer per partition instead of its default of one: the setting
        // the README gives a deployment that has cores for points-service alone, so the rate it reaches with the
        // machine to itself. Throughput only: below full load one consumer costs less (README).
        Phase aloneEveryPartition = phase("points-service alone, " + settings.consumerPerPartition(), POINTS_ONLY,
                Map.of("CHECKOUT_CONSUMERS", Integer.toString(settings.partitions())), false);
        Phase all = phase("all four services", Platform.SERVICES, Map.of(), true);
        Report report = new Report(settings, machine, code, standInForAutovacuum, kafka, ledger, alone, aloneEveryPartition, all);
        return report.write(settings.out());
    }

    /**
     * {@code --only points} or {@code --only all}: that one phase, printed, no ceiling and no
     * report; for trying a change quickly before measuring it with the whole run. {@code --only ledger}:
     * the ledger-write ceiling alone, to read a quick look's rate against the machine's speed of the moment.
     */
    private void quickLook() throws Exception {
        switch (settings.only()) {
            case "points" -> phase("points-service alone", POINTS_ONLY, Map.of(), true);
            case "all" -> phase("all four services", Platform.SERVICES, Map.of(), true);
            case "ledger" -> ledgerCeiling();
            default -> throw new IllegalArgumentException("--only takes points, all or ledger, not " + settings.only());
        }
    }

    private LedgerWriteCeiling.Result ledgerCeiling() throws SQLException {
        LedgerWriteCeiling.Result ledger = LedgerWriteCeiling.measure(postgres, settings.events(), settings.customers(), settings.warmup());
        say("PostgreSQL ledger writes: %,.0f events/s batched, %,.0f one per transaction", ledger.batched(), ledger.perEvent());
        return ledger;
    }

    private KafkaCeiling.Result kafkaCeiling() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(fresh("kafka-ceiling"), settings.partitions(), true, 0)) {
            KafkaCeiling.Result result = KafkaCeiling.measure(broker.bootstrapServers(), settings.partitions(),
                    stream(), settings.events(), work);
            say("Kafka perf tools: produce %,.0f records/s, consume %,.0f records/s (%d bytes each)",
                    result.produced(), result.consumed(), result.recordBytes());
            return result;
        }
    }

    /**
     * One phase on its own broker and fresh databases, so that no earlier record is consumed again;
     * {@code environment} is added to every service's (configuration by environment variables).
     */
    private Phase phase(String name, List<Platform.Service> services, Map<String, String> environment, boolean measureLatency)
            throws Exception {
        say("Phase: " + name);
        Path directory = fresh(name.replaceAll("[^A-Za-z0-9]+", "-")); // no comma: Kafka would read a list of log directories
        int smtpPort = Ports.free();
        try (KafkaBroker broker = KafkaBroker.start(directory.resolve("kafka"), settings.partitions(), true, 0);
                MailSink mail = MailSink.start(smtpPort, directory.resolve("mail"))) {
            Topics.create(broker.bootstrapServers(), settings.partitions());
            // The benchmark calls no REST endpoint: a throwaway issuer only lets the services start.
            Platform.Wiring wiring = new Platform.Wiring(broker.bootstrapServers(), postgres, smtpPort, "bench_", DevTokenIssuer.generate(),
                    environment);
            try (Platform platform = Platform.start(root, wiring, services, service -> Ports.free(), directory.resolve("logs"),
                    new ArrayList<>());
                    ResourceSampler sampler = new ResourceSampler(platform.pids())) {
                Map<String, String> databases = databases(services);
                PurchaseStream warmup = warmUp(broker.bootstrapServers(), services);
                if (standInForAutovacuum) {
                    PlannerStatistics.refresh(postgres, databases.values());
                    say("  autovacuum is off on this server: vacuumed and analyzed the services' databases, as it would have");
                }
                long idleFrom = System.nanoTime();
                TimeUnit.MILLISECONDS.sleep(IDLE_WINDOW.toMillis()); // an idle window to sample, nothing to wait for
                Map<String, ResourceSampler.Usage> idle = sampler.between(idleFrom, System.nanoTime());

                PurchaseStream stream = stream();
                ThroughputRun.Result throughput;
                Map<String, Double> cpuByPart;
                try (ThroughputRun run = ThroughputRun.prepare(postgres, databases, kept(services), stream, settings.events(),
                        settings.partitions())) {
                    CpuBreakdown breakdown = new CpuBreakdown(platform.pids(), databases);
                    throughput = run.run(broker.bootstrapServers(), PHASE_TIMEOUT);
                    cpuByPart = breakdown.secondsUntilNow();
                    run.confirm();
                }
                Map<String, ResourceSampler.Usage> underLoad = sampler.between(throughput.startNanos(), throughput.endNanos());
                ResourceSampler.MachineCpu machineCpu = sampler.machineCpu(throughput.startNanos(), throughput.endNanos());
                // Cores busy tells a change that put idle cores to work from one that does less per event.
                say("  %,.0f events/s until every service committed every event; machine CPU %,.0f µs per event, %.2f cores busy",
                        throughput.eventsPerSecond(settings.events()), machineCpu.microsPerEvent(settings.events()),
                        machineCpu.coresBusy());
                throughput.services().forEach((service, progress) ->
                        say("  %-25s %,.0f events/s (%.1f s)", service, progress.eventsPerSecond(), progress.seconds()));
                say("  CPU seconds: %s", cpuByPart.entrySet().stream()
                        .map(part -> "%s %.1f".formatted(part.getKey(), part.getValue())).collect(Collectors.joining(", ")));
                say("  RSS, idle / peak under load: %s", idle.keySet().stream()
                        .map(service -> "%s %,d / %,d MB".formatted(service, idle.get(service).peakRssMb(), underLoad.get(service).peakRssMb()))
                        .collect(Collectors.joining(", ")));
                long credited = pointsCredited();
                LatencyProbe.Result latency = measureLatency ? latencyAtFixedRate(broker.bootstrapServers(), services) : null;
                long expectedPoints = warmup.expectedPoints(settings.warmup()) + stream.expectedPoints(settings.events());
                return new Phase(name, throughput, idle, underLoad, machineCpu, cpuByPart, credited, expectedPoints, latency);
            }
        }
    }

    /** Produce-to-commit latency at the fixed rate, measured on a quiet platform. */
    private LatencyProbe.Result latencyAtFixedRate(String bootstrapServers, List<Platform.Service> services) throws Exception {
        awaitQuiet(bootstrapServers, services);
        LatencyProbe.Result latency = LatencyProbe.run(bootstrapServers, stream(), settings.rate(),
                Duration.ofSeconds(settings.latencySeconds()));
        say("  latency at %,d events/s: p50 %d ms, p95 %d ms, p99 %d ms", settings.rate(),
                latency.percentile(50), latency.percentile(95), latency.percentile(99));
        return latency;
    }

    /**
     * A service that has just started spends as much CPU compiling its hot code (the JIT) as
     * running it, and on two cores that takes half the machine from the run. A service in
     * production has long been warm: this stream, over the same customers, is driven through
     * first and waited for, so that the measured run sees warm services and a warm broker.
     * The default of 300,000 events is what the services' server compiler needs here: after
     * 600,000 they committed the same rate, after 50,000 they were still compiling (README, Benchmark).
     */
    private PurchaseStream warmUp(String bootstrapServers, List<Platform.Service> services) throws Exception {
        PurchaseStream warmup = stream();
        if (settings.warmup() > 0) {
            ThroughputRun.Result warm;
            try (ThroughputRun run = ThroughputRun.prepare(postgres, databases(services), kept(services), warmup, settings.warmup(),
                    settings.partitions())) {
                warm = run.run(bootstrapServers, PHASE_TIMEOUT);
            }
            say("  warm-up: %,d events at %,.0f events/s", settings.warmup(), warm.eventsPerSecond(settings.warmup()));
            awaitQuiet(bootstrapServers, services);
        }
        return warmup;
    }

    /**
     * Waits until every service has published what it wrote and every consumer group has caught up, and
     * both hold at once: what follows measures a quiet platform. Consumer groups alone are not
     * enough: at full speed points-service's relay publishes loyalty.points behind its ledger
     * (200,000 events: the relay was still publishing when the latency run began, and the
     * latency run's events queued behind that backlog, p99 4.6 s).
     */
    private void awaitQuiet(String bootstrapServers, List<Platform.Service> services) throws Exception {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        do {
            while (unrelayed(services) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Events still unpublished after " + PHASE_TIMEOUT);
                }
                TimeUnit.SECONDS.sleep(1);
            }
            ConsumerLag.awaitDrained(bootstrapServers, PHASE_TIMEOUT);
        } while (unrelayed(services) > 0); // the last events consumed may have written new events to publish
    }

    /** Events not yet published, over every service of the phase: outbox rows, and points-service's ledger past its relay's mark. */
    private long unrelayed(List<Platform.Service> services) throws SQLException {
        long rows = 0;
        for (Map.Entry<String, String> database : databases(services).entrySet()) {
            String unpublished = database.getKey().equals(POINTS_ONLY.get(0).name())
                    ? "SELECT (SELECT count(*) FROM outbox) + (SELECT position FROM ledger_log WHERE mark = 'appended')"
                            + " - (SELECT position FROM ledger_log WHERE mark = 'published')"
                    : "SELECT count(*) FROM outbox";
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database.getValue()), postgres.user(), postgres.password());
                    ResultSet count = db.createStatement().executeQuery(unpublished)) {
                count.next();
                rows += count.getLong(1);
            }
        }
        return rows;
    }

    private PurchaseStream stream() {
        return new PurchaseStream(UUID.randomUUID().toString().substring(0, 8), settings.customers());
    }

    private static Map<String, String> databases(List<Platform.Service> services) {
        Map<String, String> databases = new LinkedHashMap<>();
        services.forEach(service -> databases.put(service.name(), "bench_" + service.database()));
        return databases;
    }

    /** Every service keeps every event in its inbox, but notification-service, which has nothing to say about a refund. */
    private static Map<String, Predicate<PurchaseStream.Event>> kept(List<Platform.Service> services) {
        Map<String, Predicate<PurchaseStream.Event>> kept = new LinkedHashMap<>();
        services.forEach(service -> kept.put(service.name(), service.name().equals("notification-service")
                ? event -> !event.refund() : event -> true));
        return kept;
    }

    /** The points on every account after the throughput run: the warm-up's and the stream's expected total, to the point. */
    private long pointsCredited() throws SQLException {
        String database = "bench_" + Platform.SERVICES.get(0).database();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                ResultSet sum = db.createStatement().executeQuery("SELECT coalesce(sum(balance), 0) FROM points_account")) {
            sum.next();
            return sum.getLong(1);
        }
    }

    private Path fresh(String name) throws IOException {
        Path directory = work.resolve(name);
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
    }
}
