package org.loyalty.profile.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.InOrderApplier;
import org.loyalty.kit.messaging.OutboxStore;
import org.loyalty.profile.customer.CustomerEvents;
import org.loyalty.profile.customer.Profiles;
import org.loyalty.profile.segment.Reclassifier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records a batch of activity in one transaction: a poll of purchases and refunds set-based
 * ({@link CheckoutHistory}), anything else in order, where each new event (by id, and by
 * order, refund, invoice or complaint id) updates the history and re-evaluates the customer's
 * segment. A referred customer's first purchase credits the referrer, who is re-evaluated too.
 */
@ApplicationScoped
public class ActivityRecorder {

    private final InOrderApplier applier;
    private final CheckoutHistory checkoutHistory;
    private final Profiles profiles;
    private final Reclassifier reclassifier;
    private final CustomerEvents events;
    private final OutboxStore outbox;
    private final Clock clock;

    public ActivityRecorder(InOrderApplier applier, CheckoutHistory checkoutHistory, Profiles profiles, Reclassifier reclassifier, CustomerEvents events,
            OutboxStore outbox, Clock clock) {
        this.applier = applier;
        this.checkoutHistory = checkoutHistory;
        this.profiles = profiles;
        this.reclassifier = reclassifier;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> apply(List<ActivityEvent> batch) {
        if (CheckoutHistory.handles(batch)) {
            return applier.applyAll(batch, ActivityEvent::eventId, ActivityEvent::type, checkoutHistory::apply);
        }
        return applier.apply(batch, ActivityEvent::eventId, ActivityEvent::type,
                (connection, event) -> record(connection, event).replaceWith(true));
    }

    private Uni<Void> record(SqlConnection connection, ActivityEvent event) {
        return profiles.ensure(connection, event.customerId())
                .chain(() -> recordFact(connection, event))
                .chain(() -> reclassifier.reevaluate(connection, event.customerId()));
    }

    private Uni<Void> recordFact(SqlConnection connection, ActivityEvent event) {
        if (event instanceof ActivityEvent.Purchase purchase) {
            return purchase(connection, purchase);
        }
        if (event instanceof ActivityEvent.Refund refund) {
            return refund(connection, refund);
        }
        if (event instanceof ActivityEvent.InvoicePaid paid) {
            return execute(connection, """
                    INSERT INTO invoice (invoice_id, customer_id, amount, due_at, paid_at) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (invoice_id) DO UPDATE SET paid_at = EXCLUDED.paid_at""",
                    Tuple.of(paid.invoiceId(), paid.customerId(), paid.amount(), utc(paid.dueAt()), utc(paid.paidAt())));
        }
        if (event instanceof ActivityEvent.InvoiceOverdue overdue) {
            return execute(connection, """
                    INSERT INTO invoice (invoice_id, customer_id, amount, due_at, overdue) VALUES ($1, $2, $3, $4, true)
                    ON CONFLICT (invoice_id) DO UPDATE SET overdue = true""",
                    Tuple.of(overdue.invoiceId(), overdue.customerId(), overdue.amount(), utc(overdue.dueAt())));
        }
        if (event instanceof ActivityEvent.Complaint complaint) {
            return execute(connection, "INSERT INTO complaint (complaint_id, customer_id, filed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    Tuple.of(complaint.complaintId(), complaint.customerId(), utc(complaint.filedAt())));
        }
        return unsubscribe(connection, (ActivityEvent.Unsubscribed) event);
    }

    private Uni<Void> purchase(SqlConnection connection, ActivityEvent.Purchase purchase) {
        return connection.preparedQuery("""
                INSERT INTO profile_purchase (order_id, customer_id, goods_total, placed_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(purchase.orderId(), purchase.customerId(), purchase.goodsTotal(), utc(purchase.placedAt())))
                .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                        UPDATE customer SET purchases = purchases + 1,
                            total_spent = total_spent + greatest(0, $2 - (SELECT coalesce(sum(amount), 0) FROM profile_refund WHERE order_id = $3)),
                            first_purchase_at = least(coalesce(first_purchase_at, $4), $4),
                            last_purchase_at = greatest(coalesce(last_purchase_at, $4), $4)
                        WHERE customer_id = $1
                        RETURNING purchases, referred_by, referral_credited""")
                        .execute(Tuple.of(purchase.customerId(), purchase.goodsTotal(), purchase.orderId(), utc(purchase.placedAt())))
                        .chain(rows -> creditReferrer(connection, purchase.customerId(), rows.iterator().next())));
    }

    /** The first completed purchase of a referred customer counts for the one who referred them. */
    private Uni<Void> creditReferrer(SqlConnection connection, String customerId, Row customer) {
        String referrer = customer.getString("referred_by");
        if (referrer == null || customer.getBoolean("referral_credited")) {
            return Uni.createFrom().voidItem();
        }
        return execute(connection, "UPDATE customer SET referral_credited = true WHERE customer_id = $1", Tuple.of(customerId))
                .chain(() -> execute(connection, "UPDATE customer SET referrals_bought = referrals_bought + 1 WHERE customer_id = $1",
                        Tuple.of(referrer)))
                .chain(() -> reclassifier.reevaluate(connection, referrer));
    }

    private Uni<Void> refund(SqlConnection connection, ActivityEvent.Refund refund) {
        return connection.preparedQuery("""
                INSERT INTO profile_refund (refund_id, order_id, customer_id, amount) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(refund.refundId(), refund.orderId(), refund.customerId(), refund.amount()))
                // A refund whose purchase has not arrived yet is netted when it does.
                .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem() : execute(connection, """
                        UPDATE customer SET total_spent = greatest(0, total_spent - $2)
                        WHERE customer_id = $1 AND EXISTS (SELECT 1 FROM profile_purchase WHERE order_id = $3)""",
                        Tuple.of(refund.customerId(), refund.amount(), refund.orderId())));
    }

    /** customer.unsubscribed from a newsletter's one-click link: consent off, and everyone who keeps contacts is told. */
    private Uni<Void> unsubscribe(SqlConnection connection, ActivityEvent.Unsubscribed unsubscribed) {
        Instant now = clock.instant();
        return connection.preparedQuery("""
                UPDATE customer SET marketing_consent = false, consent_changed_at = $2, consent_source = 'one-click unsubscribe'
                WHERE customer_id = $1 AND marketing_consent AND NOT erased RETURNING email, name, locale""")
                .execute(Tuple.of(unsubscribed.customerId(), utc(unsubscribed.occurredAt())))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    return outbox.append(connection, List.of(events.contact("customer.updated", unsubscribed.customerId(),
                            row.getString("email"), row.getString("name"), row.getString("locale"), false, now)));
                });
    }

    private static Uni<Void> execute(SqlConnection connection, String sql, Tuple arguments) {
        return connection.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
