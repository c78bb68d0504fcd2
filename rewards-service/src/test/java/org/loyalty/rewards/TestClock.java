package org.loyalty.rewards;

import jakarta.inject.Singleton;

import org.loyalty.devinfra.testing.AdjustableClock;

/** rewards-service's clock in tests. */
@Singleton
public class TestClock extends AdjustableClock {
}
