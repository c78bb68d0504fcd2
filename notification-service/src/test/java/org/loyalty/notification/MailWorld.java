package org.loyalty.notification;

import java.time.Instant;
import java.util.UUID;

import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient;

/** What the notification tests send as customer-profile-service, checkout and rewards-service. */
public final class MailWorld {

    public final KafkaTestClient kafka = KafkaTestClient.shared();
    public final Checkout checkout = new Checkout(kafka);

    public static String customer(String label) {
        return Checkout.newCustomer(label);
    }

    public static String address(String customer) {
        return customer + "@mail.example";
    }

    public void registered(String customer, String name, String locale, boolean consent) {
        send("loyalty.customers", customer, "customer.registered", """
                {"customerId":"%s","email":"%s","name":"%s","locale":"%s","marketingConsent":%s}"""
                .formatted(customer, address(customer), name, locale, consent));
    }

    public void reclassified(String customer, String from, String to) {
        send("loyalty.customers", customer, "customer.reclassified", """
                {"customerId":"%s","from":"%s","to":"%s","reasons":["test"],"repeatBuyer":true,"rfm":null}"""
                .formatted(customer, from, to));
    }

    public void shipmentDelayed(String customer, String orderId) {
        send("checkout.shipments", customer, "shipment.delayed", """
                {"orderId":"%s","customerId":"%s","promisedDeliveryBy":"2026-11-23T10:00:00Z","newEstimate":"2026-11-27T10:00:00Z",
                 "reason":"carrier backlog","cancelUrl":"https://shop.example/orders/%s/cancel"}""".formatted(orderId, customer, orderId));
    }

    public void giftCertificate(String customer, String code) {
        send("loyalty.rewards", customer, "reward.issued", """
                {"rewardId":"%s","customerId":"%s","kind":"GIFT_CERTIFICATE","code":"%s","value":{"amount":"25.00","currency":"USD"},
                 "description":"Gift certificate worth 25.00 USD","reason":"Spent 200","issuedAt":"%s","expiresAt":"2027-11-23T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), customer, code, Instant.now()));
    }

    public void surprise(String customer, String gift) {
        send("loyalty.rewards", customer, "reward.issued", """
                {"rewardId":"%s","customerId":"%s","kind":"SURPRISE_GIFT","description":"%s","reason":"Welcome to the VIP club",
                 "issuedAt":"%s"}""".formatted(UUID.randomUUID(), customer, gift, Instant.now()));
    }

    public void send(String topic, String customer, String type, String data) {
        kafka.sendStructured(topic, customer, Checkout.envelope(UUID.randomUUID().toString(), type, customer, data));
    }
}
