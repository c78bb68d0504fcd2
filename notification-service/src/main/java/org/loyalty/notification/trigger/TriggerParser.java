package org.loyalty.notification.trigger;

import static org.loyalty.kit.messaging.EventFields.amount;
import static org.loyalty.kit.messaging.EventFields.currency;
import static org.loyalty.kit.messaging.EventFields.id;
import static org.loyalty.kit.messaging.EventFields.instant;
import static org.loyalty.kit.messaging.EventFields.invalid;
import static org.loyalty.kit.messaging.EventFields.text;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEvent;
import org.loyalty.notification.NotificationConfig;
import org.loyalty.kit.messaging.EventFields;
import org.loyalty.kit.messaging.RejectedRecordException;

import com.fasterxml.jackson.databind.JsonNode;

/** Validates what each input topic brings; an event this service has no use for parses to null. */
@ApplicationScoped
public class TriggerParser {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
    private static final Set<String> REWARD_KINDS = Set.of("GIFT_CERTIFICATE", "FREE_SHIPPING", "LOYALTY_DISCOUNT", "SURPRISE_GIFT");

    private final NotificationConfig config;

    public TriggerParser(NotificationConfig config) {
        this.config = config;
    }

    public Trigger checkout(CloudEvent event, String key) {
        return switch (event.type()) {
            case "purchase.completed" -> keyed(event, key, purchase(event));
            case "purchase.refunded" -> null;
            default -> throw unknown(event, "checkout.purchases");
        };
    }

    /**
     * The purchase is checked as the services that count it check it (amount, currency), so a
     * purchase they dead-letter is not thanked for here either.
     */
    private Trigger purchase(CloudEvent event) {
        currency(event, config.currencies());
        amount(event, "goodsTotal", false);
        return new Trigger.Purchase(event.id(), id(event, "customerId"), id(event, "orderId"), instant(event, "placedAt"));
    }

    public Trigger shipments(CloudEvent event, String key) {
        if (!"shipment.delayed".equals(event.type())) {
            throw unknown(event, "checkout.shipments");
        }
        String cancelUrl = text(event, "cancelUrl");
        if (!isWebAddress(cancelUrl)) {
            throw invalid(event, "data.cancelUrl '" + cancelUrl + "' is not an http(s) URL");
        }
        return keyed(event, key, new Trigger.ShipmentDelayed(event.id(), id(event, "customerId"), id(event, "orderId"),
                instant(event, "promisedDeliveryBy"), instant(event, "newEstimate"), cancelUrl));
    }

    public Trigger rewards(CloudEvent event, String key) {
        if (!"reward.issued".equals(event.type())) {
            return null; // redeemed, expired and revoked rewards are not announced by mail
        }
        String kind = text(event, "kind");
        if (!REWARD_KINDS.contains(kind)) {
            throw invalid(event, "data.kind '" + kind + "' is not one of " + REWARD_KINDS);
        }
        JsonNode data = event.data();
        JsonNode value = data.path("value");
        BigDecimal amount = value.hasNonNull("amount") ? new BigDecimal(value.get("amount").asText()) : null;
        return keyed(event, key, new Trigger.RewardIssued(event.id(), id(event, "customerId"), kind,
                data.hasNonNull("code") ? data.get("code").asText() : null, amount,
                value.hasNonNull("currency") ? value.get("currency").asText() : null,
                data.hasNonNull("percent") ? data.get("percent").asInt() : null,
                data.path("description").asText(""),
                data.hasNonNull("expiresAt") ? instant(event, "expiresAt") : null));
    }

    public Trigger customers(CloudEvent event, String key) {
        return switch (event.type()) {
            case "customer.registered", "customer.updated" -> keyed(event, key, contact(event));
            case "customer.reclassified" -> keyed(event, key, new Trigger.Reclassified(event.id(), id(event, "customerId"), text(event, "to")));
            case "customer.erased" -> keyed(event, key, new Trigger.Erased(event.id(), id(event, "customerId")));
            default -> null;
        };
    }

    private static Trigger contact(CloudEvent event) {
        String email = text(event, "email");
        if (!EMAIL.matcher(email).matches()) {
            throw invalid(event, "data.email is not a single e-mail address");
        }
        return new Trigger.ContactChanged(event.id(), id(event, "customerId"), email, text(event, "name"),
                event.data().path("locale").asText("en"), event.data().path("marketingConsent").asBoolean(false));
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Trigger keyed(CloudEvent event, String key, Trigger trigger) {
        EventFields.requireKeyMatches(event, key, trigger.customerId());
        return trigger;
    }

    private static RejectedRecordException unknown(CloudEvent event, String topic) {
        return new RejectedRecordException("unknown_type", event.type(), "unsupported event type '" + event.type() + "' on " + topic);
    }
}
