package eu.koopera.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthenticationTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("auth", PASSWORD);
    }

    @Test
    void loginReturnsBearerTokensThatOpenTheApi() {
        Response login = client.post("/api/auth/login", Map.of("username", "admin", "password", PASSWORD),
                "X-Tenant", tenant);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.string("token_type")).isEqualTo("Bearer");
        assertThat(Integer.parseInt(login.string("expires_in"))).isPositive();
        assertThat(login.string("refresh_token")).isNotBlank();
        assertThat(client.get("/api/members", bearer(login.string("access_token"))).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Response wrongPassword = client.post("/api/auth/login", Map.of("username", "admin", "password", "nope"),
                "X-Tenant", tenant);
        Response unknownUser = client.post("/api/auth/login", Map.of("username", "nobody", "password", "nope"),
                "X-Tenant", tenant);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.string("detail")).isEqualTo(wrongPassword.string("detail"));
    }

    @Test
    void tenantUserCannotLogInWithoutTheirTenant() {
        assertThat(client.post("/api/auth/login", Map.of("username", "admin", "password", PASSWORD)).status())
                .isEqualTo(401);
    }

    @Test
    void repeatedFailuresFromOneAddressMakeItWaitEvenWithTheRightPassword() {
        String operator = client.operatorToken();
        client.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "victim", "password",
                "victim-password-123", "roles", List.of("MEMBER")), bearer(operator));
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("/api/auth/login", Map.of("username", "victim", "password", "guess" + i),
                    "X-Tenant", tenant).status()).isEqualTo(401);
        }
        Response rightPassword = client.post("/api/auth/login", Map.of("username", "victim", "password",
                "victim-password-123"), "X-Tenant", tenant);

        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(Long.parseLong(rightPassword.header("Retry-After"))).isPositive();
        assertThat(rightPassword.string("detail")).contains("try again");
    }

    @Test
    void refreshRotatesTheTokenAndTheOldOneStopsWorking() {
        Response login = client.post("/api/auth/login", Map.of("username", "admin", "password", PASSWORD),
                "X-Tenant", tenant);
        String refresh = login.string("refresh_token");

        Response refreshed = client.post("/api/auth/refresh", Map.of("refresh_token", refresh));
        Response reused = client.post("/api/auth/refresh", Map.of("refresh_token", refresh));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.string("refresh_token")).isNotEqualTo(refresh);
        assertThat(client.get("/api/members", bearer(refreshed.string("access_token"))).status()).isEqualTo(200);
        assertThat(reused.status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Response login = client.post("/api/auth/login", Map.of("username", "admin", "password", PASSWORD),
                "X-Tenant", tenant);

        assertThat(client.post("/api/auth/logout", Map.of("refresh_token", login.string("refresh_token"))).status())
                .isEqualTo(204);
        assertThat(client.post("/api/auth/refresh", Map.of("refresh_token", login.string("refresh_token")))
                .status()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsRejected() throws JOSEException {
        Instant past = Instant.now().minusSeconds(3600);
        String token = sign(claims(past, past.plusSeconds(60)), JWT_SECRET);

        assertUnauthorized(token);
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        String token = new PlainJWT(claims(Instant.now(), Instant.now().plusSeconds(600))).serialize();

        assertUnauthorized(token);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws JOSEException {
        String token = sign(claims(Instant.now(), Instant.now().plusSeconds(600)),
                "another-signing-key-that-is-long-enough-9876543210");

        assertUnauthorized(token);
    }

    @Test
    void tokenWithTamperedClaimsIsRejected() throws JOSEException {
        String genuine = sign(claims(Instant.now(), Instant.now().plusSeconds(600)), JWT_SECRET);
        String[] parts = genuine.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("ASSOCIATION_ADMIN", "PLATFORM_OPERATOR").getBytes(StandardCharsets.UTF_8));

        assertThat(client.get("/api/platform/tenants", bearer(parts[0] + "." + forgedPayload + "." + parts[2]))
                .status()).isEqualTo(401);
    }

    @Test
    void tokenOfAnotherIssuerOrAudienceIsRejected() throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet foreignIssuer = new JWTClaimsSet.Builder(claims(now, now.plusSeconds(600)))
                .issuer("someone-else").build();
        JWTClaimsSet foreignAudience = new JWTClaimsSet.Builder(claims(now, now.plusSeconds(600)))
                .audience("someone-else").build();

        assertUnauthorized(sign(foreignIssuer, JWT_SECRET));
        assertUnauthorized(sign(foreignAudience, JWT_SECRET));
    }

    @Test
    void wellFormedTokenWithTheRightKeyIsAccepted() throws JOSEException {
        String token = sign(claims(Instant.now(), Instant.now().plusSeconds(600)), JWT_SECRET);

        assertThat(client.get("/api/members", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void acceptedTokenIsRejectedOnceItExpires() throws Exception {
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(2);
        String token = sign(claims(now, expires), JWT_SECRET);
        assertThat(client.get("/api/members", bearer(token)).status()).isEqualTo(200);

        Thread.sleep(Duration.between(Instant.now(), expires).plusMillis(1_100));

        assertUnauthorized(token);
    }

    @Test
    void acceptedTokenWithAnotherSignatureIsRejected() throws JOSEException {
        String genuine = sign(claims(Instant.now(), Instant.now().plusSeconds(600)), JWT_SECRET);
        assertThat(client.get("/api/members", bearer(genuine)).status()).isEqualTo(200);
        int at = genuine.lastIndexOf('.') + 5;
        String forged = genuine.substring(0, at) + (genuine.charAt(at) == 'A' ? 'B' : 'A') + genuine.substring(at + 1);

        assertUnauthorized(forged);
    }

    private void assertUnauthorized(String token) {
        Response response = client.get("/api/members", bearer(token));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private JWTClaimsSet claims(Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder()
                .subject("admin")
                .issuer("koopera")
                .audience("koopera")
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("roles", List.of("ASSOCIATION_ADMIN"))
                .claim("tenant", tenant)
                .build();
    }

    private static String sign(JWTClaimsSet claims, String secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
