package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Partner search over the association's members, the members other associations share, and the foreign
 * municipalities it imported; an association that does not opt in is never found by another, and none writes
 * another's directory.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerSearchTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TenantAdmission admission;
    @Inject
    TenantRegistry registry;
    @Inject
    TransactionOperations<Connection> transactions;

    TestClient client;
    Association lps;
    Association lsa;
    Association third;
    long valmiera;
    long cesis;
    long kedainiai;

    @BeforeAll
    void threeAssociationsWithProfiledMembers() {
        client = new TestClient(server.getURI(), json);
        Associations arrange = new Associations(client);
        lps = arrange.create("psrch");
        lsa = arrange.create("psrchlt");
        third = arrange.create("psrchx");
        valmiera = member(lps, "Valmiera", "STATE_CITY", "LV", 23000);
        cesis = member(lps, "Cēsis", "MUNICIPALITY", "LV", 41000);
        kedainiai = member(lsa, "Kėdainiai", "DISTRICT_MUNICIPALITY", "LT", 45000);
        member(third, "Tartu linn", "OTHER", "EE", 91000);
        String network = arrange.network(lps, "Kultūras tīkls", "ACTIVE", null);
        Response joined = client.post("/api/networks/" + network + "/participants", Map.of("memberId", valmiera),
                bearer(lps.admin()));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        String twinning = new Agreements(client).create(lps, Map.of("type", "TWINNING",
                "title", Map.of("lv", "Sadraudzība"), "parties", List.of(Map.of("memberId", valmiera),
                        Map.of("foreign", Map.of("name", "Växjö", "country", "SE")))));
        assertThat(twinning).isNotBlank();
    }

    @Test
    @Order(1)
    void ownMembersAreFoundByKindCountryPopulationThemeAndName() {
        assertThat(names(search(lps, "country=LV"))).containsExactly("Cēsis", "Valmiera");
        assertThat(names(search(lps, "kind=STATE_CITY"))).containsExactly("Valmiera");
        assertThat(names(search(lps, "populationMin=30000&populationMax=50000"))).containsExactly("Cēsis");
        assertThat(names(search(lps, "theme=sadarb"))).containsExactly("Valmiera");
        assertThat(names(search(lps, "q=cēs"))).containsExactly("Cēsis");
        Map<String, Object> found = search(lps, "kind=STATE_CITY").list("items").getFirst();
        assertThat(found).containsEntry("source", "OWN").containsEntry("partnerships", 1)
                .containsEntry("themes", List.of("Sadarbība"));
        assertThat(search(lps, "q=cēs").list("items").getFirst()).containsEntry("partnerships", 0);
    }

    @Test
    @Order(2)
    void anAssociationIsFoundByOthersOnlyWhileItOptsIn() {
        assertThat(names(search(lps, "country=LT"))).isEmpty();
        assertThat(client.put("/api/partnerships/search-settings", Map.of("shareMembers", true),
                bearer(lsa.coordinator())).status()).isEqualTo(403);
        Response shared = client.put("/api/partnerships/search-settings", Map.of("shareMembers", true),
                bearer(lsa.admin()));
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.map()).containsEntry("shareMembers", true).containsEntry("published", 1);

        Map<String, Object> found = search(lps, "country=LT").list("items").getFirst();
        assertThat(found).containsEntry("source", "ASSOCIATION").containsEntry("tenant", lsa.code())
                .containsEntry("name", "Kėdainiai").containsEntry("kind", "DISTRICT_MUNICIPALITY")
                .containsEntry("population", 45000);
        assertThat(names(search(third, "populationMin=40000"))).contains("Kėdainiai", "Tartu linn")
                .doesNotContain("Cēsis");

        Response unshared = client.put("/api/partnerships/search-settings", Map.of("shareMembers", false),
                bearer(lsa.admin()));
        assertThat(unshared.map()).containsEntry("shareMembers", false).containsEntry("published", 0);
        assertThat(names(search(lps, "country=LT"))).isEmpty();
        assertThat(names(search(lsa, "country=LT"))).containsExactly("Kėdainiai");
    }

    @Test
    @Order(3)
    void noAssociationReadsOrWritesAnotherAssociationsDirectoryRows() {
        assertThat(client.put("/api/partnerships/search-settings", Map.of("shareMembers", true),
                bearer(lps.admin())).status()).isEqualTo(200);
        // lps shares, lsa does not: seen from the third association only lps' rows exist
        assertThat(read(third, "SELECT DISTINCT tenant_code FROM shared.partner_directory_entry"))
                .containsExactly(lps.code());
        assertThat(write(third, "UPDATE shared.partner_directory_entry SET population = 1")).isZero();
        assertThat(write(third, "DELETE FROM shared.partner_directory_entry")).isZero();
        assertThat(write(third, "UPDATE shared.partner_search_setting SET share_members = false")).isZero();
        assertThatThrownBy(() -> write(third, "INSERT INTO shared.partner_directory_entry (tenant_code, member_id, "
                + "name) VALUES ('" + lps.code() + "', 999999, 'forged')")).hasMessageContaining("row-level security");
        assertThatThrownBy(() -> write(third, "INSERT INTO shared.partner_directory_entry (tenant_code, member_id, "
                + "name) VALUES ('" + third.code() + "', 999999, 'not opted in')"))
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> write(third, "INSERT INTO shared.partner_search_setting (tenant_code, "
                + "share_members, updated_by) VALUES ('" + lsa.code() + "', true, 'attacker')"))
                .hasMessageContaining("row-level security");
        assertThat(names(search(third, "country=LT"))).isEmpty();
    }

    @Test
    @Order(4)
    void foreignMunicipalitiesAreImportedAllOrNothingAndFoundWithTheirPartnerships() {
        Response refused = importCsv(lps, "name;country;population;themes\nVäxjö;SE;66000;Kultūra, Jaunatne\n"
                + ";SE;1;\nTartu;XX;abc;\nVäxjö;se;2;\n", false);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.string("code")).isEqualTo("import.rows");
        assertThat(refused.body()).contains("import.empty", "import.country", "import.wholeNumber",
                "import.duplicate");
        assertThat(client.get("/api/foreign-municipalities", bearer(lps.admin())).body()).isEqualTo("[]");

        Response dry = importCsv(lps, "name;country;population;themes\nVäxjö;SE;66000;Kultūra, Jaunatne\n", true);
        assertThat(dry.map()).containsEntry("created", 1).containsEntry("dryRun", true);
        assertThat(client.get("/api/foreign-municipalities", bearer(lps.admin())).body()).isEqualTo("[]");

        Response imported = importCsv(lps, "name;country;population;themes\nVäxjö;SE;66000;Kultūra, Jaunatne\n"
                + "Pärnu;EE;52000;Tūrisms\n", false);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.map()).containsEntry("created", 2).containsEntry("updated", 0);
        Response again = importCsv(lps, "name;country;population;themes\nVÄXJÖ;SE;67000;Kultūra\n", false);
        assertThat(again.map()).containsEntry("created", 0).containsEntry("updated", 1);

        Map<String, Object> vaxjo = search(lps, "country=SE").list("items").getFirst();
        assertThat(vaxjo).containsEntry("source", "FOREIGN").containsEntry("population", 67000)
                .containsEntry("themes", List.of("Kultūra")).containsEntry("partnerships", 1);
        assertThat(names(search(lps, "theme=tūris"))).containsExactly("Pärnu");
        assertThat(names(search(lsa, "country=SE"))).as("another association's list is its own").isEmpty();
        assertThat(importCsv(lps, "name;country\nRiga;LV\n", false, lps.coordinator()).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void badCriteriaAndFilesAreRefusedWithCodes() {
        Response range = client.get("/api/partner-search?populationMin=5&populationMax=1", bearer(lps.admin()));
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.string("code")).isEqualTo("search.invalid");
        assertThat(range.body()).contains("search.populationRange");
        Response country = client.get("/api/partner-search?country=XX&kind=castle&populationMin=-1",
                bearer(lps.admin()));
        assertThat(country.status()).isEqualTo(400);
        assertThat(country.body()).contains("search.country", "search.kind", "search.population");
        assertThat(client.get("/api/partner-search?populationMin=many", bearer(lps.admin())).status())
                .isEqualTo(400);
        Response header = importCsv(lps, "name;land\nRiga;LV\n", false);
        assertThat(header.status()).isEqualTo(422);
        assertThat(header.string("code")).isEqualTo("import.header");
        Response member = importCsv(lps, "name;country\nRiga;LV\n", false, officer());
        assertThat(member.status()).isEqualTo(403);
    }

    private String officer() {
        return new Associations(client).officer(lps, cesis, "psrchofficer");
    }

    private long member(Association association, String name, String kind, String country, int population) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "code", "C" + Math.abs(name.hashCode()),
                "kind", kind, "country", country, "population", population));
        Response created = client.post("/api/members", body, bearer(association.admin()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    private Response search(Association association, String query) {
        Response found = client.get("/api/partner-search?" + query, bearer(association.coordinator()));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found;
    }

    private static List<Object> names(Response found) {
        return found.list("items").stream().map(item -> item.get("name")).toList();
    }

    private Response importCsv(Association association, String csv, boolean dryRun) {
        return importCsv(association, csv, dryRun, association.admin());
    }

    private Response importCsv(Association association, String csv, boolean dryRun, String token) {
        return client.send("/api/foreign-municipalities/import?dryRun=" + dryRun, "POST",
                new String(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), "text/csv", bearer(token));
    }

    private List<String> read(Association association, String query) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeRead(status -> Database.strings(status.getConnection(), query)));
    }

    private int write(Association association, String statement) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeWrite(status -> {
                    status.setRollbackOnly();
                    try (PreparedStatement prepared = status.getConnection().prepareStatement(statement)) {
                        return prepared.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }));
    }
}
