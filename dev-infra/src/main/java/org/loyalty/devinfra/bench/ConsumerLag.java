package org.loyalty.devinfra.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until every consumer group has committed up to the end of every partition it reads:
 * the services have finished the throughput run and the events it caused among them, so the
 * latency run that follows measures a quiet platform, not the tail of the previous one.
 */
final class ConsumerLag {

    private ConsumerLag() {
    }

    static void awaitDrained(String bootstrapServers, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int quietChecks = 0;
            while (quietChecks < 2) { // twice in a row: a relay may publish between two looks
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Consumers still lag after " + timeout);
                }
                TimeUnit.SECONDS.sleep(1); // offsets are committed periodically: look once a second
                quietChecks = totalLag(admin) == 0 ? quietChecks + 1 : 0;
            }
        }
    }

    private static long totalLag(Admin admin) throws Exception {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                long position = entry.getValue() == null ? 0 : entry.getValue().offset();
                lag += ends.get(entry.getKey()).offset() - position;
            }
        }
        return lag;
    }
}
