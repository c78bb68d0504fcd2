package org.loyalty.points.ledger;

import java.time.Instant;
import java.util.UUID;

/** One append-only ledger row: the signed change and the balance after it. */
public record LedgerEntry(String customerId, Type type, long points, long balance,
        String orderId, String refundId, UUID redemptionId, Instant occurredAt) {

    public enum Type {
        EARN("points.earned"), REVERSE("points.reversed"), REDEEM("points.redeemed"), EXPIRE("points.expired");

        /** The CloudEvent type published on loyalty.points for this kind of entry. */
        public final String eventType;

        Type(String eventType) {
            this.eventType = eventType;
        }
    }
}
