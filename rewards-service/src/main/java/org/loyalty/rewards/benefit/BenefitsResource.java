package org.loyalty.rewards.benefit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.CustomerId;
import org.loyalty.kit.security.CustomerAccess;
import org.loyalty.kit.security.Roles;
import org.loyalty.rewards.customer.CustomerStore;
import org.loyalty.rewards.reward.Money;
import org.loyalty.rewards.reward.Reward;
import org.loyalty.rewards.reward.RewardStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@Path("/customers/{customerId}/benefits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "benefits")
@RolesAllowed({Roles.CHECKOUT, Roles.CUSTOMER, Roles.OPS})
public class BenefitsResource {

    /** What checkout applies to the customer's next order. */
    public record Benefits(String customerId, boolean freeShipping, int discountPercent, List<Certificate> giftCertificates) {
    }

    public record Certificate(String code, Money value, Instant expiresAt) {
    }

    private final Pool pool;
    private final CustomerStore customers;
    private final RewardStore rewards;
    private final StandingBenefits benefits;
    private final Clock clock;
    private final CustomerAccess access;

    public BenefitsResource(Pool pool, CustomerStore customers, RewardStore rewards, StandingBenefits benefits, Clock clock,
            CustomerAccess access) {
        this.pool = pool;
        this.customers = customers;
        this.rewards = rewards;
        this.benefits = benefits;
        this.clock = clock;
        this.access = access;
    }

    @GET
    @Operation(summary = "Free shipping, the loyalty discount and usable gift certificates; a customer never seen has none")
    public Uni<Benefits> benefits(@PathParam("customerId") @CustomerId String customerId) {
        access.requireOwn(customerId);
        Instant now = clock.instant();
        return customers.find(pool, customerId).chain(state -> rewards.activeOfKind(pool, customerId, Reward.Kind.GIFT_CERTIFICATE)
                .map(certificates -> new Benefits(customerId,
                        state != null && benefits.freeShipping(state),
                        state == null ? 0 : benefits.discountPercent(state),
                        certificates.stream().filter(c -> !c.expiredAt(now))
                                .map(c -> new Certificate(c.code(), Money.of(c.amount(), c.currency()), c.expiresAt()))
                                .toList())));
    }
}
