package org.loyalty.system.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.run.Platform;

/**
 * kill -9 of the services while checkout keeps producing: after their restarts every order
 * counts once in points, certificates follow the spend, profiles are right, no mail goes twice.
 */
class CrashRecoveryTest {

    @Test
    void servicesKilledMidStreamLoseNothingAndApplyNothingTwice() throws Exception {
        ReliabilityPlatform system = ReliabilityPlatform.get();
        Scale scale = system.scale;
        int rounds = scale.killRounds();
        // Each round kills a group of services at once; the rounds go round the four services.
        int group = Integer.getInteger("reliability.kill-group", 2);
        CheckoutStream stream = new CheckoutStream("crash", scale.events(), scale.customers());
        try (Scenario scenario = new Scenario(system, stream, scale.ratePerSecond())) {
            for (int round = 0; round < rounds; round++) {
                scenario.player.awaitProgress((round + 0.5) / (rounds + 1), scale.patience(scale.events()));
                List<String> victims = new ArrayList<>();
                for (int i = 0; i < group; i++) {
                    victims.add(Platform.SERVICES.get((round * group + i) % Platform.SERVICES.size()).name());
                }
                long killedAt = System.nanoTime();
                for (String victim : victims) {
                    system.platform.kill(victim);
                }
                int acknowledgedAtKill = scenario.player.acknowledged();
                victims.parallelStream().forEach(victim -> restart(system, victim));
                System.out.printf("crash round %d: killed %s at event %,d; all ready again after %d s, stream at %,d%n", round + 1, victims,
                        acknowledgedAtKill, Scenario.since(killedAt).toSeconds(), scenario.player.acknowledged());
            }
            scenario.finish("crash (" + rounds + " rounds of " + group + " kill -9)");
        }
    }

    private static void restart(ReliabilityPlatform system, String service) {
        try {
            system.platform.restart(service, ReliabilityPlatform.START_TIMEOUT);
        } catch (Exception e) {
            throw new AssertionError(service + " did not come back", e);
        }
    }
}
