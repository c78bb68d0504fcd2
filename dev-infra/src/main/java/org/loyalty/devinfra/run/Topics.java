package org.loyalty.devinfra.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The contract's topics and every service's dead-letter topic, created up front. */
public final class Topics {

    static final List<String> ALL = List.of(
            "checkout.purchases", "checkout.shipments", "billing.invoices", "support.complaints",
            "loyalty.points", "loyalty.rewards", "loyalty.customers", "loyalty.notifications",
            "points-service.dlq", "rewards-service.dlq", "customer-profile-service.dlq", "notification-service.dlq");

    private Topics() {
    }

    public static void create(String bootstrapServers, int partitions) throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = ALL.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }
}
