package org.loyalty.points;

import jakarta.inject.Singleton;

import org.loyalty.devinfra.testing.AdjustableClock;

/** points-service's clock in tests. */
@Singleton
public class TestClock extends AdjustableClock {
}
