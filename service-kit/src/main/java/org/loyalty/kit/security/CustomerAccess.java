package org.loyalty.kit.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.loyalty.kit.rest.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The object-level check that role checks cannot make (BOLA): a token with the customer role
 * may only touch its own customer id, whatever the path or body says. A token that carries the
 * customer role is held to it even when it also carries another role, so that the check never
 * depends on which role let the caller in.
 */
@ApplicationScoped
public class CustomerAccess {

    private final SecurityIdentity identity;

    public CustomerAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Throws a 403 problem when a customer token asks for another customer's data. */
    public void requireOwn(String customerId) {
        if (!identity.hasRole(Roles.CUSTOMER)) {
            return;
        }
        String own = ownCustomerId();
        if (own == null || !own.equals(customerId)) {
            throw new ProblemException(403, "Forbidden", "A customer token may only be used for its own customer id", "customerId");
        }
    }

    private String ownCustomerId() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object claim = token.getClaim(Roles.CUSTOMER_ID_CLAIM);
        return claim != null ? claim.toString().replace("\"", "") : token.getSubject();
    }
}
