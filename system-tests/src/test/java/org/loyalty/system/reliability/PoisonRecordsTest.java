package org.loyalty.system.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.loyalty.devinfra.testing.KafkaTestClient.ReceivedRecord;

/**
 * Poison records of every kind mixed into a flowing stream: each lands in the dead-letter
 * topic of every service that reads it, with the reason; none blocks its partition (the good
 * stream around them, on the same partitions, is applied in full).
 */
class PoisonRecordsTest {

    @Test
    void everyPoisonRecordIsDeadLetteredWithAReasonAndTheStreamGoesOn() throws Exception {
        ReliabilityPlatform system = ReliabilityPlatform.get();
        Scale scale = system.scale;
        CheckoutStream stream = new CheckoutStream("poison", Math.max(1000, scale.events() / 4), scale.customers());
        PoisonRecords poison = new PoisonRecords(stream.customers);
        try (Scenario scenario = new Scenario(system, stream, poison.records(), scale.ratePerSecond())) {
            scenario.finish("poison (" + poison.all.size() + " bad records mixed in)");
        }
        List<String> missing = new ArrayList<>();
        await("every poison record in its dead-letter topics").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            missing.clear();
            for (PoisonRecords.Poison bad : poison.all) {
                for (String service : bad.readers()) {
                    Optional<ReceivedRecord> letter = deadLetter(system, service, bad);
                    if (letter.isEmpty()) {
                        missing.add(bad.kind() + " not in " + service + ".dlq");
                    } else {
                        String reason = letter.get().headers().get("dead-letter-reason");
                        assertFalse(reason == null || reason.isBlank(), bad.kind() + " in " + service + ".dlq without a reason");
                        assertEquals(bad.record().topic(), letter.get().headers().get("dead-letter-topic"));
                    }
                }
            }
            assertEquals(List.of(), missing);
        });
        for (PoisonRecords.Poison bad : poison.all) {
            System.out.printf("poison %-32s -> %s: %s%n", bad.kind(), bad.readers(),
                    deadLetter(system, bad.readers().get(0), bad).orElseThrow().headers().get("dead-letter-reason"));
        }
    }

    private static Optional<ReceivedRecord> deadLetter(ReliabilityPlatform system, String service, PoisonRecords.Poison bad) {
        return system.kafka.records(service + ".dlq").stream().map(ReceivedRecord::of)
                .filter(r -> bad.id().equals(r.headers().get(PoisonRecords.MARK))).findFirst();
    }
}
