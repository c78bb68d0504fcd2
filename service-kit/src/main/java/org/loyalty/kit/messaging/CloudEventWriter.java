package org.loyalty.kit.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Wraps event data in a structured-mode CloudEvents 1.0 envelope, keyed by customer. */
@ApplicationScoped
public class CloudEventWriter {

    private final ObjectMapper mapper;
    private final String source;

    public CloudEventWriter(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.mapper = mapper;
        this.source = source;
    }

    public ObjectNode newData() {
        return mapper.createObjectNode();
    }

    public OutboxEvent event(String topic, String type, String customerId, Instant time, ObjectNode data) {
        ObjectNode envelope = mapper.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("type", type)
                .put("source", source)
                .put("time", time.toString())
                .put("subject", customerId)
                .put("datacontenttype", "application/json");
        envelope.set("data", data);
        try {
            return new OutboxEvent(topic, customerId, mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a " + type + " event", e);
        }
    }
}
