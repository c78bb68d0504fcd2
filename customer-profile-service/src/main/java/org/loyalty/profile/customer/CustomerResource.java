package org.loyalty.profile.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.CustomerId;
import org.loyalty.kit.rest.ProblemException;
import org.loyalty.kit.security.CustomerAccess;
import org.loyalty.kit.security.Roles;
import org.loyalty.profile.erasure.Erasure;
import org.loyalty.profile.registration.RegistrationRequest;
import org.loyalty.profile.registration.RegistrationService;

import io.smallrye.mutiny.Uni;

@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomerResource {

    /** What a registration answers. */
    public record RegistrationAnswer(String customerId, String referralCode, String segment) {
    }

    private final RegistrationService registrations;
    private final CustomerQueries queries;
    private final Erasure erasure;
    private final CustomerAccess access;

    public CustomerResource(RegistrationService registrations, CustomerQueries queries, Erasure erasure, CustomerAccess access) {
        this.registrations = registrations;
        this.queries = queries;
        this.erasure = erasure;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CHECKOUT, Roles.CUSTOMER, Roles.OPS})
    @Operation(summary = "Register (201) or update (200) a customer; an unknown referredBy code is a 422")
    public Uni<Response> register(@PathParam("customerId") @CustomerId String customerId,
            @Valid @NotNull RegistrationRequest request) {
        access.requireOwn(customerId);
        return registrations.register(customerId, request).map(registered -> Response
                .status(registered.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new RegistrationAnswer(registered.customerId(), registered.referralCode(), registered.segment()))
                .build());
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.MARKETING, Roles.OPS})
    @Operation(summary = "The profile with its segment and the reasons for it; 404 if unknown or erased")
    public Uni<CustomerView> get(@PathParam("customerId") @CustomerId String customerId) {
        access.requireOwn(customerId);
        return queries.find(customerId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No customer " + customerId));
    }

    @DELETE
    @RolesAllowed({Roles.CUSTOMER, Roles.OPS})
    @Operation(summary = "Erase the customer's personal data here and, through customer.erased, everywhere; 204")
    public Uni<Response> erase(@PathParam("customerId") @CustomerId String customerId) {
        access.requireOwn(customerId);
        return erasure.erase(customerId).map(erased -> {
            if (!erased) {
                throw ProblemException.notFound("No customer " + customerId);
            }
            return Response.noContent().build();
        });
    }
}
