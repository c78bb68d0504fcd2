package org.loyalty.rewards.reward;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.kit.messaging.OutboxStore;
import org.loyalty.kit.rest.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Redeems a gift certificate at checkout, once: the same order again gets the same answer,
 * another order a 409, an unknown code or another customer's a 404, an expired or revoked
 * one a 410. The certificate row is locked, so two checkouts cannot both spend it.
 */
@ApplicationScoped
public class CertificateRedemption {

    /** The answer checkout gets. */
    public record Redeemed(String rewardId, String status) {
    }

    private final Pool pool;
    private final RewardStore store;
    private final RewardEvents events;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public CertificateRedemption(Pool pool, RewardStore store, RewardEvents events, OutboxStore outbox, OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    public Uni<Redeemed> redeem(String code, String orderId, String customerId) {
        return pool.withTransaction(connection -> store.lockByCode(connection, code)
                .chain(certificate -> decide(connection, certificate, code, orderId, customerId)))
                .invoke(relay::wakeUp);
    }

    private Uni<Redeemed> decide(SqlConnection connection, Reward certificate, String code, String orderId, String customerId) {
        if (certificate == null || !certificate.customerId().equals(customerId) || certificate.kind() != Reward.Kind.GIFT_CERTIFICATE) {
            // Another customer's code answers exactly like an unknown one: no probing for codes.
            throw ProblemException.notFound("No gift certificate " + code + " for customer " + customerId);
        }
        Redeemed answer = new Redeemed(certificate.rewardId().toString(), Reward.Status.REDEEMED.name());
        if (certificate.status() == Reward.Status.REDEEMED) {
            if (orderId.equals(certificate.redeemedOrderId())) {
                return Uni.createFrom().item(answer);
            }
            throw new ProblemException(409, "Conflict", "Gift certificate " + code + " was already redeemed on another order");
        }
        Instant now = clock.instant();
        if (certificate.status() == Reward.Status.REVOKED) {
            throw new ProblemException(410, "Gone", "Gift certificate " + code + " was revoked after a refund");
        }
        if (certificate.expiredAt(now)) {
            throw new ProblemException(410, "Gone", "Gift certificate " + code + " expired at " + certificate.expiresAt());
        }
        Reward redeemed = new Reward(certificate.rewardId(), certificate.customerId(), certificate.kind(), certificate.code(),
                certificate.amount(), certificate.currency(), null, certificate.description(), certificate.reason(),
                Reward.Status.REDEEMED, certificate.issuedAt(), certificate.expiresAt(), orderId);
        return store.markRedeemed(connection, certificate.rewardId(), orderId, now)
                .chain(() -> outbox.append(connection, List.of(events.of(RewardEvents.REDEEMED, redeemed, null, now))))
                .replaceWith(answer);
    }
}
