package org.loyalty.system.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        Map<String, CompletableFuture<Void>> restarts = new HashMap<>();
        try (Scenario scenario = new Scenario(system, stream, scale.ratePerSecond())) {
            for (int round = 0; round < rounds; round++) {
                // the kill strikes while the released part of the stream is still flowing
                scenario.player.playUntil((round + 1.0) / (rounds + 1));
                scenario.player.awaitProgress((round + 0.5) / (rounds + 1), scale.patience(scale.events()));
                int number = round + 1;
                List<String> victims = new ArrayList<>();
                for (int i = 0; i < group; i++) {
                    victims.add(Platform.SERVICES.get((round * group + i) % Platform.SERVICES.size()).name());
                }
                for (String victim : victims) {
                    restarts.getOrDefault(victim, CompletableFuture.completedFuture(null)).join(); // back from its last kill first
                    int atKill = scenario.player.acknowledged();
                    system.platform.kill(victim);
                    long killedAt = System.nanoTime();
                    restarts.put(victim, CompletableFuture.runAsync(() -> {
                        restart(system, victim);
                        System.out.printf("crash round %d: %s killed at event %,d, ready again %d s later%n", number,
                                victim, atKill, Scenario.since(killedAt).toSeconds());
                    }));
                }
            }
            CompletableFuture.allOf(restarts.values().toArray(CompletableFuture[]::new)).join();
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
