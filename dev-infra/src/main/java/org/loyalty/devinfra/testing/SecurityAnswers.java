package org.loyalty.devinfra.testing;

import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;

/** The answers every service's security tests expect, each an RFC 9457 problem. */
public final class SecurityAnswers {

    public static final String PROBLEM = "application/problem+json";

    private SecurityAnswers() {
    }

    /** 401 with a Bearer challenge: no token, or one that does not verify. */
    public static void unauthorized(Response response) {
        response.then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
    }

    /** 403: a role that may not, or another customer's id. */
    public static void forbidden(Response response) {
        response.then().statusCode(403).contentType(PROBLEM);
    }

    /** 429 with the seconds to wait. */
    public static void rateLimited(Response response) {
        response.then().statusCode(429).contentType(PROBLEM).header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }
}
