package org.loyalty.kit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class KafkaClientConfigTest {

    @Test
    void environmentStyleNamesBecomeKafkaKeysAndEmptyValuesAreLeftOut() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "kafka.bootstrap.servers", "broker:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", " ",
                "kafka.ui.anything", "x",
                "kafkaesque.setting", "y"), "test", 100)).build();

        Map<String, Object> settings = KafkaClientConfig.from(config);

        assertEquals(Map.of("bootstrap.servers", "broker:9093", "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"),
                settings);
        assertFalse(settings.containsKey("sasl.jaas.config"));
    }
}
