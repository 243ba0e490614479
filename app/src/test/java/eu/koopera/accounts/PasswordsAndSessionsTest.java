package eu.koopera.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.koopera.support.Database;
import eu.koopera.support.Eventually;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.MovableClock;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Changing and resetting passwords, and the sessions they end (issue 14, items 1 and 2). */
@MicronautTest(transactional = false)
class PasswordsAndSessionsTest extends IntegrationTest {

    private static final String ADMIN_PASSWORD = "admin-password-123";
    private static final String PASSWORD = "first-password-of-a-user";
    private static final String NEW_PASSWORD = "second-password-of-a-user";

    private final MovableClock clock = new MovableClock();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String adminToken;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("pwd", ADMIN_PASSWORD);
        adminToken = client.login(tenant, "admin", ADMIN_PASSWORD);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        String user = newUser();
        Response login = login(user, PASSWORD);
        String access = login.string("access_token");

        Response wrong = client.put("/api/me/password", Map.of("currentPassword", "not-the-password-at-all",
                "newPassword", NEW_PASSWORD), bearer(access));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.string("code")).isEqualTo("current-password-wrong");

        Response changed = client.put("/api/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", NEW_PASSWORD), bearer(access));
        assertThat(changed.status()).isEqualTo(200);

        assertThat(client.get("/api/me", bearer(access)).status()).isEqualTo(401);
        assertThat(client.get("/api/me", bearer(access)).string("code")).isEqualTo("session-ended");
        assertThat(refresh(login.string("refresh_token")).status()).isEqualTo(401);
        assertThat(client.get("/api/me", bearer(changed.string("access_token"))).status()).isEqualTo(200);
        assertThat(login(user, PASSWORD).status()).isEqualTo(401);
        assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordMustBeLongUncommonAndNotTheUsername() {
        String user = newUser();
        String access = login(user, PASSWORD).string("access_token");

        assertThat(fieldCodes(client.put("/api/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "short-one"), bearer(access)))).containsExactly("password-too-short");
        assertThat(fieldCodes(client.put("/api/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "Password1234"), bearer(access)))).containsExactly("password-too-common");
        assertThat(fieldCodes(client.put("/api/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", user.toUpperCase()), bearer(access)))).contains("password-same-as-username");
        assertThat(login(user, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aResetRequestIsAnsweredAlikeForKnownAndUnknownAccounts() {
        String user = newUser();

        Response known = client.post("/api/auth/password-reset", Map.of("username", user), "X-Tenant", tenant);
        Response unknown = client.post("/api/auth/password-reset", Map.of("username", "nobody-" + user),
                "X-Tenant", tenant);

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        Outbox.Row mail = Eventually.await(Duration.ofSeconds(10), "the reset mail",
                () -> Outbox.latestTo(email(user)));
        assertThat(mail.subject()).contains("parol"); // the association speaks Latvian
        assertThat(Database.count("SELECT count(*) FROM platform.password_reset_token WHERE username = '"
                + user + "'")).isEqualTo(1);
    }

    @Test
    void aResetLinkWorksOnceStoresOnlyItsHashAndEndsAllSessions() throws Exception {
        String user = newUser();
        Response session = login(user, PASSWORD);
        String token = requestResetToken(user);

        assertThat(Database.count("SELECT count(*) FROM platform.password_reset_token WHERE token_hash = '"
                + sha256(token) + "'")).isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM platform.password_reset_token WHERE token_hash = '"
                + token + "'")).isZero();

        Response weak = client.post("/api/auth/password-reset/" + token, Map.of("newPassword", "qwertyuiop12"));
        assertThat(fieldCodes(weak)).containsExactly("password-too-common");

        Response reset = client.post("/api/auth/password-reset/" + token, Map.of("newPassword", NEW_PASSWORD));
        assertThat(reset.status()).isEqualTo(204);
        assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(client.get("/api/me", bearer(session.string("access_token"))).status()).isEqualTo(401);
        assertThat(refresh(session.string("refresh_token")).status()).isEqualTo(401);

        Response again = client.post("/api/auth/password-reset/" + token, Map.of("newPassword", PASSWORD));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.string("code")).isEqualTo("reset-link-used");
        Response unknown = client.post("/api/auth/password-reset/" + "x".repeat(43),
                Map.of("newPassword", PASSWORD));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.string("code")).isEqualTo("reset-link-unknown");
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        String user = newUser();
        String token = requestResetToken(user);

        clock.advance(Duration.ofMinutes(61));
        try {
            Response expired = client.post("/api/auth/password-reset/" + token, Map.of("newPassword", NEW_PASSWORD));
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.string("code")).isEqualTo("reset-link-expired");
        } finally {
            clock.advance(Duration.ofMinutes(-61));
        }
        assertThat(login(user, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        String user = newUser();
        Response first = login(user, PASSWORD);
        Response second = refresh(first.string("refresh_token"));
        assertThat(second.status()).isEqualTo(200);

        assertThat(refresh(first.string("refresh_token")).status()).isEqualTo(401);

        assertThat(refresh(second.string("refresh_token")).status()).isEqualTo(401);
        assertThat(refresh(login(user, PASSWORD).string("refresh_token")).status())
                .as("another sign-in is another family").isEqualTo(200);
    }

    @Test
    void refreshingCannotExtendASessionBeyondItsAbsoluteLifetime() {
        String user = newUser();
        String refresh = login(user, PASSWORD).string("refresh_token");
        try {
            for (int day = 7; day <= 28; day += 7) {
                clock.advance(Duration.ofDays(7));
                Response refreshed = refresh(refresh);
                assertThat(refreshed.status()).as("day %d", day).isEqualTo(200);
                refresh = refreshed.string("refresh_token");
            }
            clock.advance(Duration.ofDays(3)); // 31 days after sign-in, 3 after the last refresh
            assertThat(refresh(refresh).status()).isEqualTo(401);
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheCallerOnly() {
        String user = newUser();
        Response one = login(user, PASSWORD);
        Response two = login(user, PASSWORD);
        String other = newUser();
        Response others = login(other, PASSWORD);

        assertThat(client.post("/api/auth/logout-all", "", bearer(one.string("access_token"))).status())
                .isEqualTo(204);

        assertThat(client.get("/api/me", bearer(one.string("access_token"))).status()).isEqualTo(401);
        assertThat(client.get("/api/me", bearer(two.string("access_token"))).status()).isEqualTo(401);
        assertThat(refresh(two.string("refresh_token")).status()).isEqualTo(401);
        assertThat(client.get("/api/me", bearer(others.string("access_token"))).status()).isEqualTo(200);
        assertThat(client.get("/api/me", bearer(login(user, PASSWORD).string("access_token"))).status())
                .isEqualTo(200);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("admin").issuer("koopera").audience("koopera")
                .issueTime(new Date()).notBeforeTime(new Date()).claim("roles", List.of("ASSOCIATION_ADMIN"))
                .claim("tenant", tenant).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));

        assertThat(client.get("/api/members", bearer(jwt.serialize())).status()).isEqualTo(401);
    }

    @Test
    void administratorsDisableEnableAndChangeRolesOfUsers() {
        String user = newUser();
        Response session = login(user, PASSWORD);
        long id = userId(user);

        Response disabled = client.patch("/api/users/" + id, Map.of("enabled", false), bearer(adminToken));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.map().get("enabled")).isEqualTo(false);
        assertThat(client.get("/api/me", bearer(session.string("access_token"))).status()).isEqualTo(401);
        assertThat(refresh(session.string("refresh_token")).status()).isEqualTo(401);
        assertThat(login(user, PASSWORD).status()).isEqualTo(403);

        assertThat(client.patch("/api/users/" + id, Map.of("enabled", true, "roles", List.of("ASSOCIATION_ADMIN")),
                bearer(adminToken)).status()).isEqualTo(200);
        String access = login(user, PASSWORD).string("access_token");
        assertThat(client.get("/api/users", bearer(access)).status()).isEqualTo(200);

        Response badRole = client.patch("/api/users/" + id, Map.of("roles", List.of("KING")), bearer(adminToken));
        assertThat(badRole.status()).isEqualTo(400);
        Response self = client.patch("/api/users/" + userId("admin"), Map.of("enabled", false), bearer(adminToken));
        assertThat(self.status()).isEqualTo(409);
        assertThat(client.patch("/api/users/" + id, Map.of("enabled", false), bearer(
                login(newUser(), PASSWORD).string("access_token"))).status()).isEqualTo(403);
    }

    @Test
    void aForcedResetMakesTheUserChooseANewPasswordAtSignIn() {
        String user = newUser();
        Response session = login(user, PASSWORD);

        assertThat(client.patch("/api/users/" + userId(user), Map.of("mustChangePassword", true),
                bearer(adminToken)).status()).isEqualTo(200);

        assertThat(client.get("/api/me", bearer(session.string("access_token"))).status()).isEqualTo(401);
        Response refused = login(user, PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.string("code")).isEqualTo("password-change-required");
        Response weak = client.post("/api/auth/login", Map.of("username", user, "password", PASSWORD,
                "newPassword", "short"), "X-Tenant", tenant);
        assertThat(fieldCodes(weak)).containsExactly("password-too-short");
        Response changed = client.post("/api/auth/login", Map.of("username", user, "password", PASSWORD,
                "newPassword", NEW_PASSWORD), "X-Tenant", tenant);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(client.get("/api/me", bearer(changed.string("access_token"))).status()).isEqualTo(200);
        assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
    }

    private String requestResetToken(String user) {
        assertThat(client.post("/api/auth/password-reset", Map.of("username", user), "X-Tenant", tenant).status())
                .isEqualTo(202);
        Outbox.Row mail = Eventually.await(Duration.ofSeconds(10), "the reset mail",
                () -> Outbox.latestTo(email(user)));
        Matcher link = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})").matcher(mail.bodyText());
        assertThat(link.find()).as("a reset link in: %s", mail.bodyText()).isTrue();
        return link.group(1);
    }

    private String newUser() {
        String user = "user" + UUID.randomUUID().toString().substring(0, 8);
        Response created = client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", user,
                "password", PASSWORD, "email", email(user), "roles", List.of("MEMBER")),
                bearer(client.operatorToken()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return user;
    }

    private long userId(String username) {
        Response users = client.get("/api/users", bearer(adminToken));
        assertThat(users.status()).as("%s", users).isEqualTo(200);
        List<Map<String, Object>> list = json(users);
        return list.stream().filter(user -> username.equals(user.get("username")))
                .map(user -> ((Number) user.get("id")).longValue()).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> json(Response response) {
        try {
            return json.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String email(String user) {
        return user + "@" + tenant + ".example";
    }

    private Response login(String user, String password) {
        return client.post("/api/auth/login", Map.of("username", user, "password", password), "X-Tenant", tenant);
    }

    private Response refresh(String refreshToken) {
        return client.post("/api/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldCodes(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.map().get("errors");
        return Optional.ofNullable(errors).orElse(List.of()).stream().map(error -> (String) error.get("code"))
                .toList();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
