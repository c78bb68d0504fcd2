package org.loyalty.devinfra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.loyalty.devinfra.jvm.JvmOptions;
import org.loyalty.devinfra.run.Platform;

/** Writes the benchmark's Markdown report and its charts into one directory. */
final class Report {

    private static final double POINTS_TARGET_SHARE = 0.5;
    private static final long P99_TARGET_MS = 250;
    private static final double ALL_FOUR_TARGET = 5000;

    private final Benchmark.Settings settings;
    private final String machine;
    /** The commit measured ({@link CodeVersion}). */
    private final String code;
    private final boolean standInForAutovacuum;
    private final KafkaCeiling.Result kafka;
    private final LedgerWriteCeiling.Result ledger;
    private final Benchmark.Phase alone;
    /** points-service alone with a consumer per partition: throughput only, no latency. */
    private final Benchmark.Phase aloneEveryPartition;
    private final Benchmark.Phase all;
    /** Every phase, in the order every per-phase table lists them. */
    private final List<Benchmark.Phase> phases;
    private final StringBuilder text = new StringBuilder();

    Report(Benchmark.Settings settings, String machine, String code, boolean standInForAutovacuum, KafkaCeiling.Result kafka,
            LedgerWriteCeiling.Result ledger, Benchmark.Phase alone, Benchmark.Phase aloneEveryPartition, Benchmark.Phase all) {
        this.settings = settings;
        this.machine = machine;
        this.code = code;
        this.standInForAutovacuum = standInForAutovacuum;
        this.kafka = kafka;
        this.ledger = ledger;
        this.alone = alone;
        this.aloneEveryPartition = aloneEveryPartition;
        this.all = all;
        this.phases = List.of(alone, aloneEveryPartition, all);
    }

    Path write(Path directory) throws IOException {
        header();
        ceiling();
        throughput();
        latency();
        resources();
        charts(directory);
        Path file = directory.resolve("report.md");
        Files.writeString(file, text);
        return file;
    }

    private void header() {
        line("# Benchmark report");
        line("");
        line("- run: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        line("- machine: " + machine + "; the broker, PostgreSQL and every service share it");
        line("- code: " + code);
        jvmOptions();
        line("- command: `./benchmark.sh --events %d --customers %d --warmup %d --rate %d --latency-seconds %d --partitions %d`".formatted(
                settings.events(), settings.customers(), settings.warmup(), settings.rate(), settings.latencySeconds(), settings.partitions()));
        line("- stream: %,d checkout events over %,d customers, every tenth a partial refund of the order before it".formatted(
                settings.events(), settings.customers()));
        line(("- warm-up: each phase first drives %,d events of the same shape through its freshly started services and waits "
                + "for them, so that what is measured is warm code, not the JIT compiling it; the ledger ceiling writes as many "
                + "events first").formatted(settings.warmup()));
        if (standInForAutovacuum) {
            line("- statistics: this PostgreSQL server runs with autovacuum off, so after each warm-up the benchmark ran "
                    + "`VACUUM ANALYZE` in the services' databases, as autovacuum would have by then");
        }
        line("");
        line("| target | measured | met |");
        line("|---|---|---|");
        double share = ledgerShare(alone);
        double shareEveryPartition = ledgerShare(aloneEveryPartition);
        target("points-service ≥ %.0f %% of the batched ledger-write ceiling".formatted(POINTS_TARGET_SHARE * 100),
                "%.0f %% with one consumer, its default (%s: %.0f %%)".formatted(share * 100, aloneEveryPartition.name(),
                        shareEveryPartition * 100),
                Math.max(share, shareEveryPartition) >= POINTS_TARGET_SHARE);
        long p99 = all.latency().percentile(99);
        target("p99 produce → committed balance < %d ms at %,d events/s".formatted(P99_TARGET_MS, settings.rate()),
                p99 + " ms with all four running (points-service alone: " + alone.latency().percentile(99) + " ms)",
                p99 >= 0 && p99 < P99_TARGET_MS);
        double together = all.throughput().eventsPerSecond(settings.events());
        target("all four services, each consuming the stream, > %,.0f events/s".formatted(ALL_FOUR_TARGET),
                "%,.0f events/s".formatted(together), together > ALL_FOUR_TARGET);
        line("");
    }

    private double ledgerShare(Benchmark.Phase phase) {
        return phase.throughput().eventsPerSecond(settings.events()) / ledger.batched();
    }

    /** The services' JVM options, one line for all when they share them ({@code -XX:MaxRAM}: sized as deployed). */
    private void jvmOptions() {
        Map<String, List<String>> servicesByOptions = new LinkedHashMap<>();
        for (Platform.Service service : Platform.SERVICES) {
            servicesByOptions.computeIfAbsent(String.join(" ", JvmOptions.forService(service.name())), options -> new ArrayList<>())
                    .add(service.name());
        }
        servicesByOptions.forEach((options, services) -> line(
                "- JVM options of %s: `%s` (the heap sized as in a container of %d MiB, as deployed)".formatted(
                        servicesByOptions.size() == 1 ? "every service" : String.join(", ", services), options,
                        JvmOptions.CONTAINER_MEMORY_LIMIT_MB)));
    }

    private void ceiling() {
        line("## The machine's ceiling");
        line("");
        line("| what | rate |");
        line("|---|---|");
        line("| Kafka produce, `ProducerPerformance`, %,d records of %d bytes, acks=all, batch 128 KiB, linger 20 ms | %,.0f records/s |"
                .formatted(settings.events(), kafka.recordBytes(), kafka.produced()));
        line("| Kafka consume, `ConsumerPerformance` (fetch rate) | %,.0f records/s |".formatted(kafka.consumed()));
        line("| PostgreSQL ledger row + balance upsert, %d events per transaction, one connection, best of %d passes | %,.0f events/s |"
                .formatted(ledger.batchSize(), ledger.batchedPasses(), ledger.batched()));
        line("| PostgreSQL ledger row + balance upsert, one event per transaction, one connection | %,.0f events/s |"
                .formatted(ledger.perEvent()));
        line("");
    }

    private void throughput() {
        line("## Sustained throughput (produce as fast as possible, until every effect is committed)");
        line("");
        line("| phase | service | seconds to last commit | events/s | share of ledger ceiling | share of Kafka consume |");
        line("|---|---|---|---|---|---|");
        for (Benchmark.Phase phase : phases) {
            phase.throughput().services().forEach((service, progress) -> line("| %s | %s | %.1f | %,.0f | %.0f %% | %.1f %% |".formatted(
                    phase.name(), service, progress.seconds(), progress.eventsPerSecond(),
                    100 * progress.eventsPerSecond() / ledger.batched(), 100 * progress.eventsPerSecond() / kafka.consumed())));
            line("| %s | **the platform** | %.1f | **%,.0f** | | |".formatted(phase.name(),
                    settings.events() / phase.throughput().eventsPerSecond(settings.events()), phase.throughput().eventsPerSecond(settings.events())));
        }
        line("");
        line(("CPU of the whole machine (services, broker, PostgreSQL and load generator) per event of the stream, over the same window: "
                + "%,.0f µs with points-service alone (%,.0f µs with %s), %,.0f µs with all four. Unlike the rate, it does not depend "
                + "on which service happens to finish last; like the rate, it moves with the machine (5 to 20 %% between runs of the "
                + "same code, up to half between days: read it with the ceilings above). "
                + "Cores kept busy over the window (CPU seconds per second, of %d): %.2f with points-service alone (%.2f with %s), "
                + "%.2f with all four; a change that raises the rate at the same CPU per event put idle cores to work rather than "
                + "doing less per event.")
                .formatted(alone.machineCpu().microsPerEvent(settings.events()),
                        aloneEveryPartition.machineCpu().microsPerEvent(settings.events()), settings.consumerPerPartition(),
                        all.machineCpu().microsPerEvent(settings.events()), Machine.cores(), alone.machineCpu().coresBusy(),
                        aloneEveryPartition.machineCpu().coresBusy(), settings.consumerPerPartition(), all.machineCpu().coresBusy()));
        line("");
        pointsBudget();
        boolean exact = phases.stream().allMatch(phase -> phase.pointsCredited() == phase.pointsExpected());
        line(("Production alone took %.1f s (all four phase). Points credited after the stream: %,d, expected %,d (%s); "
                + "with %s: %,d; with all four: %,d.").formatted(all.throughput().produceSeconds(), alone.pointsCredited(),
                alone.pointsExpected(), exact ? "exact, in every phase" : "MISMATCH", settings.consumerPerPartition(),
                aloneEveryPartition.pointsCredited(), all.pointsCredited()));
        line("");
        line("![committed events over time](throughput.png)");
        line("");
    }

    /**
     * What the points-service target leaves per event: the CPU that the machine's cores have for
     * each event at that rate, for everything that runs, beside what the phase took and how much of
     * that the broker and the load generator took, whatever the service does.
     */
    private void pointsBudget() {
        double rate = POINTS_TARGET_SHARE * ledger.batched();
        Map<String, Double> parts = alone.cpuSecondsByPart();
        double notTheService = (parts.getOrDefault(CpuBreakdown.BROKER, 0.0) + parts.getOrDefault(CpuBreakdown.LOAD_GENERATOR, 0.0))
                * 1e6 / settings.events();
        line(("What the points-service target leaves: at %.0f %% of the ledger ceiling (%,.0f events/s) the machine's %d cores "
                + "have %,.0f µs of CPU per event for the service, its database, the broker and the load generator together. "
                + "points-service alone took %,.0f µs (%,.0f µs with %s), the broker and the load generator %,.0f µs of it.")
                .formatted(POINTS_TARGET_SHARE * 100, rate, Machine.cores(), Machine.cores() * 1e6 / rate,
                        alone.machineCpu().microsPerEvent(settings.events()),
                        aloneEveryPartition.machineCpu().microsPerEvent(settings.events()), settings.consumerPerPartition(),
                        notTheService));
        line("");
    }

    private void latency() {
        line("## Latency at a fixed rate");
        line("");
        line("%,d purchases at %,d events/s for %d s, once with points-service alone and once with all four services running; "
                .formatted(all.latency().sent(), all.latency().rate(), settings.latencySeconds())
                + "latency = time the `points.earned` record (published by the ledger's relay after the ledger transaction committed) "
                + "was stamped minus the time the purchase was sent (by a producer with the Kafka client's default linger of 5 ms, "
                + "as a checkout system that sets nothing sends; the linger is part of the latency).");
        line("");
        line("| phase | p50 | p95 | p99 | max | not seen within 60 s of the last send |");
        line("|---|---|---|---|---|---|");
        for (Benchmark.Phase phase : phases.stream().filter(measured -> measured.latency() != null).toList()) {
            LatencyProbe.Result latency = phase.latency();
            line("| %s | %d ms | %d ms | %d ms | %d ms | %d |".formatted(phase.name(), latency.percentile(50), latency.percentile(95),
                    latency.percentile(99), latency.percentile(100), latency.missing()));
        }
        line("");
        line("![latency of each purchase by send time](latency.png)");
        line("");
    }

    private void resources() {
        line("## CPU and memory of each service");
        line("");
        line("CPU in percent of one core (2 cores = 200 %), averaged over the window; RSS is the peak of 1 s samples.");
        line("");
        line("| phase | service | idle CPU | idle RSS | CPU under load | peak RSS under load |");
        line("|---|---|---|---|---|---|");
        for (Benchmark.Phase phase : phases) {
            for (Map.Entry<String, ResourceSampler.Usage> idle : phase.idle().entrySet()) {
                ResourceSampler.Usage load = phase.underLoad().get(idle.getKey());
                line("| %s | %s | %.1f %% | %d MB | %.0f %% | %d MB |".formatted(phase.name(), idle.getKey(),
                        idle.getValue().cpuPercent(), idle.getValue().peakRssMb(), load.cpuPercent(), load.peakRssMb()));
            }
        }
        line("");
        cpuBreakdown();
    }

    private void cpuBreakdown() {
        line("### Where the machine's CPU went");
        line("");
        line("CPU time of every process over the throughput run (from /proc): each service, the PostgreSQL backends serving "
                + "its database, the broker, the load generator; per event of the stream and as a share of all of it.");
        line("");
        line("| phase | part | CPU seconds | µs per event | share |");
        line("|---|---|---|---|---|");
        for (Benchmark.Phase phase : phases) {
            double total = phase.cpuSecondsByPart().values().stream().mapToDouble(Double::doubleValue).sum();
            phase.cpuSecondsByPart().forEach((part, seconds) -> line("| %s | %s | %.1f | %,.0f | %.0f %% |".formatted(
                    phase.name(), part, seconds, seconds * 1e6 / settings.events(), 100 * seconds / Math.max(total, 1e-9))));
        }
        line("");
    }

    private void charts(Path directory) throws IOException {
        LineChart progress = new LineChart("Committed events (%,d produced)".formatted(settings.events()), "seconds since the first send",
                "events");
        alone.throughput().services().forEach((service, p) -> progress.line(service + " (alone)", p.points()));
        aloneEveryPartition.throughput().services().forEach((service, p) -> progress.line(
                service + " (alone, " + settings.consumerPerPartition() + ")", p.points()));
        all.throughput().services().forEach((service, p) -> progress.line(service, p.points()));
        progress.write(directory.resolve("throughput.png"));
        new LineChart("Produce → committed balance at %,d events/s".formatted(settings.rate()), "send time (s)", "latency (ms)")
                .dots("points-service alone", alone.latency().bySendSecond())
                .dots("all four services", all.latency().bySendSecond())
                .write(directory.resolve("latency.png"));
    }

    private void target(String what, String measured, boolean met) {
        line("| %s | %s | %s |".formatted(what, measured, met ? "yes" : "**no**"));
    }

    private void line(String line) {
        text.append(line).append('\n');
    }
}
