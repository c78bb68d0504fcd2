package org.loyalty.kit.messaging;

/** A structured-mode CloudEvent waiting in the outbox for its topic. */
public record OutboxEvent(String topic, String key, String payload) {
}
