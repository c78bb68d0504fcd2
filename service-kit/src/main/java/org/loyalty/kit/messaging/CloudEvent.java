package org.loyalty.kit.messaging;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvents 1.0 envelope as read from Kafka, in either content mode. */
public record CloudEvent(String id, String type, String source, String subject, JsonNode data) {
}
