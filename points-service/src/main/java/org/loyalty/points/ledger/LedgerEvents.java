package org.loyalty.points.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.CloudEventWriter;
import org.loyalty.kit.messaging.OutboxEvent;
import org.loyalty.kit.messaging.UtcInstants;
import org.loyalty.points.messaging.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code points.*} event published on loyalty.points for each ledger entry. */
@ApplicationScoped
public class LedgerEvents {

    private final CloudEventWriter writer;

    public LedgerEvents(CloudEventWriter writer) {
        this.writer = writer;
    }

    public List<OutboxEvent> of(List<LedgerEntry> entries) {
        return entries.stream().map(this::of).toList();
    }

    public OutboxEvent of(LedgerEntry entry) {
        ObjectNode data = writer.newData()
                .put("customerId", entry.customerId())
                .put("points", entry.points())
                .put("balance", entry.balance())
                .put("occurredAt", UtcInstants.format(entry.occurredAt()));
        if (entry.orderId() != null) {
            data.put("orderId", entry.orderId());
        }
        if (entry.refundId() != null) {
            data.put("refundId", entry.refundId());
        }
        if (entry.redemptionId() != null) {
            data.put("redemptionId", entry.redemptionId().toString());
        }
        return writer.event(Topics.LOYALTY_POINTS, entry.type().eventType, entry.customerId(), entry.occurredAt(), data);
    }
}
