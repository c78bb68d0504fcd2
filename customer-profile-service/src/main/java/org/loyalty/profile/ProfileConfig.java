package org.loyalty.profile;

import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** The operator's settings for the segment rules (application.properties, prefix {@code profile}). */
@ConfigMapping(prefix = "profile")
public interface ProfileConfig {

    Dead dead();

    Difficult difficult();

    Devoted devoted();

    Set<String> currencies();

    Daily daily();

    interface Dead {
        int inactiveMonths();

        int overdueDebtDays();
    }

    interface Difficult {
        int complaints();

        int lateInvoices();

        int windowMonths();
    }

    interface Devoted {
        int referrals();
    }

    interface Daily {
        String cron();
    }
}
