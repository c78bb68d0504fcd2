package org.loyalty.devinfra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the machine's CPU went over a window: each service's process, the PostgreSQL backends
 * serving its database, the broker, the rest of PostgreSQL, the load generator (this process,
 * with the SMTP sink) and everything else, from the CPU time of every process in /proc at the
 * window's start and end. A process that ends inside the window is not counted (the services'
 * database pools keep their connections, so their backends live through a run).
 */
final class CpuBreakdown {

    static final String BROKER = "Kafka broker";
    private static final String OTHER_POSTGRES = "PostgreSQL (other processes)";
    static final String LOAD_GENERATOR = "load generator and SMTP sink";
    private static final String OTHER = "everything else";

    /** The part a process counts for, and its CPU time so far in ticks. */
    private record ProcessTime(String part, long ticks) {
    }

    private final Map<String, Long> servicePids;
    private final Map<Long, String> serviceByPid = new HashMap<>();
    private final Map<String, String> serviceDatabases;
    private final Map<Long, ProcessTime> start;

    /** Takes the window's first snapshot. */
    CpuBreakdown(Map<String, Long> servicePids, Map<String, String> serviceDatabases) {
        this.servicePids = servicePids;
        servicePids.forEach((service, pid) -> serviceByPid.put(pid, service));
        this.serviceDatabases = serviceDatabases;
        this.start = snapshot();
    }

    /** CPU seconds of each part from the first snapshot until now, services and their databases first. */
    Map<String, Double> secondsUntilNow() {
        Map<Long, ProcessTime> end = snapshot();
        Map<String, Double> seconds = new LinkedHashMap<>();
        servicePids.keySet().forEach(service -> {
            seconds.put(service, 0.0);
            seconds.put(databasePart(service), 0.0);
        });
        for (String part : new String[] {BROKER, OTHER_POSTGRES, LOAD_GENERATOR, OTHER}) {
            seconds.put(part, 0.0);
        }
        end.forEach((pid, process) -> {
            ProcessTime before = start.get(pid);
            long ticks = process.ticks() - (before == null ? 0 : before.ticks());
            seconds.merge(process.part(), ticks * ResourceSampler.NANOS_PER_TICK / 1e9, Double::sum);
        });
        return seconds;
    }

    private static String databasePart(String service) {
        return service + " database";
    }

    private Map<Long, ProcessTime> snapshot() {
        Map<Long, ProcessTime> processes = new HashMap<>();
        Set<Long> children = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path entry : proc) {
                long pid = Long.parseLong(entry.getFileName().toString());
                long ticks = ticks(entry);
                if (ticks > 0) {
                    processes.put(pid, new ProcessTime(part(pid, commandLine(entry), children), ticks));
                }
            }
        } catch (IOException e) {
            return Map.of(); // not Linux: no breakdown
        }
        return processes;
    }

    private String part(long pid, String commandLine, Set<Long> children) {
        if (serviceByPid.containsKey(pid)) {
            return serviceByPid.get(pid);
        }
        if (commandLine.startsWith("postgres")) {
            // a backend's title names its database: "postgres: 15/main: user database host(port) state"
            for (Map.Entry<String, String> database : serviceDatabases.entrySet()) {
                if ((" " + commandLine + " ").contains(" " + database.getValue() + " ")) {
                    return databasePart(database.getKey());
                }
            }
            return OTHER_POSTGRES;
        }
        if (pid == ProcessHandle.current().pid()) {
            return LOAD_GENERATOR;
        }
        return children.contains(pid) ? BROKER : OTHER;
    }

    /** utime + stime of /proc/PID/stat (fields 14 and 15; the command in field 2 may hold spaces, so count after its ')'). */
    private static long ticks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException gone) {
            return "";
        }
    }
}
