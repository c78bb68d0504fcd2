package org.loyalty.points.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.kit.sql.AutovacuumCheck;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.context.SmallRyeContextManagerProvider;
import io.vertx.mutiny.sqlclient.Pool;

/** What ops and integrators look at: health with its checks, metrics, the OpenAPI document. */
@QuarkusTest
class OperabilityTest {

    /** checkout.purchases is read by one consumer per replica (the kit's default), reported under its channel's name. */
    private static final String CHECKOUT_CONSUMER_STATES = "checks.find { it.name.contains('Messaging') }.data"
            + ".findAll { it.key.startsWith('checkout-purchases') }.collect { it.value }";

    @Inject
    AutovacuumCheck autovacuum;

    @Inject
    Pool pool;

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")))
                .body(CHECKOUT_CONSUMER_STATES, hasSize(1))
                .body(CHECKOUT_CONSUMER_STATES, everyItem(startsWith("[OK]")))
                .body("checks.find { it.name.contains('Messaging') }.data.outbox", startsWith("[OK]"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheContractPaths() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/customers/{customerId}/points"))
                .body("paths.keySet()", hasItem("/customers/{customerId}/points/transactions"))
                .body("paths.keySet()", hasItem("/customers/{customerId}/redemptions"))
                .body("paths.keySet()", hasItem("/catalog/{id}"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** Logged at start-up: without autovacuum the batched look-ups lose their statistics (the README's benchmark section). */
    @Test
    void warnsExactlyWhenTheDatabaseServerRunsWithoutAutovacuum() {
        boolean serverVacuums = pool.query("SELECT setting = 'on' FROM pg_settings WHERE name = 'autovacuum'").executeAndAwait()
                .iterator().next().getBoolean(0);
        Optional<String> warning = autovacuum.warning().await().atMost(Duration.ofSeconds(10));
        assertEquals(!serverVacuums, warning.isPresent());
        warning.ifPresent(text -> assertTrue(text.contains("VACUUM ANALYZE"), "the warning says what to do: " + text));
    }

    /**
     * No thread context is captured or cleared around every asynchronous callback: neither CDI's
     * request context nor the JTA transaction context that comes with Flyway (the service kit's
     * defaults and application.properties say why). With no provider, Mutiny wraps no callback.
     */
    @Test
    void noThreadContextIsPropagated() {
        assertEquals(List.of(), List.of(SmallRyeContextManagerProvider.getManager().getAllProviderTypes()));
    }
}
