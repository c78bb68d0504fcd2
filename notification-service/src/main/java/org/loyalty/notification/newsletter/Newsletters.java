package org.loyalty.notification.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.ids.TimeOrderedIds;
import org.loyalty.kit.rest.ProblemException;
import org.loyalty.notification.contact.Contact;
import org.loyalty.notification.mail.MailComposer;
import org.loyalty.notification.mail.MailKind;
import org.loyalty.notification.mail.MailQueue;
import org.loyalty.notification.mail.Messages;
import org.loyalty.notification.unsubscribe.UnsubscribeTokens;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Queues a newsletter for everyone on its list who consented (DEAD customers have left the
 * lists), each copy with its own one-click unsubscribe link; the mail sender delivers them
 * at its bounded rate, and progress is counted from the queue.
 */
@ApplicationScoped
public class Newsletters {

    static final List<String> CUSTOMER_SEGMENTS = List.of("CORE", "DEVOTED", "DIFFICULT");

    /** Progress of one newsletter. */
    public record Progress(String newsletterId, String status, int recipients, int sent, int failed) {
    }

    private final Pool pool;
    private final MailComposer composer;
    private final MailQueue queue;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    public Newsletters(Pool pool, MailComposer composer, MailQueue queue, UnsubscribeTokens tokens, Clock clock) {
        this.pool = pool;
        this.composer = composer;
        this.queue = queue;
        this.tokens = tokens;
        this.clock = clock;
    }

    public Uni<UUID> send(NewsletterRequest request) {
        List<String> segments = segments(request);
        UUID newsletterId = TimeOrderedIds.next();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        SELECT customer_id, email, name, locale, marketing_consent, segment FROM contact
                        WHERE marketing_consent AND coalesce(segment, 'PROSPECT') = ANY($1) ORDER BY customer_id""")
                .execute(Tuple.of((Object) segments.toArray(String[]::new)))
                .chain(rows -> {
                    List<Contact> recipients = new ArrayList<>();
                    for (Row row : rows) {
                        recipients.add(new Contact(row.getString(0), row.getString(1), row.getString(2), row.getString(3), true, row.getString(5)));
                    }
                    return record(connection, newsletterId, request, recipients.size())
                            .chain(() -> Multi.createFrom().iterable(recipients)
                                    .onItem().transformToUniAndConcatenate(contact -> enqueue(connection, newsletterId, request, contact))
                                    .collect().asList());
                }))
                .replaceWith(newsletterId);
    }

    public Uni<Progress> progress(UUID newsletterId) {
        return pool.preparedQuery("""
                SELECT n.recipients,
                       (SELECT count(*) FROM notification WHERE newsletter_id = n.newsletter_id AND status = 'SENT') AS sent,
                       (SELECT count(*) FROM notification WHERE newsletter_id = n.newsletter_id AND status = 'FAILED') AS failed
                FROM newsletter n WHERE n.newsletter_id = $1""")
                .execute(Tuple.of(newsletterId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No newsletter " + newsletterId);
                    }
                    Row row = rows.iterator().next();
                    int recipients = row.getInteger(0);
                    int sent = row.getLong(1).intValue();
                    int failed = row.getLong(2).intValue();
                    return new Progress(newsletterId.toString(), sent + failed >= recipients ? "DONE" : "SENDING", recipients, sent, failed);
                });
    }

    private static List<String> segments(NewsletterRequest request) {
        boolean prospects = "PROSPECTS".equals(request.audience());
        List<String> list = prospects ? List.of("PROSPECT") : CUSTOMER_SEGMENTS;
        if (request.segment() == null) {
            return list;
        }
        if (!list.contains(request.segment())) {
            throw new ProblemException(422, "Unprocessable Content", "Segment " + request.segment() + " is not on the "
                    + request.audience() + " list " + list, "segment");
        }
        return List.of(request.segment());
    }

    private Uni<Void> record(SqlConnection connection, UUID newsletterId, NewsletterRequest request, int recipients) {
        return connection.preparedQuery("""
                INSERT INTO newsletter (newsletter_id, subject, body, audience, segment, recipients, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.tuple(Arrays.asList(newsletterId, request.subject(), request.body(), request.audience(), request.segment(),
                        recipients, clock.instant().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private Uni<Boolean> enqueue(SqlConnection connection, UUID newsletterId, NewsletterRequest request, Contact contact) {
        Locale locale = Messages.localeOf(contact.locale());
        String unsubscribeUrl = tokens.urlFor(contact.customerId());
        MailComposer.Content content = new MailComposer.Content(request.subject(),
                Arrays.stream(request.body().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList(),
                null, null, unsubscribeUrl);
        Instant now = clock.instant();
        return queue.enqueue(connection, contact, MailKind.NEWSLETTER, newsletterId.toString(), composer.compose(locale, contact.name(), content),
                now, unsubscribeUrl, newsletterId);
    }
}
