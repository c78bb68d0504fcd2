package org.loyalty.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.loyalty.kit.messaging.OutboxEvent;
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
 * Sends queued mails over SMTP at a bounded rate, at most once each: a sender first claims a
 * due row in a transaction of its own (other replicas skip it), then sends, then marks it SENT
 * with its notification.sent event. A send the SMTP server refused is retried with
 * exponential backoff, and after the last attempt marked FAILED with notification.failed.
 * <p>
 * A process that dies between the claim and the mark leaves a claimed PENDING row: whether the
 * SMTP server took the mail is unknown, so after {@code in-flight-timeout} the row is marked
 * FAILED instead of being sent again (a customer never gets the same mail twice; the log and
 * notification.failed say which mail may be missing).
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
                        UPDATE notification SET sending_since = $1 WHERE notification_id = (
                            SELECT notification_id FROM notification WHERE status = 'PENDING' AND sending_since IS NULL AND due_at <= $1
                            ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING notification_id, customer_id, kind, recipient, subject, body_text, body_html, list_unsubscribe, attempts""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC))))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(false) : deliver(rows.iterator().next(), now));
    }

    private Uni<Boolean> deliver(Row row, Instant now) {
        UUID id = row.getUUID("notification_id");
        String kind = row.getString("kind");
        return mailer.send(toMail(row))
                .onItemOrFailure().transformToUni((sent, failure) -> pool.withTransaction(connection -> failure == null
                                ? markSent(connection, id, row.getString("customer_id"), kind, now)
                                : retryLater(connection, row, now, failure))
                        // the mail is out (or refused): record that through a short database outage rather than leave it in
                        // flight; only this transaction is retried, never the send
                        .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(12))
                .replaceWith(true);
    }

    /** Mails whose sender died mid-send: FAILED, never sent again (see the class comment). */
    @Scheduled(every = "${notification.sender.in-flight-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> failInterrupted() {
        Instant now = clock.instant();
        String error = "interrupted while sending: delivery unknown, not sent again";
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        UPDATE notification SET status = 'FAILED', last_error = $2
                        WHERE status = 'PENDING' AND sending_since < $1 RETURNING notification_id, customer_id, kind""")
                .execute(Tuple.of(now.minus(config.sender().inFlightTimeout()).atOffset(ZoneOffset.UTC), error))
                .chain(rows -> {
                    List<OutboxEvent> failed = new ArrayList<>();
                    for (Row row : rows) {
                        LOG.warnf("Notification %s was interrupted while sending; marked FAILED, not sent again", row.getUUID("notification_id"));
                        failed.add(events.failed(row.getUUID("notification_id"), row.getString("customer_id"), row.getString("kind"), now, error));
                    }
                    return outbox.append(connection, failed);
                }));
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
        return connection.preparedQuery("UPDATE notification SET status = 'SENT', sent_at = $2, attempts = attempts + 1, sending_since = NULL WHERE notification_id = $1")
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
            return connection.preparedQuery("UPDATE notification SET status = 'FAILED', attempts = $2, last_error = $3, sending_since = NULL WHERE notification_id = $1")
                    .execute(Tuple.of(id, attempts, shortError))
                    .chain(() -> outbox.append(connection, List.of(events.failed(id, row.getString("customer_id"), row.getString("kind"), now, shortError))));
        }
        Duration backoff = config.sender().firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
        return connection.preparedQuery("UPDATE notification SET attempts = $2, last_error = $3, due_at = $4, sending_since = NULL WHERE notification_id = $1")
                .execute(Tuple.of(id, attempts, shortError, now.plus(backoff).atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

}
