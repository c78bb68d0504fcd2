package org.loyalty.notification.newsletter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loyalty.notification.MailWorld.address;
import static org.loyalty.notification.SmtpServer.mailTo;
import static org.loyalty.notification.SmtpServer.part;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.loyalty.notification.MailWorld;
import org.loyalty.devinfra.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Newsletters reach only those who consented, carry one-click unsubscribe, and unsubscribing sticks. */
@QuarkusTest
class NewsletterTest {

    private static final MailWorld world = new MailWorld();

    @Inject
    Pool database;

    @Test
    void aNewsletterReachesOnlyConsentingCustomersAndOneClickUnsubscribeStopsTheNext() throws Exception {
        String devoted = contact("nl-devoted", "sv", true, "DEVOTED");
        String noConsent = contact("nl-silent", "en", false, "CORE");
        String dead = contact("nl-dead", "en", true, "DEAD");
        String prospect = contact("nl-prospect", "en", true, "PROSPECT");

        String newsletterId = sendNewsletter("Autumn news", "Hello from the shop.\n\nNew mugs have arrived.", "CUSTOMERS", "DEVOTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> newsletters(devoted).size() == 1);
        MimeMessage mail = newsletters(devoted).get(0); // the DEVOTED customer also got the VIP welcome
        assertEquals("Autumn news", mail.getSubject());
        assertTrue(part(mail, "text/plain").contains("New mugs have arrived."));
        String listUnsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertTrue(listUnsubscribe.matches("<https://.+/unsubscribe\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>"), listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        // Other tests' DEVOTED contacts share this database: every recipient got it, none failed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.marketing()).get("/newsletters/{id}", newsletterId).then()
                .body("status", equalTo("DONE")).body("failed", equalTo(0)));
        var progress = given().auth().oauth2(TestTokens.marketing()).get("/newsletters/{id}", newsletterId).then().extract().jsonPath();
        assertEquals(progress.getInt("recipients"), progress.getInt("sent"));
        for (String other : new String[] {noConsent, dead, prospect}) {
            assertEquals(0, newsletters(other).size(), other + " is not on this list");
        }

        String token = URI.create(listUnsubscribe.substring(1, listUnsubscribe.length() - 1)).getQuery().substring("token=".length());
        given().queryParam("token", token).get("/unsubscribe").then().statusCode(200).contentType(ContentType.HTML);
        given().queryParam("token", token).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post("/unsubscribe")
                .then().statusCode(200);
        given().queryParam("token", token).post("/unsubscribe").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> world.kafka.recordsWithKey("loyalty.notifications", devoted).stream()
                .anyMatch(r -> r.value().contains("\"customer.unsubscribed\"")));

        String second = sendNewsletter("Winter news", "Snow is coming.", "CUSTOMERS", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.marketing()).get("/newsletters/{id}", second).then().body("status", equalTo("DONE")));
        assertEquals(1, newsletters(devoted).size(), "no newsletter after unsubscribing");
        assertEquals(1, world.kafka.recordsWithKey("loyalty.notifications", devoted).stream()
                .filter(r -> r.value().contains("\"customer.unsubscribed\"")).count(), "published once");
    }

    @Test
    void forgedTokensAndBadRequestsAreRefused() {
        given().queryParam("token", "YWxpY2U.c2lnbmF0dXJl").post("/unsubscribe").then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", equalTo("token"));
        given().post("/unsubscribe").then().statusCode(400);
        given().auth().oauth2(TestTokens.marketing()).contentType(ContentType.JSON).body(Map.of("subject", "Hi\r\nBcc: all@example.com", "body", "x", "audience", "CUSTOMERS"))
                .post("/newsletters").then().statusCode(400).body("invalidParams[0].name", equalTo("subject"));
        given().auth().oauth2(TestTokens.marketing()).contentType(ContentType.JSON).body(Map.of("subject", "Hi", "body", "x", "audience", "PROSPECTS", "segment", "CORE"))
                .post("/newsletters").then().statusCode(422).body("invalidParams[0].name", equalTo("segment"));
    }

    private static java.util.List<MimeMessage> newsletters(String customer) {
        return mailTo(address(customer)).stream().filter(NewsletterTest::isNewsletter).toList();
    }

    private static boolean isNewsletter(MimeMessage message) {
        try {
            return message.getHeader("List-Unsubscribe") != null;
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static String sendNewsletter(String subject, String body, String audience, String segment) {
        Map<String, Object> request = segment == null ? Map.of("subject", subject, "body", body, "audience", audience)
                : Map.of("subject", subject, "body", body, "audience", audience, "segment", segment);
        return given().auth().oauth2(TestTokens.marketing()).contentType(ContentType.JSON).body(request).post("/newsletters").then().statusCode(202)
                .extract().path("newsletterId");
    }

    private String contact(String label, String locale, boolean consent, String segment) {
        String customer = MailWorld.customer(label);
        world.registered(customer, "Customer " + label, locale, consent);
        world.reclassified(customer, "PROSPECT", segment);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.preparedQuery("SELECT segment FROM contact WHERE customer_id = $1")
                .execute(Tuple.of(customer)).await().atMost(Duration.ofSeconds(5)).stream()
                .anyMatch(row -> segment.equals(row.getString(0))));
        return customer;
    }
}
