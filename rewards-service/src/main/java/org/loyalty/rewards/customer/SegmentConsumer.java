package org.loyalty.rewards.customer;

import static org.loyalty.kit.messaging.EventFields.id;
import static org.loyalty.kit.messaging.EventFields.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.loyalty.kit.messaging.BatchProcessor;
import org.loyalty.kit.messaging.CloudEvent;
import org.loyalty.kit.messaging.EventFields;
import org.loyalty.rewards.benefit.StandingBenefits;
import org.loyalty.rewards.messaging.Topics;
import org.loyalty.kit.messaging.InOrderApplier;
import org.loyalty.rewards.surprise.SurpriseGifts;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Follows segment changes on loyalty.customers: the standing discount and free shipping move
 * with the segment, and becoming DEVOTED brings a surprise gift. Other customer events are
 * not rewards' business and are skipped.
 */
@ApplicationScoped
public class SegmentConsumer {

    static final String RECLASSIFIED = "customer.reclassified";
    private static final Set<String> SEGMENTS = Set.of("PROSPECT", "CORE", "DEVOTED", "DIFFICULT", "DEAD");

    private final BatchProcessor batches;
    private final InOrderApplier applier;
    private final CustomerStore customers;
    private final StandingBenefits benefits;
    private final SurpriseGifts surprises;

    public SegmentConsumer(BatchProcessor batches, InOrderApplier applier, CustomerStore customers, StandingBenefits benefits,
            SurpriseGifts surprises) {
        this.batches = batches;
        this.applier = applier;
        this.customers = customers;
        this.benefits = benefits;
        this.surprises = surprises;
    }

    @Incoming(Topics.LOYALTY_CUSTOMERS_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return batches.process(batch, SegmentConsumer::parse, this::apply);
    }

    static SegmentChange parse(CloudEvent event, String recordKey) {
        if (!RECLASSIFIED.equals(event.type())) {
            return null;
        }
        String customerId = id(event, "customerId");
        EventFields.requireKeyMatches(event, recordKey, customerId);
        String to = text(event, "to");
        if (!SEGMENTS.contains(to)) {
            throw EventFields.invalid(event, "data.to '" + to + "' is not one of " + SEGMENTS);
        }
        return new SegmentChange(event.id(), customerId, to);
    }

    /**
     * A poll's changes in one transaction: its customers locked first, in customer order (as the
     * checkout consumer does, so the two never wait for each other in a cycle); each change applied
     * to the state in order, a surprise for each customer who becomes DEVOTED; then the standing
     * benefits of all of them reconciled with their final segments, and the states saved, at once.
     */
    private Uni<Void> apply(List<SegmentChange> changes) {
        return applier.applyAll(changes, SegmentChange::eventId, change -> RECLASSIFIED, this::applyNew);
    }

    private Uni<Set<String>> applyNew(SqlConnection connection, List<SegmentChange> fresh) {
        return customers.lockAll(connection, fresh.stream().map(SegmentChange::customerId).toList()).chain(states -> {
            Set<CustomerState> touched = new LinkedHashSet<>();
            Uni<Void> gifts = Uni.createFrom().voidItem();
            for (SegmentChange change : fresh) {
                CustomerState state = states.get(change.customerId());
                boolean becomesDevoted = "DEVOTED".equals(change.to()) && !"DEVOTED".equals(state.segment());
                state.segment(change.to());
                touched.add(state);
                if (becomesDevoted) {
                    gifts = gifts.chain(() -> surprises.maybeGive(connection, state, "Welcome to the VIP club"));
                }
            }
            return gifts.chain(() -> benefits.reconcileAll(connection, touched))
                    .chain(() -> customers.saveAll(connection, touched))
                    .replaceWith(fresh.stream().map(SegmentChange::eventId).collect(Collectors.toSet()));
        });
    }
}
