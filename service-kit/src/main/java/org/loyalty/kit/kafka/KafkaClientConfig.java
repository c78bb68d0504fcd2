package org.loyalty.kit.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.smallrye.common.annotation.Identifier;

/**
 * The settings every Kafka client of the service starts from: each {@code kafka.*} key and
 * each {@code KAFKA_*} environment variable ({@code KAFKA_SASL_JAAS_CONFIG} becomes
 * {@code sasl.jaas.config}), as Quarkus' own default does, except that an empty value is left
 * out. A deployment can then always pass {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}
 * or {@code KAFKA_SSL_TRUSTSTORE_*}, empty where the cluster is PLAINTEXT, without the client
 * rejecting an empty security protocol or mechanism.
 */
@Singleton
public class KafkaClientConfig {

    private static final String PREFIX = "kafka";

    @Produces
    @Singleton
    @Identifier("default-kafka-broker")
    public Map<String, Object> defaultKafkaBroker(Config config) {
        return from(config);
    }

    static Map<String, Object> from(Config config) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean kafkaKey = lower.length() > PREFIX.length() + 1 && lower.startsWith(PREFIX)
                    && (lower.charAt(PREFIX.length()) == '.' || lower.charAt(PREFIX.length()) == '_');
            if (!kafkaKey || lower.startsWith("kafka.ui")) {
                continue;
            }
            String key = lower.substring(PREFIX.length() + 1).replace('_', '.');
            config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }
}
