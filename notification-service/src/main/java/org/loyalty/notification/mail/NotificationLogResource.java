package org.loyalty.notification.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.loyalty.kit.rest.CustomerId;
import org.loyalty.kit.security.CustomerAccess;
import org.loyalty.kit.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@Path("/customers/{customerId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
@RolesAllowed({Roles.CUSTOMER, Roles.OPS})
public class NotificationLogResource {

    /** One mail in the log; occurredAt is when it was sent, or queued while pending. */
    public record Entry(String notificationId, String kind, String subject, String status, Instant occurredAt) {
    }

    private final Pool pool;
    private final CustomerAccess access;

    public NotificationLogResource(Pool pool, CustomerAccess access) {
        this.pool = pool;
        this.access = access;
    }

    @GET
    @Operation(summary = "Every mail for the customer, newest first, with its status")
    public Uni<List<Entry>> log(@PathParam("customerId") @CustomerId String customerId) {
        access.requireOwn(customerId);
        return pool.preparedQuery("""
                SELECT notification_id, kind, subject, status, coalesce(sent_at, created_at) FROM notification
                WHERE customer_id = $1 ORDER BY created_at DESC, kind LIMIT 500""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        OffsetDateTime at = row.getOffsetDateTime(4);
                        entries.add(new Entry(row.getUUID(0).toString(), row.getString(1), row.getString(2), row.getString(3), at.toInstant()));
                    }
                    return entries;
                });
    }
}
