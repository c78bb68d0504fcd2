package org.loyalty.system.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.loyalty.devinfra.kafka.KafkaBroker;
import org.loyalty.devinfra.net.Ports;
import org.loyalty.devinfra.postgres.PostgresServer;
import org.loyalty.devinfra.run.Platform;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.SharedInfrastructure;
import org.loyalty.devinfra.testing.TestTokens;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The four packaged services, shared by the reliability tests of one JVM, on a broker of
 * their own (the tests stop and restart it), fresh databases on the shared PostgreSQL server
 * (the tests take them offline) and a GreenMail SMTP server that counts every mail.
 */
final class ReliabilityPlatform {

    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Consumers of checkout.purchases in each replica (CHECKOUT_CONSUMERS): with the topic's four
     * partitions, two replicas give every consumer exactly one, so each replica's arrival and
     * departure shows in the group's assignment.
     */
    static final int CHECKOUT_CONSUMERS_PER_REPLICA = 2;

    private static ReliabilityPlatform instance;

    final Scale scale = Scale.fromSystemProperties();
    final Platform platform;
    final KafkaBroker broker;
    final GreenMail smtp;
    final Databases databases;
    final KafkaProducer<String, byte[]> producer;
    final KafkaTestClient kafka;
    /** Valid checkout events produced so far by every stream of this JVM: what points-service must have applied. */
    final AtomicLong checkoutEvents = new AtomicLong();

    private ReliabilityPlatform(Platform platform, KafkaBroker broker, GreenMail smtp, Databases databases) {
        this.platform = platform;
        this.broker = broker;
        this.smtp = smtp;
        this.databases = databases;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                // checkout keeps producing through a broker outage: buffer, never give up on a record
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000),
                new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTestClient(broker.bootstrapServers());
    }

    static synchronized ReliabilityPlatform get() throws Exception {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static ReliabilityPlatform start() throws Exception {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("loyalty-reliability-kafka-"), 4, false, 0);
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String prefix = "reliability_" + UUID.randomUUID().toString().substring(0, 6) + "_";
        Path root = Path.of(System.getProperty("loyalty.root", "..")).toAbsolutePath().normalize();
        List<String> skipped = new ArrayList<>();
        Platform platform = Platform.start(root,
                new Platform.Wiring(broker.bootstrapServers(), postgres, smtp.getSmtp().getPort(), prefix, TestTokens.issuer(),
                        // the tests' registered customers get many mails; the default 20/s would make them wait
                        Map.of("NOTIFICATION_SENDER_RATE_PER_SECOND", "200",
                                "CHECKOUT_CONSUMERS", Integer.toString(CHECKOUT_CONSUMERS_PER_REPLICA))),
                service -> Ports.free(), Files.createDirectories(root.resolve("system-tests/target/reliability-logs")), skipped);
        assertEquals(List.of(), skipped, "every service is packaged before the system tests run");
        ReliabilityPlatform started = new ReliabilityPlatform(platform, broker, smtp, new Databases(postgres, prefix));
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "reliability-platform-shutdown"));
        return started;
    }

    String url(String instance) {
        return platform.url(instance);
    }

    /** Waits until every given instance's readiness probe says {@code up}; returns how long that took. */
    Duration awaitReadiness(boolean up, List<String> instances, Duration atMost) {
        long start = System.nanoTime();
        await("readiness " + (up ? "UP" : "DOWN") + " on " + instances).atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> instances.stream().allMatch(instance -> platform.ready(instance) == up));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits, for all of {@code outage}, while checking that readiness stays DOWN on every instance. */
    void holdOutage(List<String> instances, Duration outage) {
        if (outage.isZero() || outage.isNegative()) {
            return;
        }
        await("readiness stays DOWN during the outage").during(outage).atMost(outage.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> instances.stream().noneMatch(platform::ready));
    }

    /** How many consumers of the group (a service's group is named after it) have partitions of {@code topic} right now. */
    int consumersOf(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return (int) admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
                    .count();
        }
    }

    private void close() {
        producer.close(Duration.ofSeconds(5));
        kafka.close();
        platform.close();
        broker.close();
        smtp.stop();
        databases.dropAll();
    }
}
