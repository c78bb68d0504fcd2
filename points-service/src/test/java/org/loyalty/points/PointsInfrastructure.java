package org.loyalty.points;

import org.loyalty.devinfra.testing.LoyaltyTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against the shared Kafka broker and a fresh
 * "points" database (the resource is global: it applies to all test classes).
 */
@QuarkusTestResource(value = LoyaltyTestResource.class, initArgs = @ResourceArg(name = "database", value = "points"))
public class PointsInfrastructure {
}
