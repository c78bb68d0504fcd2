package org.loyalty.points.redemption;

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

import io.smallrye.mutiny.Uni;

@Path("/customers/{customerId}/redemptions")
@Tag(name = "redemptions")
public class RedemptionResource {

    private final RedemptionService redemptions;

    public RedemptionResource(RedemptionService redemptions) {
        this.redemptions = redemptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redeem points for a catalog item: 201; 409 balance too low; 404 unknown item; "
            + "the same requestId again returns the first answer and spends nothing more")
    public Uni<Response> redeem(@PathParam("customerId") String customerId, @Valid @NotNull RedemptionRequest request) {
        return redemptions.redeem(customerId, request).map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }
}
