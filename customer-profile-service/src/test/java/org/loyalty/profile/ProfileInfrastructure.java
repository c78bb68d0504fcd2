package org.loyalty.profile;

import org.loyalty.devinfra.testing.LoyaltyTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module runs against the shared broker and a fresh "profiles" database. */
@QuarkusTestResource(value = LoyaltyTestResource.class, initArgs = @ResourceArg(name = "database", value = "profiles"))
public class ProfileInfrastructure {
}
