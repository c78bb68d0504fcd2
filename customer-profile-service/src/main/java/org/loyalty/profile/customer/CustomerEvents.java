package org.loyalty.profile.customer;

import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEventWriter;
import org.loyalty.kit.messaging.OutboxEvent;
import org.loyalty.profile.messaging.Topics;
import org.loyalty.profile.segment.Classification;
import org.loyalty.profile.segment.Segment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The customer.* events on loyalty.customers that rewards, notifications and marketing read. */
@ApplicationScoped
public class CustomerEvents {

    private final CloudEventWriter writer;

    public CustomerEvents(CloudEventWriter writer) {
        this.writer = writer;
    }

    /** customer.registered or customer.updated: the contact details notification-service keeps. */
    public OutboxEvent contact(String type, String customerId, String email, String name, String locale, boolean consent, Instant at) {
        ObjectNode data = writer.newData().put("customerId", customerId).put("email", email).put("name", name)
                .put("locale", locale).put("marketingConsent", consent);
        return writer.event(Topics.LOYALTY_CUSTOMERS, type, customerId, at, data);
    }

    public OutboxEvent reclassified(String customerId, Segment from, Classification to, Rfm rfm, Instant at) {
        ObjectNode data = writer.newData().put("customerId", customerId).put("from", from.name()).put("to", to.segment().name())
                .put("repeatBuyer", to.repeatBuyer());
        ArrayNode reasons = data.putArray("reasons");
        to.reasons().forEach(reasons::add);
        if (rfm != null) {
            data.putObject("rfm").put("recency", rfm.recency()).put("frequency", rfm.frequency()).put("monetary", rfm.monetary());
        } else {
            data.putNull("rfm");
        }
        return writer.event(Topics.LOYALTY_CUSTOMERS, "customer.reclassified", customerId, at, data);
    }

    public OutboxEvent erased(String customerId, Instant at) {
        return writer.event(Topics.LOYALTY_CUSTOMERS, "customer.erased", customerId, at, writer.newData().put("customerId", customerId));
    }
}
