package org.loyalty.points.ledger;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.ids.TimeOrderedIds;
import org.loyalty.kit.messaging.CloudEventWriter;
import org.loyalty.kit.messaging.OutboxEvent;
import org.loyalty.kit.messaging.UtcInstants;
import org.loyalty.points.messaging.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code points.*} event published on loyalty.points for each ledger entry. Its id is made
 * from the entry's log position, so an entry published twice (a crash after the send, before the
 * relay's mark moved) reaches consumers under the same id both times, and they act once.
 */
@ApplicationScoped
public class LedgerEvents {

    private final CloudEventWriter writer;

    public LedgerEvents(CloudEventWriter writer) {
        this.writer = writer;
    }

    public List<OutboxEvent> of(List<LedgerStore.Logged> entries) {
        return entries.stream().map(this::of).toList();
    }

    public OutboxEvent of(LedgerStore.Logged logged) {
        LedgerEntry entry = logged.entry();
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
        UUID id = TimeOrderedIds.stable(entry.occurredAt().toEpochMilli(), logged.position());
        return writer.event(id, Topics.LOYALTY_POINTS, entry.type().eventType, entry.customerId(), entry.occurredAt(), data);
    }
}
