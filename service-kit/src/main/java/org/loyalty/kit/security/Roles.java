package org.loyalty.kit.security;

/**
 * The roles a bearer token may carry (its {@code groups} claim), the same in every service.
 * Which role may call which endpoint is written on the resources and in each service's README.
 */
public final class Roles {

    /** The shop's checkout: reads benefits and points, redeems certificates and points. */
    public static final String CHECKOUT = "checkout";
    /** A customer: only their own data (see {@link CustomerAccess}). */
    public static final String CUSTOMER = "customer";
    /** Marketing: newsletters, segments, profiles. */
    public static final String MARKETING = "marketing";
    /** Operators: the catalog, and reading everything. */
    public static final String OPS = "ops";

    /** The claim naming the customer a customer token belongs to; {@code sub} when absent. */
    public static final String CUSTOMER_ID_CLAIM = "customer_id";

    private Roles() {
    }
}
