package org.loyalty.kit.messaging;

/**
 * A record that can never be applied (malformed, invalid or of an unknown type). It goes
 * to the dead-letter topic with {@link #getMessage()} as the reason; the stream goes on.
 */
public class RejectedRecordException extends RuntimeException {

    /** A short, low-cardinality label for metrics: not_json, not_cloudevent, unknown_type, invalid. */
    private final String category;
    private final String eventType;

    public RejectedRecordException(String category, String eventType, String reason) {
        super(reason, null, false, false);
        this.category = category;
        this.eventType = eventType;
    }

    public String category() {
        return category;
    }

    /** The CloudEvent type when it was readable, else "unknown". */
    public String eventType() {
        return eventType == null ? "unknown" : eventType;
    }
}
