package org.loyalty.notification.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.notification.MailWorld.address;
import static org.loyalty.notification.SmtpServer.awaitMail;
import static org.loyalty.notification.SmtpServer.mailTo;
import static org.loyalty.notification.SmtpServer.part;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loyalty.notification.MailWorld;
import org.loyalty.notification.SmtpServer;
import org.loyalty.notification.TestClock;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Every transactional mail kind, in two languages each, over a real SMTP server. */
@QuarkusTest
class TransactionalMailTest {

    private static final MailWorld world = new MailWorld();

    @Inject
    TestClock clock;

    @Inject
    Pool database;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thankYouAtOnceAndAFeedbackRequestThreeDaysLaterInSwedishAndRussian() throws Exception {
        String anna = contact("anna", "Anna Lind", "sv", true);
        String ivan = contact("ivan", "Иван Петров", "ru", true);
        world.checkout.purchase(anna, "o-1-" + anna, "80.00");
        world.checkout.purchase(ivan, "o-2-" + ivan, "80.00");

        MimeMessage thanks = awaitMail(address(anna), 1).get(0);
        assertEquals("Tack för din beställning o-1-" + anna, thanks.getSubject());
        assertTrue(part(thanks, "text/plain").startsWith("Hej Anna Lind!"), part(thanks, "text/plain"));
        assertTrue(part(thanks, "text/html").contains("<p>Tack för att du handlar hos oss."), part(thanks, "text/html"));
        assertNull(thanks.getHeader("List-Unsubscribe"), "transactional mail has no unsubscribe header");
        MimeMessage spasibo = awaitMail(address(ivan), 1).get(0);
        assertEquals("Спасибо за ваш заказ o-2-" + ivan, spasibo.getSubject());
        assertTrue(part(spasibo, "text/plain").startsWith("Здравствуйте, Иван Петров!"));

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        MimeMessage feedback = awaitMail(address(anna), 2).get(1);
        assertEquals("Hur gick det med beställning o-1-" + anna + "?", feedback.getSubject());
        assertTrue(part(feedback, "text/plain").contains("svara på det här mejlet"));
        assertEquals("Как прошёл ваш заказ o-2-" + ivan + "?", awaitMail(address(ivan), 2).get(1).getSubject());

        given().auth().oauth2(TestTokens.ops()).get("/customers/{id}/notifications", anna).then().statusCode(200)
                .body("kind", equalTo(List.of("FEEDBACK_REQUEST", "THANK_YOU"))).body("status", equalTo(List.of("SENT", "SENT")));
        await().atMost(Duration.ofSeconds(30)).until(() -> world.kafka.recordsWithKey("loyalty.notifications", anna).size() == 2);
        assertTrue(world.kafka.recordsWithKey("loyalty.notifications", anna).get(0).value().contains("\"notification.sent\""));
    }

    @Test
    void rewardMailsSayWhatAndHowInBulgarianAndEnglish() throws Exception {
        String petar = contact("petar", "Петър", "bg", false);
        String john = contact("john", "John", "en", false);
        world.giftCertificate(petar, "GC-AAAAA-BBBBB-CCCCC-DDDDD");
        world.surprise(john, "a bouquet of flowers");

        MimeMessage certificate = awaitMail(address(petar), 1).get(0);
        assertEquals("Подаръчен ваучер за вас", certificate.getSubject());
        assertTrue(part(certificate, "text/plain").contains("Въведете кода GC-AAAAA-BBBBB-CCCCC-DDDDD"), part(certificate, "text/plain"));
        assertTrue(part(certificate, "text/plain").contains("25.00 USD"));
        MimeMessage surprise = awaitMail(address(john), 1).get(0);
        assertEquals("A little surprise for you", surprise.getSubject());
        assertTrue(part(surprise, "text/plain").contains("a bouquet of flowers is waiting for you"));
    }

    @Test
    void devotedCustomersAreWelcomedToTheVipClub() throws Exception {
        String sara = contact("sara", "Sara", "sv", true);
        String eve = contact("eve", "Eve", "en", true);
        world.reclassified(sara, "CORE", "DEVOTED");
        world.reclassified(eve, "CORE", "DEVOTED");
        assertEquals("Välkommen till VIP-klubben", awaitMail(address(sara), 1).get(0).getSubject());
        assertEquals("Welcome to the VIP club", awaitMail(address(eve), 1).get(0).getSubject());
    }

    @Test
    void aDelayNoticeGoesAtOnceWithTheCancelLinkEvenWithoutConsent() throws Exception {
        String olga = contact("olga", "Ольга", "ru", false);
        String tom = contact("tom", "Tom", "en", false);
        world.shipmentDelayed(olga, "o-9-" + olga);
        world.shipmentDelayed(tom, "o-8-" + tom);

        MimeMessage delay = awaitMail(address(olga), 1).get(0);
        assertEquals("Ваш заказ o-9-" + olga + " задерживается", delay.getSubject());
        String text = part(delay, "text/plain");
        assertTrue(text.contains("https://shop.example/orders/o-9-" + olga + "/cancel"), text);
        assertTrue(text.contains("27 ноября 2026"), text);
        assertTrue(part(delay, "text/html").contains("href=\"https://shop.example/orders/o-9-" + olga + "/cancel\""));
        MimeMessage english = awaitMail(address(tom), 1).get(0);
        assertEquals("Your order o-8-" + tom + " is running late", english.getSubject());
        assertTrue(part(english, "text/plain").contains("Cancel the order: https://shop.example/orders/o-8-" + tom + "/cancel"));
    }

    @Test
    void theSameEventTwiceSendsOneMail() throws Exception {
        String customer = contact("dup", "Dup", "en", true);
        String eventId = UUID.randomUUID().toString();
        world.checkout.purchase(eventId, customer, "o-" + customer, "10.00", Instant.now());
        world.checkout.purchase(eventId, customer, "o-" + customer, "10.00", Instant.now());
        world.shipmentDelayed(customer, "o-" + customer); // after the duplicate, on another topic: wait for it
        awaitMail(address(customer), 2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(2, mailTo(address(customer)).size(), "one thank-you and one delay notice");
    }

    @Test
    void smtpDownThenUpDeliversTheMailOnce() throws Exception {
        String customer = contact("outage", "Outage", "en", true);
        SmtpServer.stopServer();
        try {
            world.shipmentDelayed(customer, "o-" + customer);
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(customer) >= 1);
        } finally {
            SmtpServer.startServer();
        }
        assertEquals(1, awaitMail(address(customer), 1).size());
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(
                given().auth().oauth2(TestTokens.ops()).get("/customers/{id}/notifications", customer).then().extract().path("status[0]")));
        assertEquals(1, mailTo(address(customer)).size());
    }

    @Test
    void namesAndEventFieldsCannotInjectHeaders() throws Exception {
        String customer = contact("inject", "Mallory\\r\\nBcc: victim@mail.example", "en", true);
        world.checkout.purchase(customer, "o-1\\r\\nBcc: victim@mail.example", "10.00"); // JSON-escaped CR/LF
        MimeMessage mail = awaitMail(address(customer), 1).get(0);
        assertNull(mail.getHeader("Bcc"));
        assertEquals(1, mail.getAllRecipients().length);
        assertTrue(mail.getSubject().startsWith("Thank you for your order o-1 Bcc:"), mail.getSubject());
        assertTrue(part(mail, "text/plain").startsWith("Hello Mallory Bcc:"), part(mail, "text/plain"));
    }

    private String contact(String label, String name, String locale, boolean consent) {
        String customer = MailWorld.customer(label);
        world.registered(customer, name, locale, consent);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.preparedQuery("SELECT 1 FROM contact WHERE customer_id = $1")
                .execute(Tuple.of(customer)).await().atMost(Duration.ofSeconds(5)).size() == 1);
        return customer;
    }

    private int attempts(String customer) {
        return database.preparedQuery("SELECT coalesce(max(attempts), 0) FROM notification WHERE customer_id = $1")
                .execute(Tuple.of(customer)).await().atMost(Duration.ofSeconds(5)).iterator().next().getInteger(0);
    }
}
