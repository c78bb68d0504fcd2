package org.loyalty.kit.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The relay {@link BatchProcessor} wakes unless the service declares another {@link CommittedEventsRelay}: the outbox's. */
public class OutboxRelayByDefault {

    @Produces
    @Singleton
    @DefaultBean
    CommittedEventsRelay outbox(OutboxRelay relay) {
        return relay::wakeUp;
    }
}
