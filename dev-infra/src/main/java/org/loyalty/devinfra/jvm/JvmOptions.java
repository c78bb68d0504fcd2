package org.loyalty.devinfra.jvm;

import java.util.Arrays;
import java.util.List;

/** JVM options of a child process (a service, the broker), which a system property may replace to compare settings. */
public final class JvmOptions {

    /**
     * The client compiler only (C1). On two cores shared by four services, the broker and the
     * database, the server compiler kept compiling long after the warm-up.
     */
    public static final String CLIENT_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";

    /**
     * What every service runs with, here and in its image's JAVA_OPTS (each Dockerfile starts with
     * these; DeploymentDescriptorsTest keeps them in step). Why each option: ServiceProcess. The heap
     * is sized from the container's memory limit: at most three quarters of it, half of it from the start.
     */
    public static final String SERVICE = CLIENT_COMPILER_ONLY
            + " -XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50";

    /** The system property that replaces {@link #SERVICE} for every service started here. */
    public static final String SERVICE_PROPERTY = "loyalty.service.jvm-options";

    /**
     * The memory limit of a service's container (the Kubernetes manifests' and docker-compose.yml's;
     * DeploymentDescriptorsTest keeps them in step), which a service started here as a plain process
     * takes as its machine's memory: its heap is then sized as in its container.
     */
    public static final String CONTAINER_MEMORY_LIMIT_MB = "768";

    /** Makes a plain process size its heap as in a container of {@link #CONTAINER_MEMORY_LIMIT_MB}. */
    public static final String CONTAINER_MEMORY = "-XX:MaxRAM=" + CONTAINER_MEMORY_LIMIT_MB + "m";

    private JvmOptions() {
    }

    /** The options in {@code property}, split at white space, or {@code defaults} when it is not set. */
    public static List<String> fromProperty(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }
}
