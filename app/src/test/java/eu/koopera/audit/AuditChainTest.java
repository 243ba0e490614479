package eu.koopera.audit;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit logs are hash chains: an untouched chain verifies, and a row changed, deleted or moved behind the
 * application's back is reported at the first entry that no longer fits, through the API.
 */
@MicronautTest(transactional = false)
class AuditChainTest extends IntegrationTest {

    private static final String PASSWORD = "admin-password-123";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;

    @BeforeAll
    void setUp() {
        client = new TestClient(server.getURI(), json);
    }

    @Test
    void anUntouchedChainVerifies() {
        Tenant tenant = tenantWithMembers(3);

        Response verified = client.get("/api/audit/verify", bearer(tenant.token()));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.map()).containsEntry("ok", true);
        assertThat(((Number) verified.map().get("entries")).intValue())
                .isEqualTo(Database.count("SELECT count(*) FROM " + tenant.log()));
        assertThat(verified.map().get("firstBrokenId")).isNull();
    }

    @Test
    void aChangedSummaryIsReportedAtThatEntry() {
        Tenant tenant = tenantWithMembers(4);
        long target = entryIds(tenant).get(2);
        Database.update("UPDATE " + tenant.log() + " SET summary = 'nothing happened' WHERE id = " + target);

        assertBrokenAt(tenant, target, "content-changed");
    }

    @Test
    void aDeletedEntryIsReportedAtTheEntryAfterIt() {
        Tenant tenant = tenantWithMembers(4);
        List<Long> ids = entryIds(tenant);
        Database.update("DELETE FROM " + tenant.log() + " WHERE id = " + ids.get(2));

        assertBrokenAt(tenant, ids.get(3), "link-broken");
    }

    @Test
    void entriesSwappedInPlaceAreReportedAtTheFirstOfThem() {
        Tenant tenant = tenantWithMembers(4);
        List<Long> ids = entryIds(tenant);
        long first = ids.get(1);
        long second = ids.get(2);
        // every column but the id trades places, as if the two entries had been written in the other order
        Database.update("UPDATE " + tenant.log() + " AS a SET occurred_at = b.occurred_at, actor = b.actor,"
                + " action = b.action, entity_type = b.entity_type, entity_id = b.entity_id, summary = b.summary,"
                + " before_state = b.before_state, after_state = b.after_state, event = b.event,"
                + " params = b.params, client_address = b.client_address, prev_hash = b.prev_hash, hash = b.hash"
                + " FROM " + tenant.log() + " AS b WHERE (a.id, b.id) IN ((" + first + ", " + second + "), ("
                + second + ", " + first + "))");

        assertBrokenAt(tenant, first, "link-broken"); // the entry now in first place follows the wrong one
    }

    @Test
    void removingTheLastEntriesIsReportedThroughTheChainHead() {
        Tenant tenant = tenantWithMembers(3);
        List<Long> ids = entryIds(tenant);
        Database.update("DELETE FROM " + tenant.log() + " WHERE id = " + ids.getLast());

        assertBrokenAt(tenant, ids.getLast(), "head-mismatch");
    }

    @Test
    void twentyParallelWritersLeaveOneUnbrokenChain() throws Exception {
        Tenant tenant = tenantWithMembers(0);
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                answers.add(pool.submit(() -> client.post("/api/members", Map.of("name", "Parallel " + n,
                        "code", "PAR-" + n), bearer(tenant.token()))));
            }
            for (Future<Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
            }
        }

        Response verified = client.get("/api/audit/verify", bearer(tenant.token()));

        assertThat(verified.map()).containsEntry("ok", true);
        assertThat(Database.count("SELECT count(*) FROM " + tenant.log() + " WHERE event = 'member.created'"))
                .isEqualTo(20);
        assertThat(Database.count("SELECT count(DISTINCT prev_hash) FROM " + tenant.log()))
                .as("no two entries follow the same one").isEqualTo(Database.count("SELECT count(*) FROM "
                        + tenant.log()));
    }

    @Test
    void entriesFromBeforeTheChainAreChainedFromTheGenesisOnFirstUse() {
        Tenant tenant = tenantWithMembers(2);
        Database.update("UPDATE " + tenant.log() + " SET prev_hash = NULL, hash = NULL");
        Database.update("UPDATE t_" + tenant.code() + ".audit_chain SET last_entry_id = NULL, last_hash = NULL");

        Response verified = client.get("/api/audit/verify", bearer(tenant.token()));

        assertThat(verified.map()).containsEntry("ok", true);
        assertThat(Database.count("SELECT count(*) FROM " + tenant.log() + " WHERE hash IS NULL")).isZero();
        assertThat(Database.text("SELECT prev_hash FROM " + tenant.log() + " ORDER BY id LIMIT 1"))
                .isEqualTo("0".repeat(64));
    }

    @Test
    void onlyAdministratorsVerifyTheAssociationLog() {
        Tenant tenant = tenantWithMembers(0);
        assertThat(client.post("/api/platform/tenants/" + tenant.code() + "/users", Map.of("username", "plain",
                "password", PASSWORD, "roles", List.of("MEMBER")), bearer(client.operatorToken())).status())
                .isEqualTo(201);
        String member = client.login(tenant.code(), "plain", PASSWORD);

        assertThat(client.get("/api/audit/verify", bearer(member)).status()).isEqualTo(403);
        assertThat(client.get("/api/audit/verify").status()).isEqualTo(401);
    }

    @Test
    void operatorsVerifyThePlatformLogAndSeeWhereItWasChanged() {
        String operator = client.operatorToken();
        Response verified = client.get("/api/platform/audit/verify", bearer(operator));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.map()).containsEntry("ok", true);

        String target = Database.text("SELECT max(id) FROM platform.audit_log WHERE action = 'account.signed_in'");
        String actor = Database.text("SELECT actor FROM platform.audit_log WHERE id = " + target);
        Database.update("UPDATE platform.audit_log SET actor = 'someone-else' WHERE id = " + target);
        try {
            Response broken = client.get("/api/platform/audit/verify", bearer(operator));
            assertThat(broken.map()).containsEntry("ok", false).containsEntry("problem", "content-changed");
            assertThat(broken.map().get("firstBrokenId").toString()).isEqualTo(target);
        } finally {
            Database.update("UPDATE platform.audit_log SET actor = '" + actor + "' WHERE id = " + target);
        }
        assertThat(client.get("/api/platform/audit/verify", bearer(operator)).map()).containsEntry("ok", true);
        Tenant tenant = tenantWithMembers(0);
        assertThat(client.get("/api/platform/audit/verify", bearer(tenant.token())).status()).isEqualTo(403);
    }

    private void assertBrokenAt(Tenant tenant, long id, String problem) {
        Response verified = client.get("/api/audit/verify", bearer(tenant.token()));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.map()).containsEntry("ok", false).containsEntry("problem", problem);
        assertThat(((Number) verified.map().get("firstBrokenId")).longValue()).isEqualTo(id);
    }

    private List<Long> entryIds(Tenant tenant) {
        return Database.strings("SELECT id FROM " + tenant.log() + " ORDER BY id").stream().map(Long::valueOf)
                .toList();
    }

    private Tenant tenantWithMembers(int members) {
        String code = client.createTenantWithAdmin("chain", PASSWORD);
        String token = client.login(code, "admin", PASSWORD);
        for (int i = 0; i < members; i++) {
            assertThat(client.post("/api/members", Map.of("name", "Member " + i, "code", "M-" + i), bearer(token))
                    .status()).isEqualTo(201);
        }
        return new Tenant(code, token);
    }

    private record Tenant(String code, String token) {
        String log() {
            return "t_" + code + ".audit_log";
        }
    }
}
