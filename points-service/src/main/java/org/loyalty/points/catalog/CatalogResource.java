package org.loyalty.points.catalog;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@Path("/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class CatalogResource {

    private final Clock clock;

    public CatalogResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.CHECKOUT, Roles.CUSTOMER, Roles.MARKETING, Roles.OPS})
    @Operation(summary = "Every catalog item, active or not, by id")
    public Uni<List<CatalogItemView>> list() {
        return CatalogItem.<CatalogItem>listAll(Sort.by("id")).map(items -> items.stream().map(CatalogItemView::of).toList());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Create (201) or update (200) a catalog item (ops only)")
    public Uni<Response> put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
            message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String id,
            @Valid @NotNull CatalogItemRequest request) {
        return CatalogItem.<CatalogItem>findById(id).chain(existing -> {
            CatalogItem item = existing == null ? new CatalogItem() : existing;
            item.id = id;
            item.name = request.name();
            item.description = request.description();
            item.points = request.points();
            item.active = request.active() == null || request.active();
            item.updatedAt = clock.instant();
            Response.Status status = existing == null ? Response.Status.CREATED : Response.Status.OK;
            return item.<CatalogItem>persist().map(saved -> Response.status(status).entity(CatalogItemView.of(saved)).build());
        });
    }
}
