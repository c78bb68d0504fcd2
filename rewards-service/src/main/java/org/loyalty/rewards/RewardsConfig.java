package org.loyalty.rewards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** The operator's settings for the reward rules (application.properties, prefix {@code rewards}). */
@ConfigMapping(prefix = "rewards")
public interface RewardsConfig {

    /** The program currency certificates are worth. */
    String currency();

    /** ISO 4217 codes accepted on checkout events. */
    Set<String> currencies();

    Certificate certificate();

    FreeShipping freeShipping();

    Discount discount();

    Surprise surprise();

    Jobs jobs();

    interface Certificate {
        BigDecimal threshold();

        BigDecimal value();

        int windowMonths();

        int validityMonths();
    }

    interface FreeShipping {
        int afterOrders();
    }

    interface Discount {
        int core();

        int devoted();
    }

    interface Surprise {
        int minDaysBetween();

        List<String> gifts();
    }

    interface Jobs {
        String cron();
    }
}
