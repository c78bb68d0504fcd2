package org.loyalty.kit.messaging;

/**
 * What {@link BatchProcessor} wakes after a poll's transaction commits: the relay that publishes
 * what the service's consumers write. By default the outbox's ({@link OutboxRelayByDefault}); a
 * service that publishes its consumers' events some other way declares its own bean of this type,
 * and its outbox relay then runs on its ticks alone instead of after every poll.
 */
@FunctionalInterface
public interface CommittedEventsRelay {

    void wakeUp();
}
