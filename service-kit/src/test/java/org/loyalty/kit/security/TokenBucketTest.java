package org.loyalty.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void burstThenRefillAtTheRateAndSayHowLongToWait() {
        TokenBucket bucket = new TokenBucket(2, 6, 0); // one token every 10 s
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(10, bucket.take(0));
        assertEquals(5, bucket.take(TimeUnit.SECONDS.toNanos(5)));
        assertEquals(0, bucket.take(TimeUnit.SECONDS.toNanos(10)));
        assertTrue(bucket.isFull(TimeUnit.SECONDS.toNanos(40)));
    }
}
