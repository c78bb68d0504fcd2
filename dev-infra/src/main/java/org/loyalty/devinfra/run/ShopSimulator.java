package org.loyalty.devinfra.run;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plays a shop for a handful of customers ({@code c-1} ... {@code c-N}): it registers them
 * (c-2 and c-3 referred by c-1) with customer-profile-service, then sends what checkout,
 * billing and support would, as contract CloudEvents keyed by customer id: purchases with
 * realistic baskets, now and then a partial refund, invoices (c-4 pays late) and complaints
 * (c-5 complains a lot).
 */
public final class ShopSimulator implements Runnable, AutoCloseable {

    private static final String[][] PRODUCTS = {
            {"MUG-01", "kitchen", "12.50"}, {"TEA-07", "grocery", "8.90"}, {"LAMP-3", "home", "64.00"},
            {"BOOT-42", "shoes", "119.00"}, {"SCARF-9", "apparel", "29.95"}, {"KNIFE-2", "kitchen", "45.00"},
            {"RUG-11", "home", "189.00"}, {"SOCKS-5", "apparel", "6.49"}};

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Random random = new Random();
    private final int customers;
    private final Duration interval;
    private final Map<String, List<Order>> ordersByCustomer = new HashMap<>();
    private volatile boolean running = true;
    private long sent;

    private record Order(String orderId, BigDecimal goodsTotal, BigDecimal[] refunded) {
    }

    public ShopSimulator(String bootstrapServers, int customers, Duration interval) {
        this.customers = customers;
        this.interval = interval;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    @Override
    public void run() {
        while (running) {
            String customer = "c-" + (1 + random.nextInt(customers));
            List<Order> orders = ordersByCustomer.computeIfAbsent(customer, c -> new ArrayList<>());
            int dice = random.nextInt(10);
            if (!orders.isEmpty() && dice < 2) {
                refundPartOf(customer, orders.get(random.nextInt(orders.size())));
            } else if (dice == 2) {
                invoice(customer, "c-4".equals(customer));
            } else if (dice == 3 && "c-5".equals(customer)) {
                complaint(customer);
            } else {
                orders.add(purchase(customer));
            }
            sent++;
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public long sent() {
        return sent;
    }

    private Order purchase(String customer) {
        String orderId = "o-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode data = mapper.createObjectNode().put("orderId", orderId).put("customerId", customer).put("placedAt", now.toString())
                .put("currency", "USD");
        var lines = data.putArray("lines");
        BigDecimal goods = BigDecimal.ZERO;
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            int quantity = 1 + random.nextInt(2);
            BigDecimal unitPrice = new BigDecimal(product[2]);
            goods = goods.add(unitPrice.multiply(BigDecimal.valueOf(quantity)));
            lines.addObject().put("sku", product[0]).put("category", product[1]).put("quantity", quantity).put("unitPrice", product[2]);
        }
        data.put("goodsTotal", goods.toPlainString()).put("shippingTotal", "4.99").put("taxTotal", "0.00")
                .put("shippingMethod", "STANDARD").put("promisedDeliveryBy", now.plus(3, ChronoUnit.DAYS).toString())
                .put("channel", random.nextBoolean() ? "web" : "mobile");
        send(customer, "purchase.completed", data);
        return new Order(orderId, goods, new BigDecimal[] {BigDecimal.ZERO});
    }

    private void refundPartOf(String customer, Order order) {
        BigDecimal left = order.goodsTotal().subtract(order.refunded()[0]);
        if (left.signum() <= 0) {
            return;
        }
        BigDecimal amount = left.multiply(BigDecimal.valueOf(0.2 + random.nextDouble() * 0.5)).setScale(2, RoundingMode.HALF_UP);
        if (amount.signum() <= 0) {
            return;
        }
        order.refunded()[0] = order.refunded()[0].add(amount);
        ObjectNode data = mapper.createObjectNode().put("orderId", order.orderId())
                .put("refundId", "r-" + UUID.randomUUID().toString().substring(0, 8)).put("customerId", customer)
                .put("refundedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).put("currency", "USD")
                .put("goodsAmount", amount.toPlainString()).put("reason", "returned item");
        send(customer, "purchase.refunded", data);
    }

    /**
     * Registers every customer over REST, as the shop does with its checkout token; c-2 and c-3
     * are referred by c-1. Returns what failed, if anything.
     */
    public List<String> registerCustomers(String profileServiceUrl, String bearerToken) {
        List<String> failures = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        String[] locales = {"en", "sv", "ru", "bg"};
        String referralCode = null;
        for (int i = 1; i <= customers; i++) {
            String customer = "c-" + i;
            ObjectNode body = mapper.createObjectNode().put("email", customer + "@shop.example").put("name", "Customer " + i)
                    .put("locale", locales[i % locales.length]).put("marketingConsent", i % 2 == 1);
            if (referralCode != null && i <= 3) {
                body.put("referredBy", referralCode);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(profileServiceUrl + "/customers/" + customer))
                        .header("content-type", "application/json").header("authorization", "Bearer " + bearerToken).PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    failures.add(customer + ": " + response.statusCode());
                } else if (i == 1) {
                    referralCode = mapper.readTree(response.body()).path("referralCode").asText();
                }
            } catch (java.io.IOException e) {
                failures.add(customer + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failures;
            }
        }
        return failures;
    }

    private void invoice(String customer, boolean paysLate) {
        Instant due = Instant.now().minus(paysLate ? 20 : 2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant paid = paysLate ? due.plus(9, ChronoUnit.DAYS) : due.minus(1, ChronoUnit.DAYS);
        ObjectNode data = mapper.createObjectNode().put("invoiceId", "i-" + UUID.randomUUID().toString().substring(0, 8))
                .put("customerId", customer).put("currency", "USD").put("amount", "49.90")
                .put("dueAt", due.toString()).put("paidAt", paid.toString());
        send("billing.invoices", customer, "invoice.paid", data);
    }

    private void complaint(String customer) {
        ObjectNode data = mapper.createObjectNode().put("complaintId", "k-" + UUID.randomUUID().toString().substring(0, 8))
                .put("customerId", customer).put("filedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("category", "delivery").put("summary", "The parcel came late");
        send("support.complaints", customer, "complaint.filed", data);
    }

    private void send(String customer, String type, ObjectNode data) {
        send("checkout.purchases", customer, type, data);
    }

    private void send(String topic, String customer, String type, ObjectNode data) {
        ObjectNode envelope = mapper.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("type", type).put("source", "shop-simulator").put("time", Instant.now().toString())
                .put("subject", customer).put("datacontenttype", "application/json");
        envelope.set("data", data);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, customer, envelope.toString());
        record.headers().add("content-type", "application/cloudevents+json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(record);
    }

    @Override
    public void close() {
        running = false;
        producer.close(Duration.ofSeconds(5));
    }
}
