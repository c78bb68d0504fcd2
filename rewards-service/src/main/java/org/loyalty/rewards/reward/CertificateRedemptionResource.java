package org.loyalty.rewards.reward;

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

import io.smallrye.mutiny.Uni;

@Path("/rewards/{code}/redemptions")
@Tag(name = "rewards")
public class CertificateRedemptionResource {

    /** The checkout's order and customer the certificate is applied to. */
    public record RedemptionRequest(@NotBlank @Size(max = 128) String orderId, @NotBlank @Size(max = 128) String customerId) {
    }

    private final CertificateRedemption redemption;

    public CertificateRedemptionResource(CertificateRedemption redemption) {
        this.redemption = redemption;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redeem a gift certificate on an order: 200; the same order again 200; another order 409; "
            + "unknown or another customer's code 404; expired or revoked 410")
    public Uni<CertificateRedemption.Redeemed> redeem(@PathParam("code") String code, @Valid @NotNull RedemptionRequest request) {
        return redemption.redeem(code, request.orderId(), request.customerId());
    }
}
