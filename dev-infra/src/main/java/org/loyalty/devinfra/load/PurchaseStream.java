package org.loyalty.devinfra.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A reproducible stream of checkout events for load: event {@code i} is a purchase, except
 * every tenth, which refunds 5.00 of the order placed just before it. Event ids start with
 * {@link #idPrefix()} so that a service's inbox can be counted for this stream alone.
 */
public final class PurchaseStream {

    /** One checkout event: its id, record key (the customer), order, and for a refund its refund id, else the goods total. */
    public record Event(String id, String customerId, String orderId, String refundId, BigDecimal goods) {

        public boolean refund() {
            return refundId != null;
        }

        /** Its CloudEvent JSON, made when asked (the load generator's costliest step), stamped with that time. */
        public String json() {
            return refund() ? refundJson(id, customerId, orderId, refundId) : purchaseJson(id, customerId, orderId, goods.toPlainString());
        }
    }

    private static final BigDecimal REFUND = new BigDecimal("5.00");

    private final String run;
    private final int customers;

    public PurchaseStream(String run, int customers) {
        this.run = run;
        this.customers = customers;
    }

    public String idPrefix() {
        return "bench-" + run + "-";
    }

    public Event event(int i) {
        boolean refund = isRefund(i);
        // A refund belongs to the previous event's order and customer, which was a purchase.
        int orderIndex = refund ? i - 1 : i;
        String customer = "load-" + (orderIndex % customers);
        String order = "o-" + run + "-" + orderIndex;
        return refund
                ? new Event(idPrefix() + i, customer, order, "r-" + run + "-" + i, null)
                : new Event(idPrefix() + i, customer, order, null, goods(i));
    }

    /**
     * The first {@code count} events on each partition of checkout.purchases
     * ({@link StreamProducer#partition}), in the order they are sent.
     */
    public List<List<Event>> byPartition(int count, int partitions) {
        List<List<Event>> byPartition = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            byPartition.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            Event event = event(i);
            byPartition.get(StreamProducer.partition(event.customerId(), partitions)).add(event);
        }
        return byPartition;
    }

    /** Points the first {@code count} events earn in total: floor((goods - refunds) / 10) per order. */
    public long expectedPoints(int count) {
        long points = 0;
        for (int i = 0; i < count; i++) {
            if (isRefund(i)) {
                continue;
            }
            BigDecimal net = goods(i).subtract(i + 1 < count && isRefund(i + 1) ? REFUND : BigDecimal.ZERO);
            points += net.divide(BigDecimal.TEN, 0, RoundingMode.FLOOR).longValueExact();
        }
        return points;
    }

    private static boolean isRefund(int i) {
        return i % 10 == 9;
    }

    private static BigDecimal goods(int i) {
        return new BigDecimal((i % 400) + 10 + ".90");
    }

    /** The current millisecond and the delivery promised three days on, as ISO-8601 text. */
    private record Stamp(long millis, String now, String promised) {

        static Stamp of(long millis) {
            Instant now = Instant.ofEpochMilli(millis);
            return new Stamp(millis, now.toString(), now.plusSeconds(259200).toString());
        }
    }

    /**
     * Made once a millisecond and shared by the events of that millisecond: formatting instants
     * (and formatting the JSON with String.format) was 42 % of the load generator's CPU in the
     * measured window, taken from the cores the services are measured on (async-profiler, 100,000 events).
     */
    private static volatile Stamp stamp = Stamp.of(0);

    private static Stamp stamp() {
        long millis = System.currentTimeMillis();
        Stamp current = stamp;
        if (current.millis() != millis) {
            current = Stamp.of(millis);
            stamp = current; // a race only formats the same millisecond twice
        }
        return current;
    }

    private static String purchaseJson(String id, String customer, String order, String goods) {
        Stamp now = stamp();
        return envelope(id, "purchase.completed", customer, now, "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
                + "\",\"placedAt\":\"" + now.now() + "\",\"currency\":\"USD\",\"goodsTotal\":\"" + goods
                + "\",\"shippingTotal\":\"4.99\",\"taxTotal\":\"0.00\","
                + "\"lines\":[{\"sku\":\"MUG-01\",\"category\":\"kitchen\",\"quantity\":1,\"unitPrice\":\"" + goods + "\"}],"
                + "\"shippingMethod\":\"STANDARD\",\"promisedDeliveryBy\":\"" + now.promised() + "\",\"channel\":\"web\"}");
    }

    private static String refundJson(String id, String customer, String order, String refundId) {
        Stamp now = stamp();
        return envelope(id, "purchase.refunded", customer, now, "{\"orderId\":\"" + order + "\",\"refundId\":\"" + refundId
                + "\",\"customerId\":\"" + customer + "\",\"refundedAt\":\"" + now.now() + "\",\"currency\":\"USD\",\"goodsAmount\":\""
                + REFUND.toPlainString() + "\",\"reason\":\"damaged\"}");
    }

    private static String envelope(String id, String type, String customer, Stamp time, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"source\":\"load\",\"time\":\"" + time.now()
                + "\",\"subject\":\"" + customer + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }
}
