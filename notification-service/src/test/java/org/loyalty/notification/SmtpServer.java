package org.loyalty.notification;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.loyalty.devinfra.net.Ports;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on a free port for the tests, which they may stop and start again. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static GreenMail server;
    private static final List<MimeMessage> earlier = new ArrayList<>();

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            port = Ports.free();
            startServer();
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "notification.sender.first-backoff", "PT1S");
    }

    @Override
    public void stop() {
        // One server per test JVM, like the broker; it goes with the JVM.
    }

    public static synchronized void stopServer() {
        earlier.addAll(Arrays.asList(server.getReceivedMessages()));
        server.stop();
    }

    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Every mail received for {@code address}, in arrival order. */
    public static synchronized List<MimeMessage> mailTo(String address) {
        List<MimeMessage> all = new ArrayList<>(earlier);
        all.addAll(Arrays.asList(server.getReceivedMessages()));
        return all.stream().filter(message -> isFor(message, address)).toList();
    }

    public static List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> mailTo(address).size() >= count);
        return mailTo(address);
    }

    /** The text/plain or text/html part of a multipart/alternative mail. */
    public static String part(MimeMessage message, String type) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            return findPart((Multipart) content, type);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String findPart(Multipart multipart, String type) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = findPart(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        return null;
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().contains(address));
        } catch (MessagingException e) {
            return false;
        }
    }

}
