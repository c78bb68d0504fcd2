package org.loyalty.profile.messaging;

/** Topic and channel names of customer-profile-service, in one place (see docs/contract.md). */
public final class Topics {
    public static final String LOYALTY_CUSTOMERS = "loyalty.customers";

    /** Incoming channels (configured in application.properties). */
    public static final String CHECKOUT_PURCHASES_CHANNEL = "checkout-purchases";
    public static final String BILLING_INVOICES_CHANNEL = "billing-invoices";
    public static final String SUPPORT_COMPLAINTS_CHANNEL = "support-complaints";
    public static final String LOYALTY_NOTIFICATIONS_CHANNEL = "loyalty-notifications";

    private Topics() {
    }
}
