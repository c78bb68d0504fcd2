package org.loyalty.points.redemption;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.CustomerId;
import org.loyalty.kit.security.CustomerAccess;
import org.loyalty.kit.security.RateLimiter;
import org.loyalty.kit.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/customers/{customerId}/redemptions")
@Tag(name = "redemptions")
@RolesAllowed({Roles.CHECKOUT, Roles.CUSTOMER})
public class RedemptionResource {

    private final RedemptionService redemptions;
    private final CustomerAccess access;
    private final RateLimiter limiter;

    public RedemptionResource(RedemptionService redemptions, CustomerAccess access, RateLimiter limiter) {
        this.redemptions = redemptions;
        this.access = access;
        this.limiter = limiter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redeem points for a catalog item: 201; 409 balance too low; 404 unknown item; "
            + "the same requestId again returns the first answer and spends nothing more; 429 when one customer's "
            + "redemptions come faster than the limit")
    public Uni<Response> redeem(@PathParam("customerId") @CustomerId String customerId, @Valid @NotNull RedemptionRequest request) {
        access.requireOwn(customerId);
        // Per customer: a retry loop on one account cannot take the database from every other checkout.
        limiter.acquire("redemptions", customerId);
        return redemptions.redeem(customerId, request).map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }
}
