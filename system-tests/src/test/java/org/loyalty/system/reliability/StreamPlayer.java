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
 * the tests break things; counts what the broker acknowledged.
 */
final class StreamPlayer implements AutoCloseable {

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final int total;
    private final Thread thread;

    StreamPlayer(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records, int perSecond) {
        this.total = records.size();
        this.thread = new Thread(() -> play(producer, records, perSecond), "stream-player");
        thread.setDaemon(true);
        thread.start();
    }

    private void play(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records, int perSecond) {
        long start = System.nanoTime();
        for (int i = 0; i < records.size() && !Thread.currentThread().isInterrupted(); i++) {
            // pacing, not synchronisation: the stream flows at checkout's rate, not as fast as the client can
            long due = start + TimeUnit.SECONDS.toNanos(i) / perSecond;
            LockSupport.parkNanos(due - System.nanoTime());
            producer.send(records.get(i), (metadata, e) -> {
                if (e == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Waits until the broker has acknowledged at least {@code fraction} of the stream. */
    void awaitProgress(double fraction, Duration atMost) {
        await("stream at " + fraction).atMost(atMost).until(() -> {
            throwIfFailed();
            return acknowledged.get() >= fraction * total;
        });
    }

    void awaitEnd(Duration atMost) {
        awaitProgress(1.0, atMost);
    }

    private void throwIfFailed() {
        if (failure.get() != null) {
            throw new AssertionError("checkout could not produce", failure.get());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
