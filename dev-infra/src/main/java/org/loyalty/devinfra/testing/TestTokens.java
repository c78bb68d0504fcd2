package org.loyalty.devinfra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.loyalty.devinfra.jwt.DevTokenIssuer;

/**
 * Bearer tokens for tests, signed by one key pair per test JVM; {@link LoyaltyTestResource}
 * gives every {@code @QuarkusTest} application its public key and issuer.
 */
public final class TestTokens {

    private static final DevTokenIssuer ISSUER = DevTokenIssuer.generate();
    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    public static DevTokenIssuer issuer() {
        return ISSUER;
    }

    /** The configuration that makes a service trust these tokens. */
    public static Map<String, String> serviceConfig() {
        try {
            return ISSUER.serviceConfig();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the test issuer's public key", e);
        }
    }

    public static String checkout() {
        return caller("test-checkout", "checkout");
    }

    public static String marketing() {
        return caller("test-marketing", "marketing");
    }

    public static String ops() {
        return caller("test-ops", "ops");
    }

    /** A customer's own token: role customer, customer_id claim = the id. */
    public static String customer(String customerId) {
        return ISSUER.mint("user-" + customerId, customerId, LIFETIME, List.of("customer"));
    }

    /** A service account {@code subject} with these roles (its own rate-limit buckets). */
    public static String caller(String subject, String... roles) {
        return ISSUER.mint(subject, null, LIFETIME, List.of(roles));
    }
}
