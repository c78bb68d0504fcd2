package org.loyalty.notification.mail;

import java.math.RoundingMode;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.notification.mail.MailComposer.Content;
import org.loyalty.notification.trigger.Trigger;

/** What each kind of mail says, in the recipient's language. */
@ApplicationScoped
public class MailContents {

    private final Messages messages;

    public MailContents(Messages messages) {
        this.messages = messages;
    }

    public Content thankYou(Locale locale, Trigger.Purchase purchase) {
        return Content.of(messages.text(locale, "thank_you.subject", purchase.orderId()),
                messages.text(locale, "thank_you.body", purchase.orderId()));
    }

    public Content feedbackRequest(Locale locale, Trigger.Purchase purchase) {
        return Content.of(messages.text(locale, "feedback.subject", purchase.orderId()),
                messages.text(locale, "feedback.body", purchase.orderId()));
    }

    public Content reward(Locale locale, Trigger.RewardIssued reward) {
        String subject = messages.text(locale, "reward.subject." + reward.kind());
        String body = switch (reward.kind()) {
            case "GIFT_CERTIFICATE" -> messages.text(locale, "reward.body.GIFT_CERTIFICATE",
                    reward.amount().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + reward.currency(), reward.code(),
                    reward.expiresAt() == null ? "-" : messages.date(locale, reward.expiresAt()));
            case "LOYALTY_DISCOUNT" -> messages.text(locale, "reward.body.LOYALTY_DISCOUNT", reward.percent());
            case "SURPRISE_GIFT" -> messages.text(locale, "reward.body.SURPRISE_GIFT", reward.description());
            default -> messages.text(locale, "reward.body.FREE_SHIPPING");
        };
        return Content.of(subject, body);
    }

    public Content vipWelcome(Locale locale) {
        return Content.of(messages.text(locale, "vip.subject"), messages.text(locale, "vip.body"));
    }

    public Content shipmentDelayed(Locale locale, Trigger.ShipmentDelayed delay) {
        String body = messages.text(locale, "delay.body", delay.orderId(), messages.date(locale, delay.promisedDeliveryBy()),
                messages.date(locale, delay.newEstimate()), delay.cancelUrl());
        return new Content(messages.text(locale, "delay.subject", delay.orderId()), java.util.List.of(body),
                messages.text(locale, "delay.cancel"), delay.cancelUrl(), null);
    }
}
