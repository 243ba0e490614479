package eu.koopera.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.support.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tenants share a pool of only two connections while hundreds of requests for both run at once. Every
 * response and every written row must belong to the tenant that asked, through Micronaut Data (create, get by id)
 * and jOOQ (search) alike.
 */
@MicronautTest(transactional = false)
class TenantIsolationTest extends IntegrationTest {

    private static final int REQUESTS = 240;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    TestClient client;
    Tenant alpha;
    Tenant beta;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "2", "datasources.default.minimum-idle", "2");
    }

    @BeforeAll
    void createTwoTenantsWithTheSameMemberCodes() {
        client = new TestClient(server.getURI(), json);
        alpha = tenant("alpha");
        beta = tenant("beta");
    }

    @Test
    void concurrentRequestsOfTwoTenantsOverTwoConnectionsNeverSeeEachOthersRows() throws Exception {
        AtomicInteger sequence = new AtomicInteger();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Tenant tenant = i % 2 == 0 ? alpha : beta;
            switch (i % 6) {
                case 0, 1 -> calls.add(() -> checkSearch(tenant));
                case 2, 3 -> calls.add(() -> checkGetById(tenant));
                default -> calls.add(() -> checkCreate(tenant, sequence.incrementAndGet()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(48);
        List<String> failures = new ArrayList<>();
        try {
            for (Future<String> result : pool.invokeAll(calls)) {
                if (result.get() != null) {
                    failures.add(result.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        assertThat(namesIn(alpha.schema())).isNotEmpty().allMatch(name -> name.startsWith("alpha "));
        assertThat(namesIn(beta.schema())).isNotEmpty().allMatch(name -> name.startsWith("beta "));
    }

    @Test
    void pooledConnectionsGoBackWithoutAnyTenantSchema() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(checkSearch(i % 2 == 0 ? alpha : beta)).isNull();
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThat(searchPath(first)).isEmpty();
            assertThat(searchPath(second)).isEmpty();
        }
    }

    @Test
    void tokenOfOneTenantIsRefusedForAnother() {
        Response crossed = client.get("/api/members", bearer(alpha.token(), "X-Tenant", beta.code()));

        assertThat(crossed.status()).isEqualTo(403);
        assertThat(crossed.contentType()).startsWith("application/problem+json");
        assertThat(crossed.body()).doesNotContain("beta ");
    }

    @Test
    void unknownTenantIsNotFoundAndMalformedTenantIsBadRequest() {
        assertThat(client.post("/api/auth/login", Map.of("username", "admin", "password", "x"),
                "X-Tenant", "nosuchtenant").status()).isEqualTo(404);
        assertThat(client.post("/api/auth/login", Map.of("username", "admin", "password", "x"),
                "X-Tenant", "t_alpha; DROP SCHEMA platform").status()).isEqualTo(400);
    }

    private String checkSearch(Tenant tenant) {
        Response page = client.get("/api/members?size=100", bearer(tenant.token()));
        if (page.status() != 200) {
            return tenant.code() + " search: " + page;
        }
        for (Map<String, Object> item : page.list("items")) {
            if (!item.get("name").toString().startsWith(tenant.prefix())) {
                return tenant.code() + " search saw " + item;
            }
        }
        return null;
    }

    private String checkGetById(Tenant tenant) {
        for (Long id : tenant.memberIds()) {
            Response member = client.get("/api/members/" + id, bearer(tenant.token()));
            if (member.status() != 200 || !member.string("name").startsWith(tenant.prefix())) {
                return tenant.code() + " get " + id + ": " + member;
            }
        }
        return null;
    }

    private String checkCreate(Tenant tenant, int n) {
        Response created = client.post("/api/members", Map.of("code", "C" + n, "name", tenant.prefix() + "created " + n),
                bearer(tenant.token()));
        return created.status() == 201 ? null : tenant.code() + " create: " + created;
    }

    private Tenant tenant(String prefix) {
        String code = client.createTenantWithAdmin(prefix, "admin-password-123");
        String token = client.login(code, "admin", "admin-password-123");
        List<Long> ids = new ArrayList<>();
        for (String memberCode : List.of("RIX", "LPX", "DGV", "JEL", "VEN")) {
            Response created = client.post("/api/members", Map.of("code", memberCode, "name",
                    prefix + " " + memberCode), bearer(token));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(Long.valueOf(created.string("id")));
        }
        return new Tenant(code, TenantCodes.schemaFor(code), prefix + " ", token, ids);
    }

    private static List<String> namesIn(String schema) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM " + schema + ".member")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static String searchPath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW search_path")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private record Tenant(String code, String schema, String prefix, String token, List<Long> memberIds) {
    }
}
