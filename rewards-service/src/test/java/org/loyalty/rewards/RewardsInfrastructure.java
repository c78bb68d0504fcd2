package org.loyalty.rewards;

import org.loyalty.devinfra.testing.LoyaltyTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module runs against the shared broker and a fresh "rewards" database. */
@QuarkusTestResource(value = LoyaltyTestResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
public class RewardsInfrastructure {
}
