package org.loyalty.profile;

import jakarta.inject.Singleton;

import org.loyalty.devinfra.testing.AdjustableClock;

/** customer-profile-service's clock in tests. */
@Singleton
public class TestClock extends AdjustableClock {
}
