package org.loyalty.profile.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.kit.messaging.OutboxRelay;
import org.loyalty.kit.messaging.OutboxStore;
import org.loyalty.kit.rest.ProblemException;
import org.loyalty.profile.customer.CustomerEvents;
import org.loyalty.profile.customer.Profiles;
import org.loyalty.profile.segment.Reclassifier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Registers a customer or updates their profile. Consent is kept with the time and source of
 * its last change; the referrer is resolved from their referral code once, at registration.
 * A profile that a purchase created before registration becomes a registered one.
 */
@ApplicationScoped
public class RegistrationService {

    static final Set<String> LOCALES = Set.of("en", "ru", "bg", "sv");

    /** The answer: whether this call registered the customer, their referral code and segment. */
    public record Registered(boolean created, String customerId, String referralCode, String segment) {
    }

    private final Pool pool;
    private final Profiles profiles;
    private final Reclassifier reclassifier;
    private final CustomerEvents events;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public RegistrationService(Pool pool, Profiles profiles, Reclassifier reclassifier, CustomerEvents events, OutboxStore outbox,
            OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.profiles = profiles;
        this.reclassifier = reclassifier;
        this.events = events;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** en, ru, bg, sv (a region such as sv-SE counts as its language); anything else is en. */
    static String supportedLocale(String requested) {
        if (requested == null) {
            return "en";
        }
        String language = requested.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LOCALES.contains(language) ? language : "en";
    }

    public Uni<Registered> register(String customerId, RegistrationRequest request) {
        return pool.withTransaction(connection -> referrer(connection, customerId, request.referredBy())
                .chain(referrer -> profiles.ensure(connection, customerId)
                        .chain(() -> lock(connection, customerId))
                        .chain(current -> save(connection, customerId, request, referrer, current))))
                .invoke(relay::wakeUp);
    }

    /** The customer id behind a referral code; an unknown code (or one's own) is a 422 naming the field. */
    private Uni<String> referrer(SqlConnection connection, String customerId, String code) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return connection.preparedQuery("SELECT customer_id FROM customer WHERE referral_code = $1 AND NOT erased")
                .execute(Tuple.of(code))
                .map(rows -> {
                    String referrer = rows.size() == 0 ? null : rows.iterator().next().getString(0);
                    if (referrer == null || referrer.equals(customerId)) {
                        throw new ProblemException(422, "Unprocessable Content", "referredBy '" + code + "' is not another customer's referral code",
                                "referredBy");
                    }
                    return referrer;
                });
    }

    private Uni<Row> lock(SqlConnection connection, String customerId) {
        return connection.preparedQuery("SELECT registered, erased, marketing_consent, referred_by, referral_code FROM customer WHERE customer_id = $1 FOR UPDATE")
                .execute(Tuple.of(customerId)).map(rows -> rows.iterator().next());
    }

    private Uni<Registered> save(SqlConnection connection, String customerId, RegistrationRequest request, String referrer, Row current) {
        if (current.getBoolean("erased")) {
            throw new ProblemException(409, "Conflict", "Customer " + customerId + " was erased; register under a new id");
        }
        String existingReferrer = current.getString("referred_by");
        if (referrer != null && existingReferrer != null && !existingReferrer.equals(referrer)) {
            throw new ProblemException(422, "Unprocessable Content", "The referrer of a customer cannot change", "referredBy");
        }
        boolean created = !current.getBoolean("registered");
        boolean consentChanged = created || current.getBoolean("marketing_consent") != request.marketingConsent();
        Instant now = clock.instant();
        String locale = supportedLocale(request.locale());
        return connection.preparedQuery("""
                UPDATE customer SET registered = true, email = $2, name = $3, locale = $4, marketing_consent = $5,
                    consent_changed_at = CASE WHEN $6 THEN $7 ELSE consent_changed_at END,
                    consent_source = CASE WHEN $6 THEN $8 ELSE consent_source END,
                    interests = $9, buying_habits = $10, referred_by = coalesce(referred_by, $11)
                WHERE customer_id = $1 RETURNING referral_code""")
                .execute(Tuple.tuple(java.util.Arrays.asList(customerId, request.email(), request.name(), locale, request.marketingConsent(),
                        consentChanged, now.atOffset(ZoneOffset.UTC), created ? "registration" : "profile update",
                        request.interests() == null ? null : new JsonArray(request.interests()),
                        request.buyingHabits() == null ? null : new JsonObject(new java.util.HashMap<>(request.buyingHabits())),
                        referrer)))
                .chain(rows -> {
                    String referralCode = rows.iterator().next().getString(0);
                    String type = created ? "customer.registered" : "customer.updated";
                    return outbox.append(connection, List.of(events.contact(type, customerId, request.email(), request.name(), locale,
                                    request.marketingConsent(), now)))
                            .chain(() -> reclassifier.reevaluate(connection, customerId))
                            .chain(() -> connection.preparedQuery("SELECT segment FROM customer WHERE customer_id = $1").execute(Tuple.of(customerId)))
                            .map(segment -> new Registered(created, customerId, referralCode, segment.iterator().next().getString(0)));
                });
    }
}
