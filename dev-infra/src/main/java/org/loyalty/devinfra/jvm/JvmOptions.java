package org.loyalty.devinfra.jvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** JVM options of a child process (a service, the broker), which a system property may replace to compare settings. */
public final class JvmOptions {

    /**
     * The client compiler only (C1), for the broker and the benchmark's load generator: processes
     * that run for a minute or two, in which the server compiler (C2) would still be compiling.
     */
    public static final String CLIENT_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";

    /**
     * What every service runs with, here and in its image's JAVA_OPTS (each Dockerfile starts with
     * these; DeploymentDescriptorsTest keeps them in step).
     * Both compilers, the JVM's default. A service runs for days, and once C2 has compiled its hot
     * code it takes less CPU per event than with C1 alone: all four services, warmed up by 300,000
     * events, committed 6,138 and 6,065 events/s against 5,337 and 5,513 with C1 alone (alternating
     * quick looks), their own CPU a quarter lower; points-service alone 28,118 and 28,078 against
     * 24,795 and 24,590. The price is the first minute: four services started at once on two
     * shared cores gave a p99 of 624 and 391 ms at 1,000 events/s in their first minute with C2,
     * 127 and 134 with C1 alone; and about 40 MB more RSS each (README, Benchmark).
     * And the serial collector, which the JVM picks by itself in the Kubernetes manifests' one-CPU pods:
     * on two shared cores G1's concurrent and parallel work cost the four services 34.0 and 34.3 s of
     * CPU per 100,000 events, the serial collector 32.8 and 30.8 (alternating quick looks).
     * And a first metaspace threshold above the 60 MB of classes a service loads: with the JVM's
     * default of about 21 MB, each service stopped for three full collections while it started
     * (100 to 930 ms each with four starting at once); four services started at once in 9.2 s on
     * average instead of 10.9 (three runs each way, alternating).
     * And a heap of at most three quarters of the container's memory limit, half of it from the start:
     * from the JVM's default start of 1/64 of it, the serial collector's young generation stayed small
     * and collected more often, and the four services took 334 to 352 µs of machine CPU per event
     * instead of 315 to 325 (all four, 200,000 events, alternating quick looks, two pairs each with and
     * without a fixed -Xmn128m); starting at half, 318 and 352 µs against 331 and 365, with a peak RSS
     * of 564 to 595 MB (README, Benchmark).
     */
    public static final String SERVICE = "-XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50";

    /**
     * The memory limit of a service's container in MiB (the Kubernetes manifests' and docker-compose.yml's;
     * DeploymentDescriptorsTest keeps them in step), which a service started here as a plain process
     * takes as its machine's memory: its heap is then sized as in its container.
     */
    public static final int CONTAINER_MEMORY_LIMIT_MB = 768;

    /** Makes a plain process size its heap as in a container of {@link #CONTAINER_MEMORY_LIMIT_MB}. */
    public static final String CONTAINER_MEMORY = "-XX:MaxRAM=" + CONTAINER_MEMORY_LIMIT_MB + "m";

    private JvmOptions() {
    }

    /** The options in {@code property}, split at white space, or {@code defaults} when it is not set. */
    public static List<String> fromProperty(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    /**
     * Every option the service {@code name} is started with here: {@link #CONTAINER_MEMORY}, then
     * {@link #SERVICE}, which {@code -Dloyalty.service.jvm-options="..."} replaces for every service
     * (to compare JVM settings) and {@code -Dloyalty.<name>.jvm-options="..."} for that one alone (a
     * profiler attached to one service, or a setting tried on one).
     */
    public static List<String> forService(String name) {
        List<String> options = new ArrayList<>(List.of(CONTAINER_MEMORY));
        options.addAll(fromProperty("loyalty." + name + ".jvm-options", System.getProperty("loyalty.service.jvm-options", SERVICE)));
        return options;
    }
}
