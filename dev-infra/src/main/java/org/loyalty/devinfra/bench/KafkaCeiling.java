package org.loyalty.devinfra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.loyalty.devinfra.load.PurchaseStream;

/**
 * The broker's ceiling for our records, measured with Apache Kafka's own perf tools
 * (ProducerPerformance and ConsumerPerformance, each in its own JVM) on a scratch topic with
 * the partitions of checkout.purchases and payloads taken from the benchmark's stream.
 */
final class KafkaCeiling {

    /** Records per second produced (acks=all, the load generator's batching) and consumed. */
    record Result(double produced, double consumed, int recordBytes) {
    }

    private static final String TOPIC = "bench.ceiling";
    private static final Pattern PRODUCER_RATE = Pattern.compile("records sent, ([\\d.]+) records/sec");

    private KafkaCeiling() {
    }

    static Result measure(String bootstrapServers, int partitions, PurchaseStream stream, int records, Path workDirectory)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Path payloads = workDirectory.resolve("ceiling-payloads.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(stream.event(i).json());
        }
        Files.write(payloads, lines, StandardCharsets.UTF_8);
        int recordBytes = (int) lines.stream().mapToInt(String::length).average().orElse(0);

        String producerOutput = tool(workDirectory, "producer-perf", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Integer.toString(records), "--throughput", "-1",
                "--payload-file", payloads.toString(),
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "batch.size=131072", "linger.ms=20");
        Matcher produced = PRODUCER_RATE.matcher(producerOutput);
        double producedRate = -1;
        while (produced.find()) {
            producedRate = Double.parseDouble(produced.group(1)); // the last line is the total
        }
        String consumerOutput = tool(workDirectory, "consumer-perf", "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", TOPIC, "--messages", Integer.toString(records),
                "--timeout", "60000");
        return new Result(producedRate, consumedRate(consumerOutput), recordBytes);
    }

    /** ConsumerPerformance prints a CSV header and one line; fetch.nMsg.sec leaves out the group join. */
    private static double consumedRate(String output) {
        List<String> lines = output.lines().filter(line -> line.contains(",")).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            List<String> header = Arrays.stream(lines.get(i).split(",")).map(String::trim).toList();
            int column = header.indexOf("fetch.nMsg.sec");
            if (column >= 0) {
                return Double.parseDouble(lines.get(i + 1).split(",")[column].trim());
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no rate:\n" + output);
    }

    private static String tool(Path workDirectory, String name, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path output = workDirectory.resolve(name + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(mainClass + " failed; see " + output);
        }
        return Files.readString(output);
    }
}
