package org.loyalty.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.jvm.JvmOptions;
import org.loyalty.devinfra.run.Platform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker-compose.yml and the Kubernetes overlay say what the services read: every environment
 * variable must be a configuration key of that service, ports and topics must match the contract.
 * (No Docker engine here to start them; the probes are checked against running services in
 * PlatformStoriesTest.)
 */
class DeploymentDescriptorsTest {

    @Test
    void composeGivesEachServiceOnlyItsOwnConfigurationOnItsContractPort() throws Exception {
        JsonNode services = Descriptors.compose().get("services");
        for (Platform.Service service : Platform.SERVICES) {
            JsonNode compose = services.get(service.name());
            Set<String> keys = Descriptors.environmentKeys(service.name());
            compose.get("environment").fieldNames().forEachRemaining(variable ->
                    assertTrue(keys.contains(variable), service.name() + " has no configuration key for " + variable));
            assertEquals(service.port() + ":" + service.port(), compose.get("ports").get(0).asText());
            assertEquals(service.name() + "/Dockerfile", compose.get("build").get("dockerfile").asText());
            assertEquals("service_completed_successfully", compose.get("depends_on").get("kafka-topics").get("condition").asText());
            assertTrue(compose.get("healthcheck").get("test").toString().contains("/q/health/ready"));
            assertEquals(JvmOptions.CONTAINER_MEMORY_LIMIT_MB + "m", compose.path("mem_limit").asText(),
                    service.name() + " must have the memory limit its heap is sized from (and the benchmark measured)");
        }
    }

    /**
     * The benchmark, the tests and the local run measure the services as their images run them, in
     * containers of the memory the descriptors give them (the tests above).
     */
    @Test
    void everyImageRunsItsServiceWithTheJvmOptionsTheLocalRunsUse() throws Exception {
        for (Platform.Service service : Platform.SERVICES) {
            String dockerfile = Files.readString(Descriptors.root().resolve(service.name()).resolve("Dockerfile"), StandardCharsets.UTF_8);
            assertTrue(dockerfile.contains("ENV JAVA_OPTS=\"" + JvmOptions.SERVICE + " "),
                    service.name() + "/Dockerfile does not start JAVA_OPTS with " + JvmOptions.SERVICE);
        }
    }

    @Test
    void composeCreatesEveryContractTopicUpFront() throws Exception {
        String command = Descriptors.compose().get("services").get("kafka-topics").get("command").get(0).asText();
        Set<String> created = new LinkedHashSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("--topic (\\S+)").matcher(command);
        while (matcher.find()) {
            created.add(matcher.group(1));
        }
        assertEquals(Descriptors.contractTopics(), created);
    }

    @Test
    void theKubernetesOverlayRendersAndEveryDeploymentReadsItsOwnConfiguration() throws Exception {
        List<JsonNode> resources = Descriptors.kustomizeDev();
        for (Platform.Service service : Platform.SERVICES) {
            JsonNode deployment = find(resources, "Deployment", service.name());
            assertEquals("loyalty-dev", deployment.at("/metadata/namespace").asText());
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            Set<String> keys = Descriptors.environmentKeys(service.name());
            for (JsonNode variable : container.get("env")) {
                assertTrue(keys.contains(variable.get("name").asText()), service.name() + " has no key for " + variable.get("name"));
            }
            assertEquals(service.port(), container.at("/ports/0/containerPort").asInt());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
            assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
            assertEquals(JvmOptions.CONTAINER_MEMORY_LIMIT_MB + "Mi", container.at("/resources/limits/memory").asText(),
                    service.name() + " must have the memory limit its heap is sized from (and the benchmark measured)");
            find(resources, "Service", service.name());
            find(resources, "HorizontalPodAutoscaler", service.name());
            find(resources, "PodDisruptionBudget", service.name());
            find(resources, "NetworkPolicy", service.name());
        }
        Set<String> topics = new LinkedHashSet<>();
        resources.stream().filter(r -> "KafkaTopic".equals(r.get("kind").asText())).forEach(r -> topics.add(r.at("/spec/topicName").asText()));
        assertEquals(Descriptors.contractTopics(), topics);
    }

    static JsonNode find(List<JsonNode> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind").asText()) && name.equals(r.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
