package org.loyalty.system.reliability;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.loyalty.devinfra.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every REST call the reliability tests make goes through here (one place to add credentials). */
final class Rest {

    private Rest() {
    }

    static JsonPath getJson(String url) {
        return get(url).then().statusCode(200).extract().jsonPath();
    }

    static Response get(String url) {
        return request().get(url);
    }

    static Response put(String url, Map<String, Object> body) {
        return request().contentType(ContentType.JSON).body(body).put(url);
    }

    /** As operations staff: reads every service and may register customers. */
    private static RequestSpecification request() {
        return given().auth().oauth2(TestTokens.ops());
    }
}
