package org.loyalty.system.reliability;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.run.Platform;

/**
 * The broker, then the databases, unavailable mid-stream: readiness goes DOWN while they are
 * gone and UP after, the services recover by themselves, and nothing is lost.
 */
class OutageRecoveryTest {

    private static final Duration NOTICE = Duration.ofSeconds(60);
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    private final List<String> services = Platform.SERVICES.stream().map(Platform.Service::name).toList();

    @Test
    void brokerAndDatabaseOutagesMidStreamAreRiddenOut() throws Exception {
        ReliabilityPlatform system = ReliabilityPlatform.get();
        Scale scale = system.scale;
        CheckoutStream stream = new CheckoutStream("outage", scale.events(), scale.customers());
        try (Scenario scenario = new Scenario(system, stream, scale.ratePerSecond())) {
            // each outage begins while the released part of the stream is still flowing, and more follows it
            scenario.player.playUntil(0.4);
            scenario.player.awaitProgress(0.2, scale.patience(scale.events()));
            long stoppedAt = System.nanoTime();
            system.broker.stop();
            Duration noticed;
            try {
                noticed = system.awaitReadiness(false, services, NOTICE);
                system.holdOutage(services, scale.brokerOutage().minus(Scenario.since(stoppedAt)));
            } finally {
                system.broker.restart();
            }
            Duration recovered = system.awaitReadiness(true, services, RECOVERY);
            System.out.printf("broker outage of %d s: readiness DOWN after %d s, UP %d s after the broker restarted%n",
                    Scenario.since(stoppedAt).minus(recovered).toSeconds(), noticed.toSeconds(), recovered.toSeconds());

            scenario.player.playUntil(0.8);
            scenario.player.awaitProgress(0.6, scale.patience(scale.events()));
            long offlineAt = System.nanoTime();
            system.databases.takeOffline();
            try {
                noticed = system.awaitReadiness(false, services, NOTICE);
                system.holdOutage(services, scale.databaseOutage().minus(Scenario.since(offlineAt)));
            } finally {
                system.databases.bringOnline();
            }
            recovered = system.awaitReadiness(true, services, RECOVERY);
            System.out.printf("database outage of %d s: readiness DOWN after %d s, UP %d s after the databases came back%n",
                    Scenario.since(offlineAt).minus(recovered).toSeconds(), noticed.toSeconds(), recovered.toSeconds());
            scenario.finish("outages (broker " + scale.brokerOutage().toSeconds() + " s, databases " + scale.databaseOutage().toSeconds() + " s)");
        }
    }
}
