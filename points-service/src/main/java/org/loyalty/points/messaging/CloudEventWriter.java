package org.loyalty.points.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Wraps event data in a structured-mode CloudEvents 1.0 envelope, keyed by customer. */
@ApplicationScoped
public class CloudEventWriter {

    private final ObjectMapper mapper;

    public CloudEventWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode newData() {
        return mapper.createObjectNode();
    }

    public OutboxEvent event(String topic, String type, String customerId, Instant time, ObjectNode data) {
        ObjectNode envelope = mapper.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("type", type)
                .put("source", Topics.EVENT_SOURCE)
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
