package org.loyalty.kit.messaging;

/**
 * A structured-mode CloudEvent waiting in the outbox for its topic.
 *
 * @param payload the envelope as JSON in UTF-8, the bytes the record carries: written once by
 *        {@link CloudEventWriter}, stored and read back as UTF-8 by the database, sent as they are
 */
public record OutboxEvent(String topic, String key, byte[] payload) {
}
