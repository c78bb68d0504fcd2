package org.loyalty.kit.security;

import java.util.concurrent.TimeUnit;

/** A classic token bucket: {@code burst} requests at once, refilled at {@code perMinute}. */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int burst, int perMinute, long now) {
        this.capacity = burst;
        this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.tokens = burst;
        this.updatedAt = now;
    }

    /** Takes a token and answers 0, or answers the whole seconds until one is there. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double nanos = (1 - tokens) / perNano;
        return Math.max(1, (long) Math.ceil(nanos / TimeUnit.SECONDS.toNanos(1)));
    }

    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
    }
}
