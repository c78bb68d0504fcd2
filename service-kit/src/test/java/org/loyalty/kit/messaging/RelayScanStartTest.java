package org.loyalty.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelayScanStartTest {

    private final RelayScanStart start = new RelayScanStart();

    @Test
    void theFirstScanAndTheFirstScanAfterEachTickStartFromTheBeginning() {
        assertEquals(0, start.next());
        start.relayed(500);
        start.tick();
        start.tick();
        assertEquals(0, start.next(), "the tick's own scan");
        assertEquals(500, start.next(), "a wake-up after it");
    }

    @Test
    void wakeUpsStartAfterWhatWasRelayedTwoTicksAgoNotAfterTheLatestRows() {
        start.next();
        start.relayed(100);
        start.tick(); // saw 100
        start.next();
        start.relayed(250);
        assertEquals(0, start.next(), "one tick ago is too recent: a transaction that took its ids before 100 may still be open");
        start.tick(); // saw 250; wake-ups may now skip up to 100
        start.next();
        start.relayed(400);
        assertEquals(100, start.next());
        start.tick();
        start.next();
        assertEquals(250, start.next());
    }

    @Test
    void aBatchRelayedOutOfOrderNeverMovesTheStartBack() {
        start.relayed(300);
        start.relayed(200);
        start.tick();
        start.tick();
        start.next();
        assertEquals(300, start.next());
    }
}
