package org.loyalty.points.account;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.ProblemException;

import io.smallrye.mutiny.Uni;

@Path("/customers/{customerId}/points")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "points")
public class AccountResource {

    private static final int MAX_PAGE = 200;

    private final AccountQueries queries;

    public AccountResource(AccountQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "A customer's balance, pending and available points; 404 if never active")
    public Uni<AccountView> balance(@PathParam("customerId") String customerId) {
        return queries.account(customerId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Customer " + customerId + " has no points activity"));
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "The customer's ledger, newest first; pass 'next' back as 'before' for the next page")
    public Uni<TransactionPage> transactions(@PathParam("customerId") String customerId,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("before") String before) {
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
