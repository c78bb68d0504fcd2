package org.loyalty.devinfra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine the benchmark ran on, for the report. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "%d cores, %s RAM, %s, Java %s".formatted(cores(), memory(), cpuModel(),
                System.getProperty("java.version"));
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static String memory() {
        return procLine("/proc/meminfo", "MemTotal")
                .map(line -> "%.0f GiB".formatted(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static java.util.Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
