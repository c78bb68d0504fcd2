package org.loyalty.profile.customer;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.sql.RowLocks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Profile rows: created on registration, or as a minimal profile when someone buys before registering. */
@ApplicationScoped
public class Profiles {

    private final ReferralCodes codes;

    public Profiles(ReferralCodes codes) {
        this.codes = codes;
    }

    /** Makes sure a profile exists (a purchase from an unknown customer is never lost); true when it was created. */
    public Uni<Boolean> ensure(SqlClient client, String customerId) {
        return client.preparedQuery("INSERT INTO customer (customer_id, referral_code) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(customerId, codes.next()))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * As {@link #ensure} for many customers, and locks their rows in customer order, so that
     * batches of different consumers wait for each other instead of deadlocking ({@link RowLocks}).
     * (A no-op ON CONFLICT update would lock them in one statement, but it wrote a new version of
     * every row of every poll; the lock alone cost the database far less, measured with
     * pg_stat_statements in the all-four benchmark.)
     */
    public Uni<Void> ensureAndLock(SqlClient client, Collection<String> customerIds) {
        return RowLocks.lockCreatingMissing(customerIds, ids -> client.preparedQuery("""
                        SELECT customer_id FROM customer WHERE customer_id = ANY($1) ORDER BY customer_id FOR UPDATE""")
                        .execute(Tuple.of((Object) ids))
                        .map(rows -> {
                            Map<String, Boolean> locked = new HashMap<>();
                            rows.forEach(row -> locked.put(row.getString(0), true));
                            return locked;
                        }),
                ids -> client.preparedQuery("""
                        INSERT INTO customer (customer_id, referral_code)
                        SELECT * FROM unnest($1::text[], $2::text[]) AS t(id, code) ORDER BY id
                        ON CONFLICT (customer_id) DO NOTHING""")
                        .execute(Tuple.of(ids, Arrays.stream(ids).map(id -> codes.next()).toArray(String[]::new))))
                .replaceWithVoid();
    }
}
