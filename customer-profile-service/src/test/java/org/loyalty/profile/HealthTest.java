package org.loyalty.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.context.SmallRyeContextManagerProvider;

/** The service runs and answers its probes, as Kubernetes will ask them. */
@QuarkusTest
class HealthTest {

    @Test
    void livenessAndReadinessAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    /** No thread context is captured or cleared around every asynchronous callback (application.properties says why). */
    @Test
    void noThreadContextIsPropagated() {
        assertEquals(List.of(), List.of(SmallRyeContextManagerProvider.getManager().getAllProviderTypes()));
    }
}
