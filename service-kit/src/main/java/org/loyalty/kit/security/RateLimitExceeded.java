package org.loyalty.kit.security;

import org.loyalty.kit.rest.ProblemException;

/** A 429 answer; the mapper adds {@code Retry-After}. */
public class RateLimitExceeded extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitExceeded(String limit, long retryAfterSeconds) {
        super(429, "Too Many Requests", "Too many " + limit + " requests from this caller; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
