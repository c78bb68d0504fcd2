package org.loyalty.points.ledger;

import java.math.BigDecimal;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The operator's settings for the points rules (application.properties, prefix {@code points}). */
@ConfigMapping(prefix = "points")
public interface PointsConfig {

    Earn earn();

    /** ISO 4217 codes accepted on checkout events. */
    Set<String> currencies();

    /** Days after the purchase before its points can be redeemed. */
    @WithDefault("0")
    int pendingDays();

    Expiry expiry();

    Ledger ledger();

    interface Earn {
        /** One point per full this many currency units of goods. */
        @WithDefault("10")
        BigDecimal unitAmount();
    }

    interface Expiry {
        @WithDefault("24")
        int inactiveMonths();

        String cron();
    }

    /**
     * How a poll of checkout events is applied: split into parts that share no customer, order or
     * refund, each in a transaction of its own, all at once (IndependentParts), so that a backlog
     * keeps more than one core busy; a poll smaller than two parts' worth stays one transaction.
     */
    interface Ledger {
        /** The most transactions one poll is applied in at once. */
        @WithDefault("2")
        int transactionsPerPoll();

        /** The fewest events a part is split off for. */
        @WithDefault("500")
        int minEventsPerTransaction();
    }
}
