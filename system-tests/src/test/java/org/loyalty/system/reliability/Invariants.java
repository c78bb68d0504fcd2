package org.loyalty.system.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

/**
 * What must hold after a stream, whatever broke while it flowed, checked against each
 * service's database and its REST API: every order counted once in points, one certificate per
 * threshold crossing and none backed by the same spend, profiles and segments right, every
 * mail sent once.
 */
final class Invariants {

    private static final BigDecimal THRESHOLD = new BigDecimal("200");
    private static final int REST_SAMPLE = 25;
    /** A mail its sender was killed in the middle of sending: still claimed, or already marked FAILED for it. */
    private static final String INTERRUPTED = "((status = 'PENDING' AND sending_since < now() - interval '20 seconds') "
            + "OR (status = 'FAILED' AND last_error LIKE 'interrupted while sending%'))";

    private final ReliabilityPlatform system;
    private final CheckoutStream stream;
    private final List<String> registered;
    private final String like;

    Invariants(ReliabilityPlatform system, CheckoutStream stream, List<String> registered) {
        this.system = system;
        this.stream = stream;
        this.registered = registered;
        this.like = stream.prefix + "%";
    }

    /** Waits until every service has worked through the stream, then checks everything; returns how long the wait took. */
    Duration awaitAndCheck(Duration atMost) {
        long start = System.nanoTime();
        long cents = stream.customers.stream().map(stream::spend).reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(2).longValueExact();
        await("points-service applied every checkout event").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .until(() -> db("points-service", "SELECT count(*) FROM processed_event") >= system.checkoutEvents.get()
                        && db("points-service", "SELECT coalesce(sum(goods_total - refunded_total), 0) * 100 FROM order_points WHERE customer_id LIKE ?", like) == cents);
        await("rewards-service applied every order and refund").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .until(() -> db("rewards-service", "SELECT coalesce(sum(goods_total - refunded_total), 0) * 100 FROM purchase WHERE customer_id LIKE ?", like) == cents);
        await("customer-profile-service applied every order and refund").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .until(() -> db("customer-profile-service", "SELECT coalesce(sum(total_spent), 0) * 100 FROM customer WHERE customer_id LIKE ?", like) == cents);
        await("notification-service sent every thank-you").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .until(() -> db("notification-service", "SELECT count(*) FROM notification WHERE kind = 'THANK_YOU' AND customer_id = ANY(?) AND (status = 'SENT' OR "
                        + INTERRUPTED + ")", (Object) registered.toArray(String[]::new)) == registered.stream().mapToLong(c -> stream.orders.get(c).size()).sum()
                        && db("notification-service", "SELECT count(*) FROM notification WHERE status = 'PENDING' AND due_at <= now() AND customer_id LIKE ?"
                                + " AND NOT (" + INTERRUPTED + ")", like) == 0);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        points();
        rewards();
        profiles();
        mail();
        return waited;
    }

    private void points() {
        Map<String, Long> expected = perCustomer(stream::points);
        sameNumbers("points balance per customer", expected, system.databases.numbersByKey("points-service",
                "SELECT customer_id, balance FROM points_account WHERE customer_id LIKE ?", like));
        sameNumbers("sum of ledger entries per customer", expected, system.databases.numbersByKey("points-service",
                "SELECT customer_id, sum(points) FROM ledger_entry WHERE customer_id LIKE ? GROUP BY customer_id", like));
        assertEquals(Map.of(), system.databases.numbersByKey("points-service",
                "SELECT order_id, count(*) FROM ledger_entry WHERE type = 'EARN' AND customer_id LIKE ? GROUP BY order_id HAVING count(*) > 1", like),
                "orders earned twice");
        assertEquals((long) stream.orderCount(), db("points-service", "SELECT count(*) FROM order_points WHERE customer_id LIKE ?", like));
        assertEquals(system.checkoutEvents.get(), db("points-service", "SELECT count(*) FROM processed_event"),
                "every checkout event applied once (the inbox holds each event id once)");
        for (String customer : sample()) {
            assertEquals(stream.points(customer), Rest.getJson(system.url("points-service") + "/customers/" + customer + "/points").getLong("balance"),
                    "REST balance of " + customer);
        }
    }

    private void rewards() {
        Map<String, Long> certificates = system.databases.numbersByKey("rewards-service", """
                SELECT customer_id, count(*) FROM reward WHERE kind = 'GIFT_CERTIFICATE' AND status <> 'REVOKED' AND customer_id LIKE ?
                GROUP BY customer_id""", like);
        for (String customer : stream.customers) {
            long crossings = stream.spend(customer).divide(THRESHOLD, 0, RoundingMode.FLOOR).longValueExact();
            long issued = certificates.getOrDefault(customer, 0L);
            if (stream.refunds(customer)) {
                assertTrue(issued <= crossings, customer + " has " + issued + " certificates for " + crossings + " crossings");
            } else {
                assertEquals(crossings, issued, "certificates of " + customer + " (spend " + stream.spend(customer) + ")");
            }
        }
        assertEquals(0, db("rewards-service", "SELECT count(*) FROM purchase WHERE allocated > goods_total - refunded_total AND customer_id LIKE ?", like),
                "spend that backs more than it is");
        assertEquals(Map.of(), system.databases.numbersByKey("rewards-service", """
                SELECT r.reward_id::text, sum(a.amount) FROM reward r JOIN certificate_allocation a ON a.reward_id = r.reward_id
                WHERE r.status <> 'REVOKED' AND r.customer_id LIKE ? GROUP BY r.reward_id HAVING sum(a.amount) > ?""", like, THRESHOLD),
                "certificates backed by more than one threshold of spend");
        for (String customer : sample()) {
            assertEquals(db("rewards-service", "SELECT count(*) FROM reward WHERE kind = 'GIFT_CERTIFICATE' AND status = 'ACTIVE' AND customer_id = ?", customer),
                    (long) Rest.getJson(system.url("rewards-service") + "/customers/" + customer + "/benefits").getList("giftCertificates").size(),
                    "REST certificates of " + customer);
        }
    }

    private void profiles() {
        sameNumbers("purchases per profile", perCustomer(c -> stream.orders.get(c).size()), system.databases.numbersByKey("customer-profile-service",
                "SELECT customer_id, purchases FROM customer WHERE customer_id LIKE ?", like));
        sameNumbers("total spent per profile, in cents", perCustomer(c -> stream.spend(c).movePointRight(2).longValueExact()),
                system.databases.numbersByKey("customer-profile-service", "SELECT customer_id, (total_spent * 100)::bigint FROM customer WHERE customer_id LIKE ?", like));
        assertEquals(Map.of(), system.databases.numbersByKey("customer-profile-service",
                "SELECT segment, count(*) FROM customer WHERE customer_id LIKE ? AND segment <> 'CORE' GROUP BY segment", like),
                "customers who bought and never complained are CORE");
        for (String customer : registered) {
            assertEquals("CORE", Rest.getJson(system.url("customer-profile-service") + "/customers/" + customer).getString("segment"));
        }
    }

    /**
     * At most once: a mail whose sender was killed mid-send is not sent again, so it may be
     * missing (the log says so) but never doubled.
     */
    private void mail() {
        Map<String, List<String>> subjectsByRecipient = Arrays.stream(system.smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(Invariants::recipient, Collectors.mapping(Invariants::subject, Collectors.toList())));
        Map<String, Long> sent = system.databases.numbersByKey("notification-service",
                "SELECT customer_id, count(*) FROM notification WHERE status = 'SENT' AND customer_id LIKE ? GROUP BY customer_id", like);
        Map<String, Long> interrupted = system.databases.numbersByKey("notification-service",
                "SELECT customer_id, count(*) FROM notification WHERE " + INTERRUPTED + " AND customer_id LIKE ? GROUP BY customer_id", like);
        for (String customer : registered) {
            List<String> subjects = subjectsByRecipient.getOrDefault(address(customer), List.of());
            long logged = sent.getOrDefault(customer, 0L);
            long cutOff = interrupted.getOrDefault(customer, 0L);
            assertTrue(logged <= subjects.size() && subjects.size() <= logged + cutOff,
                    customer + " received " + subjects.size() + " mails, " + logged + " logged as sent, " + cutOff + " cut off mid-send");
            long missing = 0;
            for (CheckoutStream.Order order : stream.orders.get(customer)) {
                long received = subjects.stream().filter(("Thank you for your order " + order.orderId())::equals).count();
                assertTrue(received <= 1, received + " thank-you mails for " + order.orderId());
                missing += 1 - received;
            }
            assertTrue(missing <= cutOff, customer + " is missing " + missing + " thank-you mails, " + cutOff + " were cut off mid-send");
        }
        long cutOff = interrupted.values().stream().mapToLong(Long::longValue).sum();
        if (cutOff > 0) {
            System.out.printf("%d mails were cut off mid-send (their process killed or stopped) and not sent again%n", cutOff);
        }
    }

    static String address(String customer) {
        return customer + "@mail.example";
    }

    private List<String> sample() {
        return stream.customers.subList(0, Math.min(REST_SAMPLE, stream.customers.size()));
    }

    private Map<String, Long> perCustomer(ToLongFunction<String> value) {
        Map<String, Long> values = new LinkedHashMap<>();
        stream.customers.forEach(c -> values.put(c, value.applyAsLong(c)));
        return values;
    }

    private long db(String service, String sql, Object... parameters) {
        return system.databases.number(service, sql, parameters);
    }

    private static void sameNumbers(String what, Map<String, Long> expected, Map<String, Long> actual) {
        List<String> wrong = expected.entrySet().stream()
                .filter(e -> !e.getValue().equals(actual.getOrDefault(e.getKey(), 0L)))
                .map(e -> e.getKey() + " expected " + e.getValue() + " was " + actual.get(e.getKey()))
                .toList();
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), what + ": " + wrong.size() + " wrong");
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
