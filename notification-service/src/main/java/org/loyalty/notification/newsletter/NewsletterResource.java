package org.loyalty.notification.newsletter;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.ProblemException;
import org.loyalty.kit.security.RateLimiter;
import org.loyalty.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

import io.smallrye.mutiny.Uni;

@Path("/newsletters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "newsletters")
public class NewsletterResource {

    private final Newsletters newsletters;
    private final RateLimiter limiter;
    private final SecurityIdentity caller;

    public NewsletterResource(Newsletters newsletters, RateLimiter limiter, SecurityIdentity caller) {
        this.newsletters = newsletters;
        this.limiter = limiter;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    @Operation(summary = "Send a newsletter to PROSPECTS or CUSTOMERS (optionally one segment), only to contacts who consented; 202; "
            + "429 when one caller sends faster than the limit")
    public Uni<Response> send(@Valid @NotNull NewsletterRequest request) {
        // Per caller: one runaway script cannot fill the mail queue that transactional mail also waits in.
        limiter.acquire("newsletters", caller.getPrincipal().getName());
        return newsletters.send(request).map(id -> Response.accepted(Map.of("newsletterId", id.toString())).build());
    }

    @GET
    @Path("/{newsletterId}")
    @RolesAllowed({Roles.MARKETING, Roles.OPS})
    @Operation(summary = "Progress of a newsletter: recipients, sent, failed")
    public Uni<Newsletters.Progress> progress(@PathParam("newsletterId") @Size(max = 36) String newsletterId) {
        try {
            return newsletters.progress(UUID.fromString(newsletterId));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No newsletter " + newsletterId);
        }
    }
}
