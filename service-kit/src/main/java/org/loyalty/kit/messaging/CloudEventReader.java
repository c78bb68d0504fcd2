package org.loyalty.kit.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a CloudEvent from a Kafka record in structured mode (the value is the envelope) or
 * binary mode ({@code ce_*} headers, the value is the data), as the contract allows.
 */
@ApplicationScoped
public class CloudEventReader {

    private final ObjectMapper mapper;

    public CloudEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CloudEvent read(Headers headers, byte[] value) {
        if (headers.lastHeader("ce_specversion") != null) {
            return readBinary(headers, value);
        }
        return readStructured(value);
    }

    private CloudEvent readStructured(byte[] value) {
        JsonNode envelope = parse(value);
        if (!envelope.isObject() || !envelope.hasNonNull("specversion")) {
            throw new RejectedRecordException("not_cloudevent", null, "not a CloudEvent: no specversion attribute and no ce_specversion header");
        }
        String type = text(envelope, "type");
        checkSpecVersion(envelope.path("specversion").asText(), type);
        String id = required(envelope, "id", type);
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new RejectedRecordException("invalid", type, "CloudEvent attribute 'data' must be a JSON object");
        }
        return new CloudEvent(id, requiredType(type), text(envelope, "source"), text(envelope, "subject"), data);
    }

    private CloudEvent readBinary(Headers headers, byte[] value) {
        String type = header(headers, "ce_type");
        checkSpecVersion(header(headers, "ce_specversion"), type);
        String id = header(headers, "ce_id");
        if (id == null || id.isBlank()) {
            throw new RejectedRecordException("not_cloudevent", type, "missing CloudEvent attribute 'ce_id'");
        }
        JsonNode data = parse(value);
        if (!data.isObject()) {
            throw new RejectedRecordException("invalid", type, "binary-mode CloudEvent data must be a JSON object");
        }
        return new CloudEvent(id, requiredType(type), header(headers, "ce_source"), header(headers, "ce_subject"), data);
    }

    private JsonNode parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedRecordException("not_json", null, "empty record value");
        }
        try {
            return mapper.readTree(value);
        } catch (IOException e) {
            throw new RejectedRecordException("not_json", null, "value is not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static void checkSpecVersion(String version, String type) {
        if (!"1.0".equals(version)) {
            throw new RejectedRecordException("not_cloudevent", type, "unsupported CloudEvents specversion '" + version + "'");
        }
    }

    private static String requiredType(String type) {
        if (type == null || type.isBlank()) {
            throw new RejectedRecordException("not_cloudevent", null, "missing CloudEvent attribute 'type'");
        }
        return type;
    }

    private static String required(JsonNode envelope, String attribute, String type) {
        String value = text(envelope, attribute);
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("not_cloudevent", type, "missing CloudEvent attribute '" + attribute + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
