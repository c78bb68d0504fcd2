package org.loyalty.notification.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEventWriter;
import org.loyalty.kit.messaging.OutboxEvent;
import org.loyalty.kit.messaging.UtcInstants;
import org.loyalty.notification.messaging.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** notification.sent, notification.failed and customer.unsubscribed on loyalty.notifications. */
@ApplicationScoped
public class NotificationEvents {

    private final CloudEventWriter writer;

    public NotificationEvents(CloudEventWriter writer) {
        this.writer = writer;
    }

    public OutboxEvent sent(UUID notificationId, String customerId, String kind, Instant at) {
        return notification("notification.sent", notificationId, customerId, kind, at, null);
    }

    public OutboxEvent failed(UUID notificationId, String customerId, String kind, Instant at, String error) {
        return notification("notification.failed", notificationId, customerId, kind, at, error);
    }

    public OutboxEvent unsubscribed(String customerId, Instant at) {
        return writer.event(Topics.LOYALTY_NOTIFICATIONS, "customer.unsubscribed", customerId, at,
                writer.newData().put("customerId", customerId).put("occurredAt", UtcInstants.format(at)));
    }

    private OutboxEvent notification(String type, UUID notificationId, String customerId, String kind, Instant at, String error) {
        ObjectNode data = writer.newData().put("notificationId", notificationId.toString()).put("customerId", customerId)
                .put("kind", kind).put("channel", "EMAIL").put("occurredAt", UtcInstants.format(at));
        if (error != null) {
            data.put("error", error);
        }
        return writer.event(Topics.LOYALTY_NOTIFICATIONS, type, customerId, at, data);
    }
}
