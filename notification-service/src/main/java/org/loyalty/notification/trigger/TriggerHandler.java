package org.loyalty.notification.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.InOrderApplier;
import org.loyalty.notification.NotificationConfig;
import org.loyalty.notification.contact.Contact;
import org.loyalty.notification.contact.Contacts;
import org.loyalty.notification.mail.MailComposer;
import org.loyalty.notification.mail.MailComposer.Content;
import org.loyalty.notification.mail.MailContents;
import org.loyalty.notification.mail.MailKind;
import org.loyalty.notification.mail.MailQueue;
import org.loyalty.notification.mail.Messages;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Turns a batch of events into queued mails and contact changes, in one transaction. Mail is
 * rendered in the contact's language when the event arrives; an event for someone with no
 * contact (never registered, or erased) sends nothing.
 */
@ApplicationScoped
public class TriggerHandler {

    private final InOrderApplier applier;
    private final Contacts contacts;
    private final MailContents contents;
    private final MailComposer composer;
    private final MailQueue queue;
    private final NotificationConfig config;
    private final Clock clock;

    public TriggerHandler(InOrderApplier applier, Contacts contacts, MailContents contents, MailComposer composer, MailQueue queue,
            NotificationConfig config, Clock clock) {
        this.applier = applier;
        this.contacts = contacts;
        this.contents = contents;
        this.composer = composer;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> apply(List<Trigger> batch) {
        if (batch.stream().anyMatch(TriggerHandler::changesContacts)) {
            return applier.apply(batch, Trigger::eventId, Trigger::type, (connection, trigger) -> handle(connection, trigger).replaceWith(true));
        }
        // The contact list stays as it is during this poll: look every contact up at once, so
        // that only the mail itself costs a statement (most buyers of a big shop have no contact).
        return applier.applyAll(batch, Trigger::eventId, Trigger::type, (connection, fresh) -> contacts
                .findAll(connection, fresh.stream().map(Trigger::customerId).toList())
                .chain(found -> Multi.createFrom().iterable(fresh)
                        .filter(trigger -> found.containsKey(trigger.customerId()))
                        .onItem().transformToUniAndConcatenate(trigger -> mailFor(connection, found.get(trigger.customerId()), trigger))
                        .collect().last())
                .replaceWith(fresh.stream().map(Trigger::eventId).collect(Collectors.toSet())));
    }

    private static boolean changesContacts(Trigger trigger) {
        return trigger instanceof Trigger.ContactChanged || trigger instanceof Trigger.Erased;
    }

    private Uni<Void> handle(SqlConnection connection, Trigger trigger) {
        if (trigger instanceof Trigger.ContactChanged contact) {
            return contacts.upsert(connection, contact.customerId(), contact.email(), contact.name(), contact.locale(), contact.consent());
        }
        if (trigger instanceof Trigger.Erased erased) {
            return contacts.erase(connection, erased.customerId());
        }
        return contacts.find(connection, trigger.customerId()).chain(contact -> contact == null
                ? Uni.createFrom().voidItem()
                : mailFor(connection, contact, trigger));
    }

    private Uni<Void> mailFor(SqlConnection connection, Contact contact, Trigger trigger) {
        Locale locale = Messages.localeOf(contact.locale());
        if (trigger instanceof Trigger.Purchase purchase) {
            Instant feedbackDue = clock.instant().plus(Duration.ofDays(config.feedbackDelayDays()));
            return enqueue(connection, contact, MailKind.THANK_YOU, trigger, contents.thankYou(locale, purchase), null)
                    .chain(() -> enqueue(connection, contact, MailKind.FEEDBACK_REQUEST, trigger, contents.feedbackRequest(locale, purchase),
                            feedbackDue));
        }
        if (trigger instanceof Trigger.ShipmentDelayed delay) {
            return enqueue(connection, contact, MailKind.SHIPMENT_DELAYED, trigger, contents.shipmentDelayed(locale, delay), null);
        }
        if (trigger instanceof Trigger.RewardIssued reward) {
            return enqueue(connection, contact, MailKind.REWARD, trigger, contents.reward(locale, reward), null);
        }
        Trigger.Reclassified reclassified = (Trigger.Reclassified) trigger;
        Uni<Void> segment = contacts.segment(connection, contact.customerId(), reclassified.to());
        return "DEVOTED".equals(reclassified.to())
                ? segment.chain(() -> enqueue(connection, contact, MailKind.VIP_WELCOME, trigger, contents.vipWelcome(locale), null))
                : segment;
    }

    private Uni<Void> enqueue(SqlConnection connection, Contact contact, MailKind kind, Trigger trigger, Content content, Instant dueAt) {
        Locale locale = Messages.localeOf(contact.locale());
        return queue.enqueue(connection, contact, kind, trigger.eventId(), composer.compose(locale, contact.name(), content), dueAt, null, null)
                .replaceWithVoid();
    }
}
