package org.loyalty.points.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.CustomerId;
import org.loyalty.kit.rest.ProblemException;
import org.loyalty.kit.security.CustomerAccess;
import org.loyalty.kit.security.Roles;

import io.smallrye.mutiny.Uni;

@Path("/customers/{customerId}/points")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "points")
@RolesAllowed({Roles.CHECKOUT, Roles.CUSTOMER, Roles.OPS})
public class AccountResource {

    private static final int MAX_PAGE = 200;

    private final AccountQueries queries;
    private final CustomerAccess access;

    public AccountResource(AccountQueries queries, CustomerAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @Operation(summary = "A customer's balance, pending and available points; 404 if never active")
    public Uni<AccountView> balance(@PathParam("customerId") @CustomerId String customerId) {
        access.requireOwn(customerId);
        return queries.account(customerId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Customer " + customerId + " has no points activity"));
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "The customer's ledger, newest first; pass 'next' back as 'before' for the next page")
    public Uni<TransactionPage> transactions(@PathParam("customerId") @CustomerId String customerId,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("before") @Size(max = 20) String before) {
        access.requireOwn(customerId);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        return queries.transactions(customerId, limit, cursor(before));
    }

    private static Long cursor(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("before", "before must be a cursor returned as 'next' by a previous page");
        }
    }
}
