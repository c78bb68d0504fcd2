package org.loyalty.points.messaging;

/** Topic and channel names of points-service, in one place (see the contract). */
public final class Topics {
    public static final String CHECKOUT_PURCHASES = "checkout.purchases";
    public static final String LOYALTY_POINTS = "loyalty.points";
    public static final String DEAD_LETTERS = "points-service.dlq";

    /** Channel names (configured in application.properties; the topic is set there). */
    public static final String CHECKOUT_PURCHASES_CHANNEL = "checkout-purchases";
    public static final String OUTBOX_CHANNEL = "outbox";
    public static final String DEAD_LETTERS_CHANNEL = "dead-letters";

    public static final String EVENT_SOURCE = "points-service";

    private Topics() {
    }
}
