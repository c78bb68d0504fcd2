package org.loyalty.notification;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** The operator's settings for mail (application.properties, prefix {@code notification}). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    int feedbackDelayDays();

    /** ISO 4217 codes accepted on checkout events, as the other services accept them. */
    Set<String> currencies();

    Sender sender();

    Unsubscribe unsubscribe();

    interface Sender {
        int ratePerSecond();

        int maxAttempts();

        Duration firstBackoff();

        /** How long a claimed mail may stay unconfirmed before it counts as cut off mid-send (and is not sent again). */
        Duration inFlightTimeout();

        /** How often mails cut off mid-send are looked for (a scheduler interval such as "1m"). */
        String inFlightSweep();
    }

    interface Unsubscribe {
        /** The public https base URL of this service, as customers reach it. */
        String baseUrl();

        /** The HMAC key that signs unsubscribe tokens; from the environment or a Kubernetes Secret. */
        String secret();
    }
}
