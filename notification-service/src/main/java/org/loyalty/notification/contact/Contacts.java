package org.loyalty.notification.contact;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The contact list, kept from loyalty.customers. */
@ApplicationScoped
public class Contacts {

    public Uni<Contact> find(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT customer_id, email, name, locale, marketing_consent, segment FROM contact WHERE customer_id = $1")
                .execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? null : toContact(rows.iterator().next()));
    }

    /** The contacts of many customers in one query, by customer id; customers without one are absent. */
    public Uni<Map<String, Contact>> findAll(SqlClient client, Collection<String> customerIds) {
        return client.preparedQuery("SELECT customer_id, email, name, locale, marketing_consent, segment FROM contact WHERE customer_id = ANY($1)")
                .execute(Tuple.of(customerIds.stream().distinct().toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Contact> contacts = new HashMap<>();
                    rows.forEach(row -> contacts.put(row.getString(0), toContact(row)));
                    return contacts;
                });
    }

    public Uni<Void> upsert(SqlClient client, String customerId, String email, String name, String locale, boolean consent) {
        return client.preparedQuery("""
                INSERT INTO contact (customer_id, email, name, locale, marketing_consent) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (customer_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, locale = EXCLUDED.locale,
                    marketing_consent = EXCLUDED.marketing_consent, updated_at = now()""")
                .execute(Tuple.of(customerId, email, name, locale, consent)).replaceWithVoid();
    }

    public Uni<Void> segment(SqlClient client, String customerId, String segment) {
        return client.preparedQuery("UPDATE contact SET segment = $2, updated_at = now() WHERE customer_id = $1")
                .execute(Tuple.of(customerId, segment)).replaceWithVoid();
    }

    /** Consent off; true if it was on (so that the change is announced once). */
    public Uni<Boolean> withdrawConsent(SqlClient client, String customerId) {
        return client.preparedQuery("UPDATE contact SET marketing_consent = false, updated_at = now() WHERE customer_id = $1 AND marketing_consent")
                .execute(Tuple.of(customerId)).map(rows -> rows.rowCount() == 1);
    }

    /** customer.erased: the contact goes, and the log keeps no address, subject or body. */
    public Uni<Void> erase(SqlClient client, String customerId) {
        return client.preparedQuery("DELETE FROM contact WHERE customer_id = $1").execute(Tuple.of(customerId))
                .chain(() -> client.preparedQuery("""
                        UPDATE notification SET recipient = NULL, subject = '(erased)', body_text = NULL, body_html = NULL,
                            status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END,
                            last_error = CASE WHEN status = 'PENDING' THEN 'customer erased' ELSE last_error END
                        WHERE customer_id = $1""").execute(Tuple.of(customerId)))
                .replaceWithVoid();
    }

    private static Contact toContact(Row row) {
        return new Contact(row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4), row.getString(5));
    }
}
