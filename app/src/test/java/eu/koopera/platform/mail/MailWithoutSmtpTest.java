package eu.koopera.platform.mail;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP host nothing sends: mail stays pending in the outbox, which operators can list. */
@MicronautTest(transactional = false)
class MailWithoutSmtpTest extends IntegrationTest {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.mail.poll-interval", "100ms");
    }

    @Test
    void mailStaysPendingAndOperatorsReadItInTheOutbox() throws InterruptedException {
        TestClient client = new TestClient(server.getURI(), json);
        String tenant = client.createTenantWithAdmin("nomail", "admin-password-123");
        String admin = client.login(tenant, "admin", "admin-password-123");
        long member = Long.parseLong(client.post("/api/members", Map.of("code", "M1", "name", "Ogre"), bearer(admin))
                .string("id"));
        String email = "waiting-" + tenant + "@ogre.example";
        long person = Long.parseLong(client.post("/api/people", Map.of("memberId", member, "firstName", "Gaidošā",
                "lastName", "Persona", "email", email), bearer(admin)).string("id"));

        client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")), bearer(admin));
        // Nothing can be awaited for an absence: give a sender, if one existed, a few polling rounds.
        Thread.sleep(1_000);

        assertThat(context.containsBean(MailSender.class)).isFalse();
        Outbox.Row row = Outbox.latestTo(email).orElseThrow();
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isZero();
        assertThat(row.subject()).contains("Association " + tenant);
        TestClient.Response listed = client.get("/api/platform/mail?status=PENDING&size=200",
                bearer(client.operatorToken()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list("items")).filteredOn(item -> email.equals(item.get("recipient"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("tenantCode", tenant).containsEntry("attempts", 0)
                        .doesNotContainKey("bodyHtml")
                        .satisfies(entry -> assertThat((String) entry.get("bodyText"))
                                .contains("/invitation/" + tenant + "/")));
        assertThat(client.get("/api/platform/mail", bearer(admin)).status()).isEqualTo(403);
        assertThat(client.get("/api/platform/mail?status=LOST", bearer(client.operatorToken())).status())
                .isEqualTo(400);
    }
}
