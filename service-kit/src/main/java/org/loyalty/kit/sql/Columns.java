package org.loyalty.kit.sql;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One column of a list of rows as an array, for statements that write a whole batch at once
 * ({@code INSERT ... SELECT * FROM unnest($1::text[], ...)}): one execution for the batch,
 * where a pipelined batch costs the database one execution per row.
 */
public final class Columns {

    private Columns() {
    }

    public static <T, C> C[] of(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        C[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }
}
