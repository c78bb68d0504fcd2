package org.loyalty.points.messaging;

/** Topic and channel names of points-service, in one place (see docs/contract.md). */
public final class Topics {
    public static final String CHECKOUT_PURCHASES = "checkout.purchases";
    public static final String LOYALTY_POINTS = "loyalty.points";

    /** The incoming channel reading checkout.purchases (configured in application.properties). */
    public static final String CHECKOUT_PURCHASES_CHANNEL = "checkout-purchases";

    private Topics() {
    }
}
