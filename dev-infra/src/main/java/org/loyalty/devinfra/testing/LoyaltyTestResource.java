package org.loyalty.devinfra.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the shared broker and at a fresh database of
 * its own, and makes it trust the tokens of {@link TestTokens}. Use it once per service module:
 * <pre>
 * &#64;QuarkusTestResource(value = LoyaltyTestResource.class,
 *         initArgs = &#64;ResourceArg(name = "database", value = "points"))
 * </pre>
 * Without a {@code database} argument only Kafka is configured.
 */
public class LoyaltyTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> DATABASES = new HashMap<>();

    private String databasePrefix;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infrastructure.bootstrapServers());
        config.putAll(TestTokens.serviceConfig());
        if (databasePrefix != null) {
            var postgres = infrastructure.postgres();
            String database = databaseFor(infrastructure, databasePrefix);
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", postgres.user());
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    /** One database per prefix and test JVM, kept across Quarkus restarts (test profiles). */
    private static synchronized String databaseFor(SharedInfrastructure infrastructure, String prefix) {
        return DATABASES.computeIfAbsent(prefix, p -> {
            try {
                return infrastructure.createDatabase(p);
            } catch (Exception e) {
                throw new IllegalStateException("Could not create the test database for " + p, e);
            }
        });
    }

    @Override
    public void stop() {
        // The broker and the databases live as long as the test JVM: see SharedInfrastructure.
    }
}
