package org.loyalty.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads what the deployment descriptors and the services declare, for the descriptor tests. */
final class Descriptors {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Descriptors() {
    }

    static Path root() {
        return Path.of(System.getProperty("loyalty.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * The environment variables a service understands: every key of its application.properties and
     * of the service kit's defaults, which every service reads too, as Quarkus maps them.
     */
    static Set<String> environmentKeys(String service) throws IOException {
        Properties properties = new Properties();
        for (Path file : List.of(root().resolve(service).resolve("src/main/resources/application.properties"),
                root().resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"))) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String key : properties.stringPropertyNames()) {
            String withoutProfile = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            keys.add(withoutProfile.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return keys;
    }

    /** Every topic docs/contract.md names, and each service's dead-letter topic. */
    static Set<String> contractTopics() throws IOException {
        String contract = Files.readString(root().resolve("docs/contract.md"), StandardCharsets.UTF_8);
        Set<String> topics = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("^\\| `([a-z]+\\.[a-z]+)` \\|", Pattern.MULTILINE).matcher(contract);
        while (matcher.find()) {
            topics.add(matcher.group(1));
        }
        for (String service : List.of("points-service", "rewards-service", "customer-profile-service", "notification-service")) {
            topics.add(service + ".dlq");
        }
        return topics;
    }

    static JsonNode compose() throws IOException {
        return YAML.readTree(root().resolve("docker-compose.yml").toFile());
    }

    /** The dev overlay as kubectl renders it, one node per resource. */
    static List<JsonNode> kustomizeDev() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", root().resolve("deploy/kubernetes/overlays/dev").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize failed");
        }
        return YAML.readValues(YAML.getFactory().createParser(rendered), JsonNode.class).readAll();
    }
}
