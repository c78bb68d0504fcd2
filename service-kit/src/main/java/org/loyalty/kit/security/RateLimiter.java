package org.loyalty.kit.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * Token buckets per caller or per customer, so that one caller cannot use up what others need (database
 * capacity behind redemptions, the mail queue behind newsletters). A limit named {@code n}
 * is configured by {@code loyalty.rate-limit.n.burst} (requests at once) and
 * {@code loyalty.rate-limit.n.per-minute} (refill). The buckets live in this replica's memory:
 * N replicas allow N times the rate, which is what a per-replica guard is for.
 */
@ApplicationScoped
public class RateLimiter {

    /** Beyond this many buckets, full (idle) ones are dropped so that memory stays bounded. */
    private static final int MAX_BUCKETS = 50_000;

    private final Config config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Config config) {
        this.config = config;
    }

    /** Takes one request from the bucket of that limit and key (a caller, a customer id), or throws a 429 problem with Retry-After. */
    public void acquire(String limit, String key) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(limit + '\u0000' + key, unused -> new TokenBucket(
                config.getValue("loyalty.rate-limit." + limit + ".burst", Integer.class),
                config.getValue("loyalty.rate-limit." + limit + ".per-minute", Integer.class), now));
        long waitSeconds = bucket.take(now);
        if (waitSeconds > 0) {
            throw new RateLimitExceeded(limit, waitSeconds);
        }
    }
}
