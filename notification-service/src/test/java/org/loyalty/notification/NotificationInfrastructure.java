package org.loyalty.notification;

import org.loyalty.devinfra.testing.LoyaltyTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module runs against the shared broker, a fresh database and a real SMTP server. */
@QuarkusTestResource(value = LoyaltyTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpServer.class)
public class NotificationInfrastructure {
}
