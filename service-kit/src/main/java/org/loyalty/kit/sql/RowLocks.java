package org.loyalty.kit.sql;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Locks a batch's rows by key (a customer's account or state), creating the rows that do not
 * exist yet. Keys are locked in sorted order, so that two batches wait for each other instead
 * of deadlocking. The existing rows are locked first; only when some are missing are those
 * inserted and locked in two more statements. Once a service knows a customer, which is nearly
 * every poll, that is one statement: an insert of every key before the lock probed each key for
 * nothing (pg_stat_statements, all four services: 0.6 to 0.9 s of each database's statement time
 * per 100,000 events).
 */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * @param lock locks the rows of the sorted keys given with {@code FOR UPDATE} and answers them by key
     * @param insert inserts rows for the sorted keys given, doing nothing for a key another transaction inserted meanwhile
     *        ({@code ON CONFLICT DO NOTHING})
     * @return every key's locked row
     */
    public static <R> Uni<Map<String, R>> lockCreatingMissing(Collection<String> keys, Function<String[], Uni<Map<String, R>>> lock,
            Function<String[], Uni<?>> insert) {
        String[] sorted = keys.stream().distinct().sorted().toArray(String[]::new);
        return lock.apply(sorted).chain(existing -> {
            String[] missing = Arrays.stream(sorted).filter(key -> !existing.containsKey(key)).toArray(String[]::new);
            if (missing.length == 0) {
                return Uni.createFrom().item(existing);
            }
            return insert.apply(missing).chain(() -> lock.apply(missing)).map(created -> {
                Map<String, R> all = new HashMap<>(existing);
                all.putAll(created);
                return all;
            });
        });
    }
}
