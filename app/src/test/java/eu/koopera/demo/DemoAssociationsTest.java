package eu.koopera.demo;

import eu.koopera.migrations.EmbeddedPostgres;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

class DemoAssociationsTest {

    private static final String PASSWORD = "demo-password-123";

    @Test
    @SuppressWarnings("unchecked")
    void demoCreatesTheThreeAssociationsOnceWithTheirMunicipalitiesFictionalContactsLpsNetworksAndEvents() throws SQLException {
        try (ApplicationContext context = start()) {
            TestClient client = new TestClient(context.getBean(EmbeddedServer.class).getURI(),
                    context.getBean(JsonMapper.class));
            assertThat(members("lps")).isEqualTo(43);
            assertThat(members("llpa")).isEqualTo(7);
            assertThat(members("lsa")).isEqualTo(60);

            String lsa = client.login("lsa", "admin", PASSWORD);
            assertThat(client.get("/api/members?q=kedainiai", bearer(lsa)).list("items"))
                    .extracting(item -> item.get("code")).containsExactly("LT-18");
            String lps = client.login("lps", "admin", PASSWORD);
            assertThat(client.get("/api/members?kind=STATE_CITY", bearer(lps)).string("total")).isEqualTo("7");
            assertThat(people("lps")).isEqualTo(3);
            assertThat(people("llpa")).isEqualTo(2);
            assertThat(people("lsa")).isEqualTo(4);
            assertThat(client.get("/api/people", bearer(lsa)).list("items")).allSatisfy(person -> {
                assertThat(person.get("email").toString()).endsWith("@example.org");
                assertThat(person.get("firstName")).isEqualTo("Demo");
                // what a Lithuanian association's staff read is in Lithuanian
                assertThat(person.get("position")).isEqualTo("Kontaktinis asmuo (išgalvotas)");
                assertThat(person.get("notes").toString()).contains("demonstraciniai");
                assertThat(person.get("phone")).isNull();
            });

            assertThat(client.get("/api/networks", bearer(lps)).string("total")).isEqualTo("5");
            List<Map<String, Object>> shared = client.get("/api/networks", bearer(lsa)).list("items");
            assertThat(shared).hasSize(1);
            String sharedId = shared.get(0).get("id").toString();
            assertThat((Map<String, Object>) shared.get(0).get("description")).containsOnlyKeys("lv", "lt", "en")
                    .containsEntry("lt", "Gyventojų dalyvavimas priimant sprendimus: dalyvaujamasis biudžetas, "
                            + "konsultacijos, bendruomenės.");
            assertThat(client.get("/api/networks/" + sharedId + "/participants", bearer(lps)).body())
                    .contains("Kauno miestas", "Klaipėdos miestas");
            assertThat(client.get("/api/networks/" + sharedId + "/meetings", bearer(lsa)).body())
                    .contains("2022-04-07T10:00");
            assertThat(client.get("/api/networks/" + sharedId + "/activities", bearer(lsa)).body())
                    .contains("Līdzdalības budžets", "Kauno miestas");
            String llpa = client.login("llpa", "admin", PASSWORD);
            assertThat(client.get("/api/networks", bearer(llpa)).string("total")).isEqualTo("0");

            assertThat(client.get("/api/events?size=100", bearer(lps)).list("items"))
                    .extracting(item -> item.get("city")).containsExactlyInAnyOrder("Valmiera", "Preiļi", "Skrunda",
                            "Jelgava", "Oslo", "Poznań", "Helsinki");
            assertThat(client.get("/api/events?size=100", bearer(lps)).list("items")).allSatisfy(event -> {
                assertThat((Map<String, Object>) event.get("title")).containsOnlyKeys("lv", "lt", "en");
                assertThat((Map<String, Object>) event.get("description")).containsOnlyKeys("lv", "lt", "en");
            });
            List<Map<String, Object>> joint = client.get("/api/events", bearer(llpa)).list("items");
            assertThat(joint).singleElement().satisfies(event -> {
                assertThat(event.get("city")).isEqualTo("Oslo");
                assertThat(event.get("counts")).isEqualTo(Map.of("confirmed", 5, "offered", 0, "waitlisted", 0,
                        "pending", 0, "placesLeft", 15));
            });

            assertThat(client.get("/api/indicators", bearer(lps)).body())
                    .contains("soc.homecare.wait", "mgmt.participation", "Generated demo data, not real figures");
            Map<String, Object> comparison = client.get("/api/comparisons?indicator=soc.homecare.wait&year=2025",
                    bearer(lps)).map();
            assertThat(comparison).containsEntry("of", 43);
            assertThat(client.get("/api/comparisons?indicator=edu.exam.math&year=2016&gender=F", bearer(lsa)).map())
                    .containsEntry("of", 60);
            assertThat(client.get("/api/plans", bearer(lps)).body()).contains("Valmieras novads", "Aprūpe mājās",
                    "\"baselineYear\":2022");

            List<Map<String, Object>> lsaAgreements = client.get("/api/agreements", bearer(lsa)).list("items");
            assertThat(lsaAgreements).singleElement().satisfies(agreement -> {
                assertThat(agreement.get("signedPlace")).isEqualTo("Dotnuva");
                assertThat(agreement.get("formsOfCooperation")).asList().hasSize(4);
            });
            Map<String, Object> fulfilment = client.get("/api/agreements/" + lsaAgreements.get(0).get("id")
                    + "/fulfilment", bearer(lsa)).map();
            assertThat(fulfilment.get("totals").toString()).contains("committed=30000", "spent=13651.14");
            assertThat(client.get("/api/agreements?type=COMMUNITY_PARTNERSHIP", bearer(lps)).list("items"))
                    .singleElement().satisfies(partnership -> assertThat(client.get("/api/agreements/"
                            + partnership.get("id") + "/plan", bearer(lps)).body()).contains("COMPATIBLE_PROCEDURES"));
        }
        try (ApplicationContext ignored = start()) {
            assertThat(members("lps")).isEqualTo(43);
            assertThat(people("lps")).isEqualTo(3);
            assertThat(people("lsa")).isEqualTo(4);
            assertThat(count("SELECT count(*) FROM platform.tenant WHERE code IN ('lps', 'llpa', 'lsa')")).isEqualTo(3);
            assertThat(count("SELECT count(*) FROM shared.network WHERE owner_tenant = 'lps'")).isEqualTo(5);
            assertThat(count("SELECT count(*) FROM shared.event WHERE owner_tenant = 'lps'")).isEqualTo(7);
            assertThat(count("SELECT count(*) FROM t_lps.indicator")).isEqualTo(8);
            assertThat(count("SELECT count(*) FROM t_lps.indicator_value")).isEqualTo(43 * 10 * (8 + 2));
            assertThat(count("SELECT count(*) FROM t_lps.improvement_plan")).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM shared.agreement WHERE owner_tenant IN ('lps', 'lsa')")).isEqualTo(3);
            assertThat(count("SELECT count(*) FROM shared.agreement_spending WHERE owner_tenant = 'lsa'")).isEqualTo(5);
            assertThat(count("SELECT count(*) FROM shared.event_registration r JOIN shared.event e ON e.id = r.event_id "
                    + "WHERE e.owner_tenant = 'lps'")).isEqualTo(5);
        }
    }

    @Test
    void demoStartsAgainOnceAnAssociationHasMoreMembersThanOnePage() throws Exception {
        try (ApplicationContext context = start()) {
            TestClient client = new TestClient(context.getBean(EmbeddedServer.class).getURI(),
                    context.getBean(JsonMapper.class));
            StringBuilder csv = new StringBuilder("code;name\n");
            for (int i = 1; i <= 120; i++) {
                csv.append(String.format("AAA-%03d;Aaa %03d%n", i, i));
            }
            String lps = client.login("lps", "admin", PASSWORD);
            assertThat(client.send("/api/members/import", "POST", csv.toString(), "text/csv", bearer(lps)).status())
                    .isEqualTo(200);
        }
        try (ApplicationContext ignored = start()) {
            assertThat(members("lps")).isEqualTo(43 + 120);
        } finally {
            try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM t_lps.member WHERE code LIKE 'AAA-%'");
            }
        }
    }

    private static ApplicationContext start() {
        EmbeddedPostgres db = TestDatabase.server();
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.username());
        properties.put("datasources.default.password", db.password());
        properties.put("koopera.jwt.secret", IntegrationTest.JWT_SECRET);
        properties.put("koopera.admin-password", IntegrationTest.OPERATOR_PASSWORD);
        properties.put("koopera.ui.enabled", false);
        properties.put("koopera.demo.enabled", true);
        properties.put("koopera.demo.password", PASSWORD);
        properties.put("micronaut.server.port", -1);
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    private static int members(String tenant) throws SQLException {
        return count("SELECT count(*) FROM t_" + tenant + ".member");
    }

    private static int people(String tenant) throws SQLException {
        return count("SELECT count(*) FROM t_" + tenant + ".person p JOIN t_" + tenant
                + ".member m ON m.id = p.member_id");
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
