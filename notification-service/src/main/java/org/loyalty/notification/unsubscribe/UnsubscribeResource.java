package org.loyalty.notification.unsubscribe;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.kit.messaging.OutboxStore;
import org.loyalty.kit.rest.ProblemException;
import org.loyalty.notification.contact.Contacts;
import org.loyalty.notification.mail.NotificationEvents;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * RFC 8058 one-click unsubscribe: POST does it with no further step; GET shows a page with the button.
 * Open to anyone: the signed token in the link is the authorization (a mail client has no bearer token).
 */
@Path("/unsubscribe")
@PermitAll
@Tag(name = "unsubscribe")
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final Pool pool;
    private final Contacts contacts;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final NotificationEvents events;
    private final Clock clock;

    public UnsubscribeResource(UnsubscribeTokens tokens, Pool pool, Contacts contacts, OutboxStore outbox, OutboxRelay relay,
            NotificationEvents events, Clock clock) {
        this.tokens = tokens;
        this.pool = pool;
        this.contacts = contacts;
        this.outbox = outbox;
        this.relay = relay;
        this.events = events;
        this.clock = clock;
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Unsubscribe from newsletters (idempotent); publishes customer.unsubscribed the first time")
    public Uni<String> unsubscribe(@QueryParam("token") @Size(max = 512) String token) {
        String customerId = customerOf(token);
        Instant now = clock.instant();
        return pool.withTransaction(connection -> contacts.withdrawConsent(connection, customerId)
                        .chain(withdrawn -> withdrawn
                                ? outbox.append(connection, List.of(events.unsubscribed(customerId, now)))
                                : Uni.createFrom().voidItem()))
                .invoke(relay::wakeUp)
                .replaceWith("You are unsubscribed. You will get no more newsletters.");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A page with the unsubscribe button (mail clients and scanners may open links; only POST unsubscribes)")
    public String page(@QueryParam("token") @Size(max = 512) String token) {
        customerOf(token);
        return """
                <!DOCTYPE html><html><head><meta charset="UTF-8"><title>Unsubscribe</title></head><body>
                <form method="post"><p>Stop receiving our newsletters?</p><button type="submit">Unsubscribe</button></form>
                </body></html>""";
    }

    private String customerOf(String token) {
        return tokens.verify(token).orElseThrow(() -> new ProblemException(400, "Bad Request",
                "The unsubscribe link is not valid; use the link from the newsletter as it is", "token"));
    }
}
