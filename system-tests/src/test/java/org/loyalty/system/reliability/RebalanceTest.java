package org.loyalty.system.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.net.Ports;
import org.loyalty.devinfra.testing.Checkout;

/**
 * A second replica of a service joins its consumer group mid-stream and leaves again: the
 * partitions move twice, and still no effect is applied twice and nothing is lost.
 */
class RebalanceTest {

    private static final int PER_REPLICA = ReliabilityPlatform.CHECKOUT_CONSUMERS_PER_REPLICA;

    @Test
    void aReplicaJoiningAndLeavingMidStreamAppliesNothingTwice() throws Exception {
        ReliabilityPlatform system = ReliabilityPlatform.get();
        Scale scale = system.scale;
        CheckoutStream stream = new CheckoutStream("rebalance", scale.events(), scale.customers());
        int services = scale.replicated().size();
        try (Scenario scenario = new Scenario(system, stream, scale.ratePerSecond())) {
            // the stream in 2n + 1 slices: a replica joins while slice 2i flows and leaves while slice 2i + 1 flows
            double slice = 1.0 / (2 * services + 1);
            for (int i = 0; i < services; i++) {
                String service = scale.replicated().get(i);
                scenario.player.playUntil((2 * i + 1) * slice);
                scenario.player.awaitProgress((2 * i + 0.5) * slice, scale.patience(scale.events()));
                long joinedAt = System.nanoTime();
                String replica = system.platform.addReplica(service, Ports.free(), ReliabilityPlatform.START_TIMEOUT);
                int atJoin;
                try {
                    await(service + " group has both replicas").atMost(Duration.ofSeconds(60))
                            .until(() -> system.consumersOf(service, Checkout.TOPIC) == 2 * PER_REPLICA);
                    atJoin = scenario.player.acknowledged();
                    scenario.player.playUntil((2 * i + 2) * slice);
                    scenario.player.awaitProgress((2 * i + 1.5) * slice, scale.patience(scale.events()));
                } finally {
                    system.platform.stop(replica); // also when the test fails: the next tests expect one replica
                }
                await(service + " group back to one replica").atMost(Duration.ofSeconds(60))
                        .until(() -> system.consumersOf(service, Checkout.TOPIC) == PER_REPLICA);
                System.out.printf("rebalance: %s joined at event %,d and left at %,d, %d s later%n", replica, atJoin,
                        scenario.player.acknowledged(), Scenario.since(joinedAt).toSeconds());
            }
            scenario.finish("rebalance (" + scale.replicated() + ")");
        }
    }
}
