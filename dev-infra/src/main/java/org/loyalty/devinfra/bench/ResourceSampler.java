package org.loyalty.devinfra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples CPU time and resident memory of each service process once a second (from the
 * JDK's process info and /proc), and the CPU time of the whole machine (/proc/stat: services,
 * broker, PostgreSQL and load generator together), so that any window of the run can be summarised.
 */
final class ResourceSampler implements AutoCloseable {

    /** Average CPU in percent of one core and peak resident memory over a window. */
    record Usage(double cpuPercent, long peakRssMb) {
    }

    private record Sample(long atNanos, long cpuNanos, long rssKb) {
    }

    /** /proc counts CPU time in USER_HZ, which is 100 on every Linux architecture the JDK runs on. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<String, Long> pids;
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final List<Sample> machine = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resource-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ResourceSampler(Map<String, Long> pids) {
        this.pids = pids;
        pids.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        sample();
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** Usage of each service between two instants of {@link System#nanoTime()}. */
    synchronized Map<String, Usage> between(long fromNanos, long toNanos) {
        sample();
        Map<String, Usage> usage = new LinkedHashMap<>();
        samples.forEach((name, list) -> {
            List<Sample> window = list.stream().filter(s -> s.atNanos >= fromNanos && s.atNanos <= toNanos + 1_000_000_000L).toList();
            if (window.size() < 2) {
                usage.put(name, new Usage(0, 0));
                return;
            }
            Sample first = window.get(0);
            Sample last = window.get(window.size() - 1);
            double cpu = 100.0 * (last.cpuNanos - first.cpuNanos) / Math.max(1, last.atNanos - first.atNanos);
            usage.put(name, new Usage(cpu, window.stream().mapToLong(Sample::rssKb).max().orElse(0) / 1024));
        });
        return usage;
    }

    /** CPU time of the whole machine over a window, and the window's own length (both from the same samples). */
    record MachineCpu(double cpuSeconds, double wallSeconds) {

        static final MachineCpu NONE = new MachineCpu(0, 0);

        /** CPU time per event of a stream of {@code events}, in microseconds. */
        double microsPerEvent(int events) {
            return cpuSeconds * 1e6 / events;
        }

        /** The cores kept busy: CPU seconds per second. */
        double coresBusy() {
            return wallSeconds == 0 ? 0 : cpuSeconds / wallSeconds;
        }
    }

    /**
     * CPU time of the whole machine between two instants (nothing where /proc/stat is not there):
     * unlike the rate, it does not depend on which service happens to finish last.
     */
    synchronized MachineCpu machineCpu(long fromNanos, long toNanos) {
        sample();
        List<Sample> window = machine.stream().filter(s -> s.atNanos >= fromNanos && s.atNanos <= toNanos + 1_000_000_000L).toList();
        if (window.size() < 2) {
            return MachineCpu.NONE;
        }
        Sample first = window.get(0);
        Sample last = window.get(window.size() - 1);
        return new MachineCpu((last.cpuNanos - first.cpuNanos) / 1e9, (last.atNanos - first.atNanos) / 1e9);
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        machine.add(new Sample(now, machineCpuNanos(), 0));
        pids.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(process -> {
            long cpu = process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            samples.get(name).add(new Sample(now, cpu, rssKb(pid)));
        }));
    }

    /** Busy time of all CPUs: user, nice, system, irq, softirq and steal (not idle or iowait). */
    private static long machineCpuNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int column : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(fields[column]);
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux
        }
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or the process is gone
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
