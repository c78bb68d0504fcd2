package org.loyalty.rewards.messaging;

/** Topic and channel names of rewards-service, in one place (see docs/contract.md). */
public final class Topics {
    public static final String LOYALTY_REWARDS = "loyalty.rewards";

    /** Incoming channels (configured in application.properties). */
    public static final String CHECKOUT_PURCHASES_CHANNEL = "checkout-purchases";
    public static final String LOYALTY_CUSTOMERS_CHANNEL = "loyalty-customers";

    private Topics() {
    }
}
