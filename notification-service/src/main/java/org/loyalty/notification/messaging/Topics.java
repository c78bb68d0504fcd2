package org.loyalty.notification.messaging;

/** Topic and channel names of notification-service, in one place (see docs/contract.md). */
public final class Topics {
    public static final String LOYALTY_NOTIFICATIONS = "loyalty.notifications";

    /** Incoming channels (configured in application.properties). */
    public static final String CHECKOUT_PURCHASES_CHANNEL = "checkout-purchases";
    public static final String CHECKOUT_SHIPMENTS_CHANNEL = "checkout-shipments";
    public static final String LOYALTY_REWARDS_CHANNEL = "loyalty-rewards";
    public static final String LOYALTY_CUSTOMERS_CHANNEL = "loyalty-customers";

    private Topics() {
    }
}
