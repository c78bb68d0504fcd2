package org.loyalty.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The direct paths give exactly what Instant.parse and Instant.toString give, and leave everything else to them. */
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

    @Test
    void instantsAreWrittenAsInstantToStringWritesThem() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            // seconds of years 0000 to 9999, with no, milli, micro and nano fractions
            long seconds = -62_167_219_200L + Math.floorMod(random.nextLong(), 315_569_520_000L);
            int nanos = random.nextInt(1_000_000_000);
            for (Instant instant : List.of(Instant.ofEpochSecond(seconds, nanos), Instant.ofEpochSecond(seconds),
                    Instant.ofEpochSecond(seconds, nanos / 1_000_000 * 1_000_000), Instant.ofEpochSecond(seconds, nanos / 1_000 * 1_000))) {
                assertEquals(instant.toString(), UtcInstants.format(instant));
            }
        }
        for (String text : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.001Z",
                "2024-02-29T00:00:00.000001Z", "2026-12-04T10:00:00.100Z")) {
            assertEquals(text, UtcInstants.format(Instant.parse(text)), text);
        }
    }

    @Test
    void instantsOutsideFourDigitYearsAreWrittenByTheJdk() {
        for (Instant instant : List.of(Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.5Z"), Instant.MIN,
                Instant.MAX)) {
            assertEquals(instant.toString(), UtcInstants.format(instant));
        }
    }
}
