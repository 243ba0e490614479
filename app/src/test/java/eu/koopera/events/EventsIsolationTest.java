package eu.koopera.events;

import eu.koopera.events.Organisers.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A study visit organised jointly by LPS and LLPA: each association sees only its own registrants' names and needs,
 * through the API and through an unfiltered SELECT in its own transaction, both see the combined counts, and a
 * third association sees nothing of it.
 */
@MicronautTest(transactional = false)
class EventsIsolationTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantAdmission admission;
    @Inject
    TransactionOperations<Connection> transactions;

    TestClient client;
    Association lps;
    Association llpa;
    Association outsider;
    String event;
    String lpsRegistration;
    String llpaRegistration;

    @BeforeAll
    void aJointVisitWithTwoRegistrantsOfEachAssociation() {
        client = new TestClient(server.getURI(), json);
        Organisers organisers = new Organisers(client);
        lps = organisers.create("lps", "Valmieras novads", "Preiļu novads");
        llpa = organisers.create("llpa", "Jelgava", "Ventspils");
        outsider = organisers.create("lsa", "Kauno miestas");
        event = organisers.event(lps, "Kopīgs vizīte Norvēģijā", 10, Map.of());
        organisers.coOrganise(lps, event, llpa, null);
        lpsRegistration = registered(organisers.register(lps, event, organisers.person(lps,
                lps.member("Valmieras novads"), "Anna", "Bērziņa", "lv"), Map.of("role", "POLITICIAN",
                "dietaryNeeds", "LPS-veģetārs", "consent", true)));
        registered(organisers.register(lps, event, organisers.person(lps, lps.member("Preiļu novads"), "Jānis",
                "Ozols", "lv"), Map.of("accessibilityNeeds", "LPS-ratiņkrēsls", "consent", true)));
        llpaRegistration = registered(organisers.register(llpa, event, organisers.person(llpa,
                llpa.member("Jelgava"), "Līga", "Kalniņa", "lv"), Map.of("dietaryNeeds", "LLPA-bez glutēna",
                "consent", true)));
        registered(organisers.register(llpa, event, organisers.person(llpa, llpa.member("Ventspils"), "Pēteris",
                "Liepa", "en"), Map.of("role", "EXPERT")));
    }

    @Test
    void eachAssociationSeesAllSeatsButOnlyItsOwnRegistrantsPersonalData() {
        for (Association viewer : List.of(lps, llpa)) {
            Response response = client.get("/api/events/" + event + "/registrations", bearer(viewer.admin()));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            List<Map<String, Object>> registrations = list(response);
            assertThat(registrations).hasSize(4);
            assertThat(registrations).filteredOn(r -> r.get("tenant").equals(viewer.code()))
                    .allSatisfy(r -> assertThat(r.get("person")).isNotNull()).hasSize(2);
            assertThat(registrations).filteredOn(r -> !r.get("tenant").equals(viewer.code()))
                    .allSatisfy(r -> assertThat(r.get("person")).isNull()).hasSize(2);
            String other = viewer == lps ? "LLPA-" : "LPS-";
            assertThat(response.body()).doesNotContain(other, viewer == lps ? "Kalniņa" : "Bērziņa");
            assertThat(response.body()).contains(viewer == lps ? "LPS-veģetārs" : "LLPA-bez glutēna");
        }
    }

    @Test
    void bothOrganisersSeeTheCombinedCounts() {
        for (Association viewer : List.of(lps, llpa)) {
            Response response = client.get("/api/events/" + event, bearer(viewer.admin()));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.map().get("counts")).isEqualTo(Map.of("confirmed", 4, "offered", 0, "waitlisted", 0,
                    "pending", 0, "placesLeft", 6));
        }
    }

    @Test
    void aThirdAssociationSeesNothingOfTheEvent() {
        for (String path : List.of("/api/events/" + event, "/api/events/" + event + "/registrations",
                "/api/registrations/" + lpsRegistration, "/api/registrations/" + llpaRegistration)) {
            Response response = client.get(path, bearer(outsider.admin()));
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(404);
        }
        assertThat(client.post("/api/registrations/" + lpsRegistration + "/cancel", "", bearer(outsider.admin()))
                .status()).isEqualTo(404);
        assertThat(client.get("/api/events?size=100", bearer(outsider.admin())).list("items")).isEmpty();
        assertThat(sql(outsider, "SELECT id::text FROM shared.event")).isEmpty();
        assertThat(sql(outsider, "SELECT id::text FROM shared.event_registration")).isEmpty();
        assertThat(sql(outsider, "SELECT full_name FROM shared.event_registration_personal")).isEmpty();
    }

    @Test
    void anUnfilteredSelectInAnAssociationsTransactionReturnsOnlyItsOwnPersonalData() {
        assertThat(sql(lps, "SELECT full_name || '|' || coalesce(dietary_needs, accessibility_needs, '') "
                + "FROM shared.event_registration_personal"))
                .containsExactlyInAnyOrder("Anna Bērziņa|LPS-veģetārs", "Jānis Ozols|LPS-ratiņkrēsls");
        assertThat(sql(llpa, "SELECT full_name || '|' || coalesce(dietary_needs, accessibility_needs, '') "
                + "FROM shared.event_registration_personal"))
                .containsExactlyInAnyOrder("Līga Kalniņa|LLPA-bez glutēna", "Pēteris Liepa|");
        assertThat(sql(llpa, "SELECT tenant_code FROM shared.event_registration WHERE event_id = '" + event + "'"))
                .hasSize(4);
    }

    @Test
    void writesInOneAssociationsTransactionNeverReachTheOthersPersonalDataOrTheEvent() {
        int updated = write(llpa, "UPDATE shared.event_registration_personal SET dietary_needs = 'overwritten'");
        assertThat(updated).isEqualTo(2);
        assertThat(Database.count("SELECT count(*) FROM shared.event_registration_personal WHERE dietary_needs = "
                + "'overwritten' AND tenant_code <> '" + llpa.code() + "'")).isZero();
        assertThat(write(llpa, "DELETE FROM shared.event_registration_personal WHERE tenant_code = '"
                + lps.code() + "'")).isZero();
        assertThatThrownBy(() -> write(llpa, "UPDATE shared.event SET capacity = 1000"))
                .hasMessageContaining("row-level security");
        assertThat(write(llpa, "DELETE FROM shared.event_registration")).isZero();
        assertThatThrownBy(() -> write(llpa, "INSERT INTO shared.event_registration_personal (registration_id, "
                + "tenant_code, full_name, language) VALUES ('" + lpsRegistration + "', '" + lps.code()
                + "', 'forged', 'lv')")).hasMessageContaining("row-level security");
        assertThatThrownBy(() -> write(llpa, "INSERT INTO shared.event_registration (event_id, tenant_code, "
                + "member_id, member_name, role, status, registered_by) VALUES ('" + event + "', '" + lps.code()
                + "', 1, 'forged', 'STAFF', 'CONFIRMED', 'x')")).hasMessageContaining("row-level security");
        assertThat(Database.count("SELECT count(*) FROM shared.event_registration_personal WHERE tenant_code = '"
                + lps.code() + "' AND dietary_needs = 'LPS-veģetārs'")).isOne();
        assertThat(Database.count("SELECT capacity FROM shared.event WHERE id = '" + event + "'")).isEqualTo(10);
    }

    private String registered(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.string("status")).isEqualTo("CONFIRMED");
        return response.string("id");
    }

    private List<String> sql(Association association, String query) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeRead(status -> Database.strings(status.getConnection(), query)));
    }

    /** Runs {@code statement} in the association's transaction and rolls it back; returns the rows it touched. */
    private int write(Association association, String statement) {
        return admission.callAs(Admission.of(registry.find(association.code()).orElseThrow()),
                () -> transactions.executeWrite(status -> {
                    status.setRollbackOnly(); // what it did is counted, then undone: other tests see the rows as set up
                    try (PreparedStatement prepared = status.getConnection().prepareStatement(statement)) {
                        return prepared.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }));
    }

    private List<Map<String, Object>> list(Response response) {
        try {
            return json.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
