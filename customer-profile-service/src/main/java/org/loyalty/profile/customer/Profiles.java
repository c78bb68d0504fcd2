package org.loyalty.profile.customer;

import java.util.Arrays;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

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
     * As {@link #ensure} for many customers in one statement, and locks their rows in customer
     * order, so that batches of different consumers wait for each other instead of deadlocking.
     */
    public Uni<Void> ensureAndLock(SqlClient client, Collection<String> customerIds) {
        String[] ids = customerIds.stream().distinct().sorted().toArray(String[]::new);
        String[] referralCodes = Arrays.stream(ids).map(id -> codes.next()).toArray(String[]::new);
        return client.preparedQuery("""
                INSERT INTO customer (customer_id, referral_code) SELECT * FROM unnest($1::text[], $2::text[])
                ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id""")
                .execute(Tuple.of(ids, referralCodes))
                .replaceWithVoid();
    }
}
