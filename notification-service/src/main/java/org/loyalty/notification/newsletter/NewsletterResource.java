package org.loyalty.notification.newsletter;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import io.smallrye.mutiny.Uni;

@Path("/newsletters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "newsletters")
public class NewsletterResource {

    private final Newsletters newsletters;

    public NewsletterResource(Newsletters newsletters) {
        this.newsletters = newsletters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a newsletter to PROSPECTS or CUSTOMERS (optionally one segment), only to contacts who consented; 202")
    public Uni<Response> send(@Valid @NotNull NewsletterRequest request) {
        return newsletters.send(request).map(id -> Response.accepted(Map.of("newsletterId", id.toString())).build());
    }

    @GET
    @Path("/{newsletterId}")
    @Operation(summary = "Progress of a newsletter: recipients, sent, failed")
    public Uni<Newsletters.Progress> progress(@PathParam("newsletterId") String newsletterId) {
        try {
            return newsletters.progress(UUID.fromString(newsletterId));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No newsletter " + newsletterId);
        }
    }
}
