package org.loyalty.rewards.reward;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.CustomerId;
import org.loyalty.kit.security.CustomerAccess;
import org.loyalty.kit.security.Roles;
import org.loyalty.kit.security.RateLimiter;

import io.smallrye.mutiny.Uni;

@Path("/rewards/{code}/redemptions")
@Tag(name = "rewards")
@RolesAllowed({Roles.CHECKOUT, Roles.CUSTOMER})
public class CertificateRedemptionResource {

    /** The checkout's order and customer the certificate is applied to. */
    public record RedemptionRequest(@NotBlank @Size(max = 128) String orderId, @NotBlank @CustomerId String customerId) {
    }

    private final CertificateRedemption redemption;
    private final CustomerAccess access;
    private final RateLimiter limiter;

    public CertificateRedemptionResource(CertificateRedemption redemption, CustomerAccess access, RateLimiter limiter) {
        this.redemption = redemption;
        this.access = access;
        this.limiter = limiter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redeem a gift certificate on an order: 200; the same order again 200; another order 409; "
            + "unknown or another customer's code 404; expired or revoked 410; 429 when one customer's redemptions "
            + "come faster than the limit (guessing codes included)")
    public Uni<CertificateRedemption.Redeemed> redeem(@PathParam("code") @Size(max = 64) String code,
            @Valid @NotNull RedemptionRequest request) {
        access.requireOwn(request.customerId());
        // Per customer: bounds code guessing and retry storms without slowing other customers' checkouts.
        limiter.acquire("redemptions", request.customerId());
        return redemption.redeem(code, request.orderId(), request.customerId());
    }
}
