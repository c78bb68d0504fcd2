package org.loyalty.rewards.reward;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.CustomerId;
import org.loyalty.kit.security.CustomerAccess;
import org.loyalty.kit.security.Roles;
import org.loyalty.kit.rest.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@Path("/customers/{customerId}/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rewards")
@RolesAllowed({Roles.CHECKOUT, Roles.CUSTOMER, Roles.OPS})
public class RewardResource {

    private static final List<String> FILTERS = List.of("ACTIVE", "REDEEMED", "EXPIRED", "REVOKED");

    private final Pool pool;
    private final RewardStore store;
    private final Clock clock;
    private final CustomerAccess access;

    public RewardResource(Pool pool, RewardStore store, Clock clock, CustomerAccess access) {
        this.pool = pool;
        this.store = store;
        this.clock = clock;
        this.access = access;
    }

    @GET
    @Operation(summary = "The customer's rewards, newest first, optionally only those with one status")
    public Uni<List<RewardView>> list(@PathParam("customerId") @CustomerId String customerId, @QueryParam("status") String status) {
        access.requireOwn(customerId);
        if (status != null && !FILTERS.contains(status)) {
            throw ProblemException.badRequest("status", "status must be one of " + FILTERS);
        }
        Instant now = clock.instant();
        return store.list(pool, customerId).map(rewards -> rewards.stream()
                .map(reward -> RewardView.of(reward, now))
                .filter(view -> status == null || view.status().equals(status))
                .toList());
    }
}
