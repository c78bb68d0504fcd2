package org.loyalty.notification.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loyalty.notification.MailWorld.address;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.loyalty.notification.SmtpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** At most once: a mail whose sender died after claiming it is marked FAILED, never sent (again). */
@QuarkusTest
class InterruptedSendTest {

    @Inject
    Pool database;

    @Test
    void aMailCutOffMidSendIsMarkedFailedAndNotSentAgain() {
        String customer = "cut-off-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        // the row as a sender killed between its claim and its mark leaves it
        database.preparedQuery("""
                INSERT INTO notification (notification_id, customer_id, source_event_id, kind, status, recipient, subject, body_text,
                    due_at, created_at, sending_since)
                VALUES ($1, $2, $3, 'THANK_YOU', 'PENDING', $4, 'Thank you', 'Thanks.', now(), now(), now() - interval '1 day')""")
                .execute(Tuple.of(id, customer, UUID.randomUUID().toString(), address(customer))).await().indefinitely();

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(database.preparedQuery(
                "SELECT status FROM notification WHERE notification_id = $1").execute(Tuple.of(id)).await().indefinitely()
                .iterator().next().getString(0)));
        assertEquals(List.of(), SmtpServer.mailTo(address(customer)));
    }
}
