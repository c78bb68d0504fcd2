package org.loyalty.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.kit.messaging.OutboxStore;
import org.loyalty.notification.NotificationConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends queued mails over SMTP at a bounded rate, one mail per transaction: the row is locked
 * (other replicas skip it), sent, and marked SENT with its notification.sent event. A failed
 * send is retried with exponential backoff, and after the last attempt marked FAILED with
 * notification.failed.
 * <p>
 * What remains between the SMTP server accepting a mail and the commit: if this process
 * dies in that instant, the row is still PENDING and the mail is sent again after restart
 * (at least once). Everything else (redelivered events, retries after a refused send) sends
 * nothing twice.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final NotificationEvents events;
    private final NotificationConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public MailSender(Pool pool, ReactiveMailer mailer, OutboxStore outbox, OutboxRelay relay, NotificationEvents events,
            NotificationConfig config, MeterRegistry metrics, Clock clock) {
        this.pool = pool;
        this.mailer = mailer;
        this.outbox = outbox;
        this.relay = relay;
        this.events = events;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sendDue(config.sender().ratePerSecond()).invoke(sent -> {
            if (sent > 0) {
                relay.wakeUp();
            }
        }).replaceWithVoid();
    }

    /** Sends up to {@code limit} due mails; returns how many were handled (sent or failed for good). */
    public Uni<Integer> sendDue(int limit) {
        if (limit == 0) {
            return Uni.createFrom().item(0);
        }
        return sendOne().chain(handled -> handled ? sendDue(limit - 1).map(n -> n + 1) : Uni.createFrom().item(0));
    }

    private Uni<Boolean> sendOne() {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        SELECT notification_id, customer_id, kind, recipient, subject, body_text, body_html, list_unsubscribe, attempts
                        FROM notification WHERE status = 'PENDING' AND due_at <= $1
                        ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(false) : deliver(connection, rows.iterator().next(), now)));
    }

    private Uni<Boolean> deliver(SqlConnection connection, Row row, Instant now) {
        UUID id = row.getUUID("notification_id");
        String kind = row.getString("kind");
        return mailer.send(toMail(row))
                .chain(() -> markSent(connection, id, row.getString("customer_id"), kind, now))
                .onFailure().recoverWithUni(failure -> retryLater(connection, row, now, failure))
                .replaceWith(true);
    }

    private static Mail toMail(Row row) {
        Mail mail = Mail.withText(row.getString("recipient"), row.getString("subject"), row.getString("body_text"))
                .setHtml(row.getString("body_html"));
        String unsubscribe = row.getString("list_unsubscribe");
        if (unsubscribe != null) {
            // RFC 8058 one-click unsubscribe for marketing mail.
            mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    private Uni<Void> markSent(SqlConnection connection, UUID id, String customerId, String kind, Instant now) {
        metrics.counter("loyalty.mails.sent", "kind", kind).increment();
        return connection.preparedQuery("UPDATE notification SET status = 'SENT', sent_at = $2, attempts = attempts + 1 WHERE notification_id = $1")
                .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC)))
                .chain(() -> outbox.append(connection, List.of(events.sent(id, customerId, kind, now))));
    }

    private Uni<Void> retryLater(SqlConnection connection, Row row, Instant now, Throwable failure) {
        UUID id = row.getUUID("notification_id");
        int attempts = row.getInteger("attempts") + 1;
        String error = failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage());
        String shortError = error.length() > 300 ? error.substring(0, 300) : error;
        // The id only: the error may carry the recipient's address.
        LOG.warnf("Sending notification %s failed (attempt %d)", id, attempts);
        if (attempts >= config.sender().maxAttempts()) {
            metrics.counter("loyalty.mails.failed", "kind", row.getString("kind")).increment();
            return connection.preparedQuery("UPDATE notification SET status = 'FAILED', attempts = $2, last_error = $3 WHERE notification_id = $1")
                    .execute(Tuple.of(id, attempts, shortError))
                    .chain(() -> outbox.append(connection, List.of(events.failed(id, row.getString("customer_id"), row.getString("kind"), now, shortError))));
        }
        Duration backoff = config.sender().firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
        return connection.preparedQuery("UPDATE notification SET attempts = $2, last_error = $3, due_at = $4 WHERE notification_id = $1")
                .execute(Tuple.of(id, attempts, shortError, now.plus(backoff).atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

}
