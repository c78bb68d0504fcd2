package org.loyalty.notification;

import jakarta.inject.Singleton;

import org.loyalty.devinfra.testing.AdjustableClock;

/** notification-service's clock in tests. */
@Singleton
public class TestClock extends AdjustableClock {
}
