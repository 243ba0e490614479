package eu.koopera.platform.mail;

import eu.koopera.support.Database;
import eu.koopera.support.Eventually;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Mailbox;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox keeps mail while the SMTP server is down, backs off, gives up after the limit, and delivers later. */
@MicronautTest(transactional = false)
class MailDeliveryTest extends IntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_ATTEMPTS = 3;

    private final Mailbox mailbox = new Mailbox();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.mail.smtp.host", "127.0.0.1",
                "koopera.mail.smtp.port", Integer.toString(mailbox.port()),
                "koopera.mail.smtp.starttls", "false",
                "koopera.mail.smtp.timeout", "2s",
                "koopera.mail.poll-interval", "200ms",
                "koopera.mail.max-attempts", Integer.toString(MAX_ATTEMPTS));
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    @Test
    void mailWaitsWhileSmtpIsDownThenIsDeliveredAndAHopelessOneFails() {
        TestClient client = new TestClient(server.getURI(), json);
        String tenant = client.createTenantWithAdmin("mail", "admin-password-123");
        String admin = client.login(tenant, "admin", "admin-password-123");
        long member = Long.parseLong(client.post("/api/members", Map.of("code", "M1", "name", "Ogre"), bearer(admin))
                .string("id"));
        String patient = invite(client, admin, member, "patient-" + tenant + "@ogre.example");
        String hopeless = invite(client, admin, member, "hopeless-" + tenant + "@ogre.example");

        Outbox.Row failedOnce = Eventually.await(TIMEOUT, "a failed first attempt", () -> Outbox.latestTo(patient)
                .filter(row -> row.attempts() == 1));
        assertThat(failedOnce.status()).isEqualTo("PENDING");
        assertThat(failedOnce.lastError()).isNotBlank();
        assertThat(failedOnce.nextAttemptAt()).isAfter(Instant.now().plusSeconds(20));

        Eventually.await(TIMEOUT, "a failed first attempt of the second mail", () -> Outbox.latestTo(hopeless)
                .filter(row -> row.attempts() == 1));
        Database.update("UPDATE platform.mail_outbox SET attempts = " + (MAX_ATTEMPTS - 1)
                + ", next_attempt_at = now() WHERE recipient = '" + hopeless + "'");
        Outbox.Row failed = Eventually.await(TIMEOUT, "the hopeless mail to fail", () -> Outbox.latestTo(hopeless)
                .filter(row -> row.status().equals("FAILED")));
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.bodyText()).as("the invitation link of a mail given up on").isEmpty();

        mailbox.start();
        Database.update("UPDATE platform.mail_outbox SET next_attempt_at = now() WHERE recipient = '" + patient + "'");
        Outbox.Row sent = Eventually.await(TIMEOUT, "the delivery", () -> Outbox.latestTo(patient)
                .filter(row -> row.status().equals("SENT")));
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(Mailbox.text(mailbox.awaitMailTo(patient, TIMEOUT))).contains("/invitation/" + tenant + "/");
        assertThat(mailbox.countTo(hopeless)).isZero();

        TestClient.Response listed = client.get("/api/platform/mail?status=FAILED", bearer(client.operatorToken()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list("items")).filteredOn(item -> hopeless.equals(item.get("recipient"))).singleElement()
                .satisfies(item -> assertThat(item.get("bodyText")).as("a body while SMTP is configured").isNull());
    }

    private static String invite(TestClient client, String admin, long member, String email) {
        long person = Long.parseLong(client.post("/api/people", Map.of("memberId", member, "firstName", "Mail",
                "lastName", "Recipient", "email", email), bearer(admin)).string("id"));
        assertThat(client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).status()).isEqualTo(201);
        return email;
    }
}
