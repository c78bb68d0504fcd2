package org.loyalty.profile.customer;

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
}
