package org.loyalty.system.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Plays records into Kafka at a steady rate on a background thread, as checkout does while
 * the tests break things, and counts what the broker acknowledged. The test releases the
 * stream in parts ({@link #playUntil(double)}), so that every disruption falls mid-stream
 * however slow the machine is that day: it strikes while the released part is still flowing.
 */
final class StreamPlayer implements AutoCloseable {

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Object released = new Object();
    private final int total;
    private final Thread thread;
    private int limit;

    StreamPlayer(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records, int perSecond) {
        this.total = records.size();
        this.thread = new Thread(() -> play(producer, records, perSecond), "stream-player");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets the stream flow up to {@code fraction} of its records. */
    void playUntil(double fraction) {
        synchronized (released) {
            limit = Math.max(limit, (int) Math.ceil(fraction * total));
            released.notifyAll();
        }
    }

    private void play(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records, int perSecond) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        try {
            for (int i = 0; i < records.size(); i++) {
                if (awaitRelease(i)) {
                    next = System.nanoTime(); // no burst to make up for the time held back
                }
                // pacing, not synchronisation: the stream flows at checkout's rate, not as fast as the client can
                LockSupport.parkNanos(next - System.nanoTime());
                next += interval;
                producer.send(records.get(i), (metadata, e) -> {
                    if (e == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks while record {@code index} is not released yet; true if it had to wait. */
    private boolean awaitRelease(int index) throws InterruptedException {
        synchronized (released) {
            boolean waited = false;
            while (index >= limit) {
                waited = true;
                released.wait();
            }
            return waited;
        }
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Waits until the broker has acknowledged at least {@code fraction} of the stream. */
    void awaitProgress(double fraction, Duration atMost) {
        await("stream at " + fraction).atMost(atMost).until(() -> {
            if (failure.get() != null) {
                throw new AssertionError("checkout could not produce", failure.get());
            }
            return acknowledged.get() >= fraction * total;
        });
    }

    /** Releases the rest of the stream and waits until all of it is acknowledged. */
    void playToTheEnd(Duration atMost) {
        playUntil(1.0);
        awaitProgress(1.0, atMost);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
