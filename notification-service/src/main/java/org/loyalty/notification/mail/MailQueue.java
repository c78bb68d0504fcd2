package org.loyalty.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.ids.TimeOrderedIds;
import org.loyalty.notification.contact.Contact;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Puts a rendered mail in the queue, in the caller's transaction. One mail per (event, kind,
 * customer): a redelivered or duplicated event finds its row and adds nothing.
 */
@ApplicationScoped
public class MailQueue {

    private final Clock clock;

    public MailQueue(Clock clock) {
        this.clock = clock;
    }

    public Uni<Boolean> enqueue(SqlClient client, Contact contact, MailKind kind, String sourceEventId, ComposedMail mail, Instant dueAt,
            String listUnsubscribe, UUID newsletterId) {
        Instant now = clock.instant();
        return client.preparedQuery("""
                INSERT INTO notification (notification_id, customer_id, source_event_id, kind, status, recipient, subject, body_text,
                    body_html, list_unsubscribe, newsletter_id, due_at, created_at)
                VALUES ($1, $2, $3, $4, 'PENDING', $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (source_event_id, kind, customer_id) DO NOTHING""")
                .execute(Tuple.tuple(Arrays.asList(TimeOrderedIds.next(), contact.customerId(), sourceEventId, kind.name(), contact.email(),
                        mail.subject(), mail.text(), mail.html(), listUnsubscribe, newsletterId,
                        (dueAt == null ? now : dueAt).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount() == 1);
    }
}
