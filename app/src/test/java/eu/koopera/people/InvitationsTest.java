package eu.koopera.people;

import eu.koopera.support.Database;
import eu.koopera.support.Eventually;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.Mailbox;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.TenantCodes;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Invitations end to end: the mail really goes out over SMTP to an in-process GreenMail server. */
@MicronautTest(transactional = false)
class InvitationsTest extends IntegrationTest {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);
    private static final String PUBLIC_URL = "https://koopera.test";
    private static final String PASSWORD = "a-long-enough-password";

    private final Mailbox mailbox = new Mailbox();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;
    long member;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.mail.smtp.host", "127.0.0.1",
                "koopera.mail.smtp.port", Integer.toString(mailbox.port()),
                "koopera.mail.smtp.starttls", "false",
                "koopera.mail.poll-interval", "200ms",
                "koopera.mail.from", "Koopera <no-reply@koopera.test>",
                "koopera.public-url", PUBLIC_URL + "/");
    }

    @BeforeAll
    void setUp() {
        mailbox.start();
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("inv", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
        member = Long.parseLong(client.post("/api/members", Map.of("code", "LV-067", "name", "Ogres novads"),
                bearer(admin)).string("id"));
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    @Test
    void invitedPersonReceivesTheLinkAcceptsAndLogsIn() throws MessagingException {
        String email = unique("ilze") + "@ogre.example";
        long person = person("Ilze", "Kalniņa", email);

        Response invited = client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.header("Location")).isEqualTo("/api/invitations/" + invited.string("id"));
        assertThat(invited.map()).containsEntry("status", "PENDING").containsEntry("email", email)
                .containsEntry("roles", List.of("MEMBER")).doesNotContainKey("token");

        MimeMessage mail = mailbox.awaitMailTo(email, MAIL_TIMEOUT);
        String text = Mailbox.text(mail);
        assertThat(mail.getSubject()).isEqualTo("Koopera: ielūgums — Association " + tenant);
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@koopera.test");
        assertThat(text).contains("Labdien!").contains("„Association " + tenant + "” aicina Jūs")
                .contains(PUBLIC_URL + "/invitation/" + tenant + "/");
        String token = Outbox.invitationToken(text, tenant);
        assertThat(Mailbox.html(mail)).get().asString().contains("<a href=\"" + PUBLIC_URL + "/invitation/");
        assertThat(Database.text("SELECT token_hash FROM " + schema() + ".invitation WHERE id = "
                + invited.string("id"))).hasSize(64).doesNotContain(token);

        Response described = client.get(publicPath(token));
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.map()).containsEntry("tenantCode", tenant).containsEntry("tenantName",
                "Association " + tenant).containsEntry("personName", "Ilze Kalniņa").containsEntry("email", email);

        String username = unique("ilze");
        Response accepted = client.post(publicPath(token) + "/accept", Map.of("username", username,
                "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.map()).containsEntry("username", username).containsEntry("roles", List.of("MEMBER"));

        String user = client.login(tenant, username, PASSWORD);
        Response me = client.get("/api/me", bearer(user));
        assertThat(me.body()).contains("\"lastName\":\"Kalniņa\"").contains("\"name\":\"Ogres novads\"");
        assertThat(client.get("/api/people/" + person, bearer(admin)).map()).containsEntry("username", username)
                .containsEntry("roles", List.of("MEMBER"));

        Response reused = client.post(publicPath(token) + "/accept", Map.of("username", unique("again"),
                "password", PASSWORD));
        assertGone(reused, "invitation-used");
        assertGone(client.get(publicPath(token)), "invitation-used");
        assertThat(client.get("/api/invitations?status=ACCEPTED", bearer(admin)).list("items"))
                .extracting(item -> item.get("email")).contains(email);
        assertThat(Outbox.latestTo(email).orElseThrow()).satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.bodyText()).isEmpty();
        });
    }

    @Test
    void acceptanceAndInvitationsAreAudited() {
        String email = unique("audit") + "@ogre.example";
        long person = person("Auditētā", "Persona", email);
        String id = client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).string("id");
        String username = unique("audited");
        accept(tokenFromMail(email), username);

        List<Map<String, Object>> invitation = client.get("/api/audit?entityType=invitation&entityId=" + id,
                bearer(admin)).list("items");
        List<Map<String, Object>> account = client.get("/api/audit?entityType=account&actor=" + username,
                bearer(admin)).list("items");

        assertThat(invitation).extracting(item -> item.get("action") + " " + item.get("actor"))
                .containsExactly("UPDATE " + username, "CREATE admin");
        assertThat(invitation.getFirst().get("before").toString()).contains("\"status\": \"PENDING\"");
        assertThat(invitation.getFirst().get("after").toString()).contains("\"status\": \"ACCEPTED\"");
        assertThat(account).hasSize(1);
        assertThat(account.getFirst().get("after").toString()).contains(username).doesNotContain("password");
        assertThat(client.get("/api/audit?entityType=person&entityId=" + person + "&action=UPDATE",
                bearer(admin)).list("items")).hasSize(1);
    }

    @Test
    void anExpiredInvitationIsGoneUntilResentWithANewLink() {
        String email = unique("late") + "@ogre.example";
        long person = person("Vēlā", "Persona", email);
        String id = client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).string("id");
        String token = tokenFromMail(email);
        Database.update("UPDATE " + schema() + ".invitation SET expires_at = now() - interval '1 minute' WHERE id = "
                + id);

        assertGone(client.get(publicPath(token)), "invitation-expired");
        assertGone(client.post(publicPath(token) + "/accept", Map.of("username", unique("late"), "password",
                PASSWORD)), "invitation-expired");
        assertThat(client.get("/api/invitations/" + id, bearer(admin)).string("status")).isEqualTo("EXPIRED");
        assertThat(client.get("/api/invitations?status=EXPIRED", bearer(admin)).list("items"))
                .extracting(item -> item.get("id").toString()).contains(id);

        Response resent = client.post("/api/invitations/" + id + "/resend", "", bearer(admin));
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.string("status")).isEqualTo("PENDING");
        String newToken = Eventually.await(MAIL_TIMEOUT, "the resent mail", () -> mailbox.countTo(email) == 2
                ? Optional.of(Outbox.invitationToken(Mailbox.text(mailbox.awaitMailTo(email, MAIL_TIMEOUT)), tenant))
                : Optional.empty());
        assertThat(newToken).isNotEqualTo(token);
        assertThat(client.get(publicPath(token)).status()).isEqualTo(404);
        assertThat(client.get(publicPath(newToken)).status()).isEqualTo(200);
    }

    @Test
    void aRevokedInvitationIsGone() {
        String email = unique("revoked") + "@ogre.example";
        long person = person("Atsauktā", "Persona", email);
        String id = client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).string("id");
        String token = tokenFromMail(email);

        Response revoked = client.post("/api/invitations/" + id + "/revoke", "", bearer(admin));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.string("status")).isEqualTo("REVOKED");
        assertGone(client.get(publicPath(token)), "invitation-revoked");
        assertGone(client.post(publicPath(token) + "/accept", Map.of("username", unique("revoked"), "password",
                PASSWORD)), "invitation-revoked");
        assertThat(client.post("/api/invitations/" + id + "/revoke", "", bearer(admin)).status()).isEqualTo(409);
        assertThat(client.post("/api/invitations/" + id + "/resend", "", bearer(admin)).status()).isEqualTo(409);
    }

    @Test
    void aLinkSentToAnAddressThePersonNoLongerHasIsGone() {
        String mistyped = unique("mistyped") + "@ogre.example";
        long person = person("Pārrakstītā", "Adrese", mistyped);
        client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("ASSOCIATION_ADMIN")),
                bearer(admin));
        String token = tokenFromMail(mistyped);
        Response corrected = client.put("/api/people/" + person, Map.of("memberId", member, "firstName",
                "Pārrakstītā", "lastName", "Adrese", "email", unique("corrected") + "@ogre.example",
                "version", client.get("/api/people/" + person, bearer(admin)).map().get("version")), bearer(admin));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

        assertGone(client.get(publicPath(token)), "invitation-revoked");
        assertGone(client.post(publicPath(token) + "/accept", Map.of("username", unique("taker"), "password",
                PASSWORD)), "invitation-revoked");
        assertThat(client.get("/api/people/" + person, bearer(admin)).map().get("userId")).isNull();
    }

    @Test
    void invitingAgainRevokesThePendingInvitation() {
        String email = unique("twice") + "@ogre.example";
        long person = person("Divreiz", "Aicinātā", email);
        String first = client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).string("id");
        String firstToken = tokenFromMail(email);

        Response second = client.post("/api/people/" + person + "/invitations",
                Map.of("roles", List.of("MEMBER", "NETWORK_COORDINATOR")), bearer(admin));

        assertThat(second.status()).isEqualTo(201);
        assertThat(client.get("/api/invitations/" + first, bearer(admin)).string("status")).isEqualTo("REVOKED");
        assertGone(client.get(publicPath(firstToken)), "invitation-revoked");
        String secondToken = Eventually.await(MAIL_TIMEOUT, "the second mail", () -> mailbox.countTo(email) == 2
                ? Optional.of(Outbox.invitationToken(Mailbox.text(mailbox.awaitMailTo(email, MAIL_TIMEOUT)), tenant))
                : Optional.empty());
        assertThat(client.get(publicPath(secondToken)).map()).containsEntry("roles",
                List.of("MEMBER", "NETWORK_COORDINATOR"));
    }

    @Test
    void badCredentialsOrATakenUsernameCreateNothingAndKeepTheInvitation() {
        String email = unique("creds") + "@ogre.example";
        long person = person("Paroles", "Pārbaude", email);
        client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")), bearer(admin));
        String token = tokenFromMail(email);
        int users = Database.count("SELECT count(*) FROM " + schema() + ".app_user");

        Response shortPassword = client.post(publicPath(token) + "/accept", Map.of("username", unique("creds"),
                "password", "too-short"));
        Response badUsername = client.post(publicPath(token) + "/accept", Map.of("username", "no spaces please",
                "password", PASSWORD));
        Response taken = client.post(publicPath(token) + "/accept", Map.of("username", "admin", "password", PASSWORD));
        Response malformed = client.post(publicPath(token) + "/accept", "{\"username\": ", new String[0]);

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.list("errors")).extracting(error -> error.get("field")).containsExactly("password");
        assertThat(badUsername.status()).isEqualTo(400);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(Database.count("SELECT count(*) FROM " + schema() + ".app_user")).isEqualTo(users);
        assertThat(client.get(publicPath(token)).status()).isEqualTo(200);
        assertThat(client.get("/api/people/" + person, bearer(admin)).string("userId")).isNull();
    }

    @Test
    void unknownLinksAreNotFoundAndTokensDoNotCrossTenants() {
        String email = unique("cross") + "@ogre.example";
        long person = person("Citas", "Apvienības", email);
        client.post("/api/people/" + person + "/invitations", Map.of("roles", List.of("MEMBER")), bearer(admin));
        String token = tokenFromMail(email);
        String other = client.createTenantWithAdmin("inv2", "admin-password-123");

        assertThat(client.get("/api/public/invitations/" + other + "/" + token).status()).isEqualTo(404);
        assertThat(client.get("/api/public/invitations/nosuchtenant/" + token).status()).isEqualTo(404);
        assertThat(client.get("/api/public/invitations/" + tenant + "/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(client.get("/api/public/invitations/" + tenant + "/short").status()).isEqualTo(404);
        assertThat(client.get("/api/public/invitations/" + tenant + "/" + token, "X-Tenant", other).status())
                .isEqualTo(200);
    }

    @Test
    void onlyAdministratorsInviteAndOnlyPeopleWithAnEmailAndNoAccount() {
        long withoutEmail = person("Bez", "Epasta", null);
        client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "plain-member", "password",
                "member-password-123", "roles", List.of("MEMBER")), bearer(client.operatorToken()));
        String plainMember = client.login(tenant, "plain-member", "member-password-123");
        long someone = person("Kāds", "Cits", unique("someone") + "@ogre.example");

        assertThat(client.post("/api/people/" + withoutEmail + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).status()).isEqualTo(409);
        assertThat(client.post("/api/people/" + someone + "/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(plainMember)).status()).isEqualTo(403);
        assertThat(client.post("/api/people/" + someone + "/invitations", Map.of("roles", List.of("OPERATOR")),
                bearer(admin)).status()).isEqualTo(400);
        assertThat(client.post("/api/people/" + someone + "/invitations", Map.of("roles", List.of()),
                bearer(admin)).status()).isEqualTo(400);
        assertThat(client.post("/api/people/999999/invitations", Map.of("roles", List.of("MEMBER")),
                bearer(admin)).status()).isEqualTo(404);
        assertThat(client.get("/api/invitations", bearer(plainMember)).status()).isEqualTo(403);
    }

    private long person(String firstName, String lastName, String email) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("memberId", member, "firstName", firstName,
                "lastName", lastName));
        if (email != null) {
            body.put("email", email);
        }
        Response created = client.post("/api/people", body, bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    private String tokenFromMail(String email) {
        return Outbox.invitationToken(Mailbox.text(mailbox.awaitMailTo(email, MAIL_TIMEOUT)), tenant);
    }

    private void accept(String token, String username) {
        Response accepted = client.post(publicPath(token) + "/accept", Map.of("username", username,
                "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    private String publicPath(String token) {
        return "/api/public/invitations/" + tenant + "/" + token;
    }

    private static void assertGone(Response response, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(410);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.string("type")).isEqualTo("https://koopera.eu/problems/" + type);
    }

    private String schema() {
        return TenantCodes.schemaFor(tenant);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
