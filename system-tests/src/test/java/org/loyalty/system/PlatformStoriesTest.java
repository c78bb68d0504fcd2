package org.loyalty.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.loyalty.devinfra.net.Ports;
import org.loyalty.devinfra.run.Platform;
import org.loyalty.devinfra.testing.Checkout;
import org.loyalty.devinfra.testing.KafkaTestClient;
import org.loyalty.devinfra.testing.SharedInfrastructure;
import org.loyalty.devinfra.testing.TestTokens;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * The whole system, as its users meet it: the four packaged services against one broker, one
 * PostgreSQL server and one SMTP server, driven only by checkout, billing and support events
 * and the REST API. The stories build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformStoriesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Platform platform;
    private static GreenMail smtp;
    private static KafkaTestClient kafka;
    private static Checkout checkout;
    private static String prefix;

    private static final String ANNA = "anna-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String FRIEND = "friend-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SILENT = "silent-" + UUID.randomUUID().toString().substring(0, 8);
    private static String annaReferralCode;

    @BeforeAll
    static void startThePlatform() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        int smtpPort = Ports.free();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        prefix = "system_" + UUID.randomUUID().toString().substring(0, 6) + "_";
        Path root = Path.of(System.getProperty("loyalty.root", "..")).toAbsolutePath().normalize();
        List<String> skipped = new ArrayList<>();
        platform = Platform.start(root, new Platform.Wiring(infrastructure.bootstrapServers(), infrastructure.postgres(), smtpPort, prefix,
                TestTokens.issuer()),
                service -> Ports.free(), Files.createDirectories(logDirectory()), skipped);
        assertEquals(List.of(), skipped, "every service is packaged before the system tests run");
        kafka = KafkaTestClient.shared();
        checkout = new Checkout(kafka);
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (prefix != null) {
            for (Platform.Service service : Platform.SERVICES) {
                SharedInfrastructure.get().postgres().dropDatabase(prefix + service.database());
            }
        }
    }

    @Test
    @Order(0)
    void theKubernetesProbesAnswerOnTheRunningServices() throws Exception {
        List<com.fasterxml.jackson.databind.JsonNode> resources = Descriptors.kustomizeDev();
        for (Platform.Service service : Platform.SERVICES) {
            var container = DeploymentDescriptorsTest.find(resources, "Deployment", service.name()).at("/spec/template/spec/containers/0");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                given().get(url(service.name()) + container.at("/" + probe + "/httpGet/path").asText()).then().statusCode(200);
            }
        }
    }

    @Test
    @Order(1)
    void aSwedishCustomerBuysThreeTimesAndEarnsPointsACertificateAndFreeShipping() throws Exception {
        annaReferralCode = register(ANNA, "Anna Svensson", "sv", true);
        awaitContactReady(ANNA);
        checkout.purchase(UUID.randomUUID().toString(), ANNA, "o1-" + ANNA, "80.00", Instant.now().minus(Duration.ofDays(120)));
        checkout.purchase(UUID.randomUUID().toString(), ANNA, "o2-" + ANNA, "70.00", Instant.now().minus(Duration.ofDays(60)));
        checkout.purchase(UUID.randomUUID().toString(), ANNA, "o3-" + ANNA, "60.00", Instant.now());

        await().atMost(PATIENCE).until(() -> points(ANNA) == 21);
        JsonPath benefits = await().atMost(PATIENCE).until(() -> benefits(ANNA), b -> b.getBoolean("freeShipping")
                && b.getList("giftCertificates").size() == 1);
        String code = benefits.getString("giftCertificates[0].code");
        assertEquals("25.00", benefits.getString("giftCertificates[0].value.amount"));
        await().atMost(PATIENCE).until(() -> "CORE".equals(profile(ANNA).getString("segment")));

        MimeMessage certificateMail = awaitMail(ANNA, m -> subject(m).equals("Ett presentkort till dig"));
        assertTrue(text(certificateMail).contains(code), "the Swedish mail carries the code");
    }

    @Test
    @Order(2)
    void aReferredFriendBuysAndTheCustomerBecomesDevoted() throws Exception {
        register(FRIEND, "Friend", "en", false, annaReferralCode);
        checkout.purchase(FRIEND, "o1-" + FRIEND, "45.00");

        await().atMost(PATIENCE).until(() -> "DEVOTED".equals(profile(ANNA).getString("segment")));
        await().atMost(PATIENCE).until(() -> benefits(ANNA).getInt("discountPercent") == 10);
        awaitMail(ANNA, m -> subject(m).equals("Välkommen till VIP-klubben"));
        awaitMail(ANNA, m -> subject(m).equals("En liten överraskning till dig"));
        List<Map<String, Object>> surprises = rewards(ANNA).stream().filter(r -> "SURPRISE_GIFT".equals(r.get("kind"))).toList();
        assertEquals(1, surprises.size());
    }

    @Test
    @Order(3)
    void aLateShipmentIsAnnouncedAtOnceWithTheCancelLink() throws Exception {
        kafka.sendStructured("checkout.shipments", ANNA, Checkout.envelope(UUID.randomUUID().toString(), "shipment.delayed", ANNA, """
                {"orderId":"o3-%s","customerId":"%s","promisedDeliveryBy":"%s","newEstimate":"%s","reason":"carrier backlog",
                 "cancelUrl":"https://shop.example/orders/o3-%s/cancel"}"""
                .formatted(ANNA, ANNA, Instant.now(), Instant.now().plus(Duration.ofDays(4)), ANNA)));
        MimeMessage delay = awaitMail(ANNA, m -> subject(m).equals("Din beställning o3-" + ANNA + " är försenad"));
        assertTrue(text(delay).contains("https://shop.example/orders/o3-" + ANNA + "/cancel"));
    }

    @Test
    @Order(4)
    void aPartialRefundReversesPointsAndRevokesTheCertificateNoLongerEarned() {
        checkout.refund(ANNA, "o3-" + ANNA, "r1-" + ANNA, "20.00");
        await().atMost(PATIENCE).until(() -> points(ANNA) == 19); // 60 - 20 = 40 keeps 4 of the order's 6 points
        await().atMost(PATIENCE).until(() -> rewards(ANNA).stream()
                .anyMatch(r -> "GIFT_CERTIFICATE".equals(r.get("kind")) && "REVOKED".equals(r.get("status"))));
        assertEquals(List.of(), benefits(ANNA).getList("giftCertificates"));
    }

    @Test
    @Order(5)
    void aNewsletterReachesOnlyThoseWhoConsentedAndOneClickUnsubscribeStopsTheNext() throws Exception {
        register(SILENT, "Silent", "en", false);
        awaitContactReady(SILENT);
        checkout.purchase(SILENT, "o1-" + SILENT, "30.00");
        await().atMost(PATIENCE).until(() -> "CORE".equals(profile(SILENT).getString("segment")));

        String first = newsletter("Autumn at the shop");
        await().atMost(PATIENCE).until(() -> "DONE".equals(given().auth().oauth2(TestTokens.marketing()).get(url("notification-service") + "/newsletters/" + first)
                .then().extract().path("status")));
        MimeMessage newsletter = awaitMail(ANNA, m -> subject(m).equals("Autumn at the shop"));
        assertTrue(mailTo(SILENT).stream().noneMatch(m -> subject(m).equals("Autumn at the shop")), "no consent, no newsletter");

        String link = newsletter.getHeader("List-Unsubscribe")[0];
        String token = URI.create(link.substring(1, link.length() - 1)).getQuery().substring("token=".length());
        given().queryParam("token", token).post(url("notification-service") + "/unsubscribe").then().statusCode(200);
        await().atMost(PATIENCE).until(() -> !profile(ANNA).getBoolean("marketingConsent"));

        String second = newsletter("Winter at the shop");
        await().atMost(PATIENCE).until(() -> "DONE".equals(given().auth().oauth2(TestTokens.marketing()).get(url("notification-service") + "/newsletters/" + second)
                .then().extract().path("status")));
        assertTrue(mailTo(ANNA).stream().noneMatch(m -> subject(m).equals("Winter at the shop")), "unsubscribed");
    }

    @Test
    @Order(6)
    void erasureRemovesPersonalDataFromEveryService() {
        given().auth().oauth2(TestTokens.customer(ANNA)).delete(url("customer-profile-service") + "/customers/" + ANNA).then().statusCode(204);
        given().auth().oauth2(TestTokens.ops()).get(url("customer-profile-service") + "/customers/" + ANNA).then().statusCode(404);
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(TestTokens.ops()).get(url("notification-service") + "/customers/" + ANNA + "/notifications")
                .then().extract().jsonPath().getList("subject", String.class).stream().allMatch("(erased)"::equals));
        // points and rewards keep only the customer id and amounts: nothing personal to erase there
        given().auth().oauth2(TestTokens.checkout()).get(url("points-service") + "/customers/" + ANNA + "/points").then().statusCode(200).body("balance", equalTo(19));
        // ... and no service's database holds her address or name any more (outbox and inbox included)
        for (Platform.Service service : Platform.SERVICES) {
            String database = prefix + service.database();
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertEquals(List.of(), PersonalDataScan.columnsHolding(SharedInfrastructure.get().postgres(), database, ANNA + "@mail.example"),
                        service.name() + " still stores the address");
                assertEquals(List.of(), PersonalDataScan.columnsHolding(SharedInfrastructure.get().postgres(), database, "Anna Svensson"),
                        service.name() + " still stores the name");
            });
        }
    }

    @Test
    @Order(7)
    void noServiceLogsAnAddressOrAName() throws Exception {
        for (Platform.Service service : Platform.SERVICES) {
            String log = Files.readString(logDirectory().resolve(service.name() + ".log"));
            for (String personal : List.of("@mail.example", "Anna Svensson", "Friend\"", "Silent\"")) {
                assertFalse(log.contains(personal), service.name() + "'s log contains " + personal);
            }
        }
    }

    // --- as the users would: REST calls and mail ---

    private static String register(String customer, String name, String locale, boolean consent) {
        return register(customer, name, locale, consent, null);
    }

    private static String register(String customer, String name, String locale, boolean consent, String referredBy) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", customer + "@mail.example", "name", name,
                "locale", locale, "marketingConsent", consent));
        if (referredBy != null) {
            body.put("referredBy", referredBy);
        }
        return given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON).body(body).put(url("customer-profile-service") + "/customers/" + customer)
                .then().statusCode(201).extract().path("referralCode");
    }

    /** notification-service learns the contact from loyalty.customers; mail for events before that has no address. */
    private static void awaitContactReady(String customer) {
        String trigger = "o0-" + customer;
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            kafka.sendStructured("checkout.shipments", customer, Checkout.envelope(UUID.randomUUID().toString(), "shipment.delayed",
                    customer, """
                    {"orderId":"%s","customerId":"%s","promisedDeliveryBy":"%s","newEstimate":"%s","cancelUrl":"https://shop.example/c"}"""
                            .formatted(trigger, customer, Instant.now(), Instant.now())));
            return !mailTo(customer).isEmpty();
        });
    }

    private static String newsletter(String subject) {
        return given().auth().oauth2(TestTokens.marketing()).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "body", "News from the shop.", "audience", "CUSTOMERS"))
                .post(url("notification-service") + "/newsletters").then().statusCode(202).extract().path("newsletterId");
    }

    private static long points(String customer) {
        var response = given().auth().oauth2(TestTokens.checkout()).get(url("points-service") + "/customers/" + customer + "/points");
        return response.statusCode() == 200 ? response.jsonPath().getLong("balance") : -1;
    }

    private static JsonPath benefits(String customer) {
        return given().auth().oauth2(TestTokens.checkout()).get(url("rewards-service") + "/customers/" + customer + "/benefits").then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> rewards(String customer) {
        return given().auth().oauth2(TestTokens.ops()).get(url("rewards-service") + "/customers/" + customer + "/rewards").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static JsonPath profile(String customer) {
        return given().auth().oauth2(TestTokens.ops()).get(url("customer-profile-service") + "/customers/" + customer).then().statusCode(200).extract().jsonPath();
    }

    private static Path logDirectory() {
        return Path.of(System.getProperty("loyalty.root", "..")).toAbsolutePath().normalize().resolve("system-tests/target/service-logs");
    }

    private static String url(String service) {
        return platform.url(service);
    }

    private static MimeMessage awaitMail(String customer, Predicate<MimeMessage> matching) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> mailTo(customer).stream().anyMatch(matching));
        return mailTo(customer).stream().filter(matching).findFirst().orElseThrow();
    }

    private static List<MimeMessage> mailTo(String customer) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(customer + "@mail.example");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

}
