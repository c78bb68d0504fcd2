package org.loyalty.devinfra.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

import org.loyalty.devinfra.load.PurchaseStream;

/**
 * How many events of a stream one service has committed so far, found with a few primary-key
 * lookups in its inbox (processed_event) instead of counting the stream's whole range of it.
 * <p>
 * Counting read every committed row each time, up to 280 ms of the measured database's CPU per
 * look near the end of a run; in a quick look of 100,000 events the counts took 4.2 s of the four
 * databases' CPU inside the measured window (pg_stat_statements), about a twentieth of the machine.
 * <p>
 * Why a search is enough: a service commits one partition's events in order. A poll is applied in
 * one transaction, polls follow the partition's offsets, and a failed poll is retried whole. So of
 * the events sent to a partition, those in the inbox are always a prefix, and a binary search for
 * the prefix's end finds them all. {@link ThroughputRun#confirm} counts once after the run, so a
 * service that broke that order fails the benchmark instead of finishing early.
 */
final class InboxFrontier {

    private final PreparedStatement lookup;
    /** Per partition, the ids of the stream's events this service keeps, in the order they were sent. */
    private final List<String[]> idsByPartition;
    /** Per partition, how many of its first events are known to be committed. */
    private final int[] committed;

    /**
     * @param byPartition the stream's events on each partition, in the order they are sent ({@link PurchaseStream#byPartition})
     * @param kept        which of them the service keeps in its inbox
     */
    InboxFrontier(Connection database, List<List<PurchaseStream.Event>> byPartition, Predicate<PurchaseStream.Event> kept)
            throws SQLException {
        this.lookup = database.prepareStatement("SELECT 1 FROM processed_event WHERE event_id = ?");
        this.idsByPartition = byPartition.stream()
                .map(events -> events.stream().filter(kept).map(PurchaseStream.Event::id).toArray(String[]::new))
                .toList();
        this.committed = new int[byPartition.size()];
    }

    /** How many events the service keeps of the whole stream. */
    int expected() {
        return idsByPartition.stream().mapToInt(ids -> ids.length).sum();
    }

    /** How many it has committed now: about 17 lookups a partition for a stream of 100,000 events. */
    long committed() throws SQLException {
        long total = 0;
        for (int partition = 0; partition < committed.length; partition++) {
            committed[partition] = prefixEnd(idsByPartition.get(partition), committed[partition]);
            total += committed[partition];
        }
        return total;
    }

    /** The length of the committed prefix of {@code ids}, known to be at least {@code known}. */
    private int prefixEnd(String[] ids, int known) throws SQLException {
        int low = known;
        int high = ids.length;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (holds(ids[middle - 1])) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private boolean holds(String eventId) throws SQLException {
        lookup.setString(1, eventId);
        try (ResultSet rows = lookup.executeQuery()) {
            return rows.next();
        }
    }
}
