package org.loyalty.system.reliability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.loyalty.devinfra.testing.Checkout;

/**
 * A stream of checkout events (purchases, and partial refunds for one customer in four) for
 * customers of its own, with what every service must make of it: the orders per customer as
 * checkout computed them. Seeded, so a failing run can be replayed.
 */
final class CheckoutStream {

    /** An order as checkout saw it: goods and the refunds against it. */
    record Order(String orderId, BigDecimal goods, List<BigDecimal> refunds) {
        BigDecimal net() {
            return refunds.stream().reduce(goods, BigDecimal::subtract);
        }

        /** points-service's rule: floor(net goods / 10) per order. */
        long points() {
            return net().divide(BigDecimal.TEN, 0, RoundingMode.FLOOR).longValueExact();
        }
    }

    final String prefix;
    final List<String> customers = new ArrayList<>();
    final Map<String, List<Order>> orders = new LinkedHashMap<>();
    final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

    CheckoutStream(String label, int events, int customerCount) {
        prefix = label + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.printf("%s stream: %,d events, %,d customers, seed %d%n", label, events, customerCount, seed);
        Random random = new Random(seed);
        for (int c = 0; c < customerCount; c++) {
            customers.add(prefix + c);
            orders.put(prefix + c, new ArrayList<>());
        }
        // All inside one six-month certificate window, so each customer's certificates follow from the total spend.
        Instant placedAt = Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < events; i++) {
            int c = i % customerCount;
            String customer = customers.get(c);
            List<Order> placed = orders.get(customer);
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(400), 2);
            Order last = placed.isEmpty() ? null : placed.get(placed.size() - 1);
            if (refunds(customer) && last != null && last.net().compareTo(amount) >= 0 && random.nextInt(4) == 0) {
                Order order = last;
                order.refunds().add(amount);
                add(customer, Checkout.refundJson(UUID.randomUUID().toString(), customer, order.orderId(),
                        order.orderId() + "-r" + order.refunds().size(), amount.toPlainString()));
            } else {
                Order order = new Order(customer + "-o" + placed.size(), BigDecimal.valueOf(500 + random.nextInt(15000), 2), new ArrayList<>());
                placed.add(order);
                add(customer, Checkout.purchaseJson(UUID.randomUUID().toString(), customer, order.orderId(),
                        order.goods().toPlainString(), placedAt.plusMillis(i)));
            }
        }
    }

    /** One customer in four also sends partial refunds. */
    boolean refunds(String customer) {
        return Integer.parseInt(customer.substring(prefix.length())) % 4 == 0;
    }

    /** The customers registered with the profile service (and so with a mail address), the first {@code count}. */
    List<String> registered(int count) {
        return customers.subList(0, Math.min(count, customers.size()));
    }

    long points(String customer) {
        return orders.get(customer).stream().mapToLong(Order::points).sum();
    }

    BigDecimal spend(String customer) {
        return orders.get(customer).stream().map(Order::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    int orderCount() {
        return orders.values().stream().mapToInt(List::size).sum();
    }

    private void add(String customer, String cloudEvent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Checkout.TOPIC, customer, cloudEvent.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        records.add(record);
    }
}
