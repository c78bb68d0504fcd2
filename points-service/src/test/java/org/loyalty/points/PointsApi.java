package org.loyalty.points;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.loyalty.devinfra.testing.TestTokens;

import io.restassured.path.json.JsonPath;

/** Reads balances over HTTP, as checkout would, waiting for the stream to catch up. */
public final class PointsApi {

    private PointsApi() {
    }

    public static JsonPath account(String customerId) {
        return given().auth().oauth2(TestTokens.checkout()).get("/customers/{id}/points", customerId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the customer's balance is {@code expected}, then returns the whole account. */
    public static JsonPath awaitBalance(String customerId, long expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().auth().oauth2(TestTokens.checkout()).get("/customers/{id}/points", customerId);
            return response.statusCode() == 200 && response.jsonPath().getLong("balance") == expected;
        });
        return account(customerId);
    }
}
