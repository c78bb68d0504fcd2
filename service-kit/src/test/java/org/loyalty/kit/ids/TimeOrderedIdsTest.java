package org.loyalty.kit.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidOfTheRfcVariantCarryingItsMillisecond() {
        long millis = 1_765_000_000_123L;
        UUID id = TimeOrderedIds.of(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertEquals(String.format("%012x", millis), id.toString().replace("-", "").substring(0, 12));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsUuidsAndAsText() {
        UUID earlier = TimeOrderedIds.of(1_765_000_000_000L);
        UUID later = TimeOrderedIds.of(1_765_000_000_001L);
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.of(1_765_000_000_000L));
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void nextIsStampedWithTheCurrentTime() {
        long before = System.currentTimeMillis();
        long stamped = TimeOrderedIds.next().getMostSignificantBits() >>> 16;
        assertTrue(stamped >= before && stamped <= System.currentTimeMillis());
    }

    @Test
    void aStableIdIsTheSameForTheSameTimeAndSerialAndDiffersForAnyOtherSerial() {
        long millis = 1_765_000_000_123L;
        UUID id = TimeOrderedIds.stable(millis, 42);
        assertEquals(id, TimeOrderedIds.stable(millis, 42));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        Set<UUID> ids = new HashSet<>();
        for (long serial : new long[] {0, 1, 42, 1L << 61, 1L << 62, 1L << 63, Long.MAX_VALUE, -1}) {
            ids.add(TimeOrderedIds.stable(millis, serial));
        }
        assertEquals(8, ids.size());
    }
}
