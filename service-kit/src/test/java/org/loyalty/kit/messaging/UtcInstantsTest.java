package org.loyalty.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The direct path gives exactly what Instant.parse gives, and leaves everything else to it. */
class UtcInstantsTest {

    @Test
    void instantsAsJavaWritesThemParseToTheSameInstant() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            // seconds between 1970 and 9999, with no, milli, micro or nano fractions as Instant.toString writes them
            long seconds = Math.floorMod(random.nextLong(), 253_402_300_800L);
            int nanos = random.nextInt(1_000_000_000);
            for (Instant written : List.of(Instant.ofEpochSecond(seconds, nanos), Instant.ofEpochSecond(seconds),
                    Instant.ofEpochSecond(seconds, nanos / 1_000_000 * 1_000_000), Instant.ofEpochSecond(seconds, nanos / 1_000 * 1_000))) {
                assertEquals(written, UtcInstants.parse(written.toString()), written.toString());
            }
        }
    }

    @Test
    void otherFormsAreParsedAsInstantParseDoes() {
        for (String text : List.of("2026-12-04T10:15:30.5Z", "2026-12-04T10:15:30.12345678Z", "2026-12-04T10:15:30+02:00",
                "2026-12-04T10:15:30.250-05:30", "+12026-12-04T10:15:30Z", "2024-02-29T23:59:59Z", "2026-12-04T23:59:60Z",
                "2026-12-04T10:15:30.Z")) {
            assertEquals(Instant.parse(text), UtcInstants.parse(text), text);
        }
    }

    @Test
    void whatInstantParseRejectsIsRejected() {
        for (String text : List.of("2026-12-04 10:15:30Z", "2026-13-04T10:15:30Z", "2026-02-30T10:15:30Z", "2026-12-04T25:15:30Z",
                "2026-12-04T10:15:30.1234567890Z", "2026-12-04T10:15:30", "2026-1a-04T10:15:30Z",
                "2026-12-04T10:15:30.12a4Z", "")) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(text), text);
            assertThrows(DateTimeParseException.class, () -> UtcInstants.parse(text), text);
        }
    }
}
