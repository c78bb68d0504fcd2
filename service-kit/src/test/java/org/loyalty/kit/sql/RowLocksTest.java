package org.loyalty.kit.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The statements RowLocks runs against a table held in a map (the services' tests run them against PostgreSQL). */
class RowLocksTest {

    private final Map<String, String> table = new TreeMap<>(Map.of("b", "row b", "d", "row d"));
    private final List<String> statements = new ArrayList<>();

    private final Function<String[], Uni<Map<String, String>>> lock = keys -> {
        statements.add("lock " + String.join(",", keys));
        Map<String, String> locked = new TreeMap<>();
        Arrays.stream(keys).filter(table::containsKey).forEach(key -> locked.put(key, table.get(key)));
        return Uni.createFrom().item(locked);
    };

    private final Function<String[], Uni<?>> insert = keys -> {
        statements.add("insert " + String.join(",", keys));
        Arrays.stream(keys).forEach(key -> table.putIfAbsent(key, "new " + key));
        return Uni.createFrom().voidItem();
    };

    @Test
    void knownKeysAreLockedInOrderWithOneStatement() {
        Map<String, String> rows = RowLocks.lockCreatingMissing(List.of("d", "b", "d"), lock, insert).await().indefinitely();

        assertEquals(Map.of("b", "row b", "d", "row d"), rows);
        assertEquals(List.of("lock b,d"), statements);
    }

    @Test
    void missingKeysAreInsertedInOrderThenLocked() {
        Map<String, String> rows = RowLocks.lockCreatingMissing(List.of("e", "d", "a", "b"), lock, insert).await().indefinitely();

        assertEquals(Map.of("a", "new a", "b", "row b", "d", "row d", "e", "new e"), rows);
        assertEquals(List.of("lock a,b,d,e", "insert a,e", "lock a,e"), statements);
    }
}
