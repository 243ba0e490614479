package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import eu.koopera.events.EventKind;
import eu.koopera.events.ui.EventsView;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.networks.ui.NetworksView;
import eu.koopera.people.InvitationStatus;
import eu.koopera.people.PersonResponse;
import eu.koopera.people.ui.InvitationsView;
import eu.koopera.people.ui.PeopleView;
import eu.koopera.support.TestClient;
import eu.koopera.ui.forms.FilterBar;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grids of people, invitations, networks and events, like the members grid: filters taken from the address (so
 * that reload and bookmarks keep them), a total, filters that fold on a phone; the people export with every field.
 */
@MicronautTest(transactional = false)
class GridAddressViewsTest extends BrowserlessUiTest {

    @Test
    void thePeopleGridTakesItsSearchAndMemberFromTheAddressAndCountsWhatItShows() {
        String tenant = api.createTenantWithAdmin("uippl", ADMIN_PASSWORD);
        String token = api.login(tenant, "admin", ADMIN_PASSWORD);
        long ogre = createMember(token, "Ogres novads", "OGR");
        long tukums = createMember(token, "Tukuma novads", "TUK");
        createPerson(token, ogre, "Anna", "Bērziņa", "anna@ogre.example");
        createPerson(token, ogre, "Jānis", "Ozols", "janis@ogre.example");
        createPerson(token, tukums, "Anna", "Kalniņa", "anna@tukums.example");
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);

        window.getUI().navigate("people", QueryParameters.fromString("q=Anna&member=" + ogre));

        assertThat(window.getCurrentView()).isInstanceOf(PeopleView.class);
        assertThat(window.find(TextField.class).id("person-search").getValue()).isEqualTo("Anna");
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> member = window.find(ComboBox.class).id("person-member-filter");
        assertThat(member.getValue().id()).isEqualTo(ogre);
        @SuppressWarnings("unchecked")
        GridTester<Grid<PersonResponse>, PersonResponse> grid = window.test(window.find(Grid.class).id("people"));
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getRow(0).lastName()).isEqualTo("Bērziņa");
        assertThat(window.find(Span.class).id("people-total").getText()).isEqualTo("Personu skaits: 1");
        assertThat(window.find(FilterBar.class).id("people-bar").isFiltersOpen()).isFalse();
    }

    @Test
    void thePeopleExportHasEveryFieldWithLatvianHeadersAndCodesInTheirOwnColumns() {
        String tenant = api.createTenantWithAdmin("uipex", ADMIN_PASSWORD);
        String token = api.login(tenant, "admin", ADMIN_PASSWORD);
        createPerson(token, createMember(token, "Ogres novads", "OGR"), "Anna", "Bērziņa", "anna@ogre.example");
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        window.navigate("people", PeopleView.class);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        window.test(window.find(Anchor.class).id("export-people-csv")).download(file);
        String[] lines = file.toString(StandardCharsets.UTF_8).split("\r?\n");

        assertThat(lines[0]).contains("Biedra organizācija (kods)", t(window, "people.member"),
                t(window, "people.firstName"), t(window, "people.position"), "Valodas (kodi)", "Lomas (kodi)",
                t(window, "people.notes"));
        assertThat(lines[1]).contains("OGR", "Ogres novads", "Anna", "Bērziņa", "izpilddirektore", "lv, en",
                "anna@ogre.example", "pieņem trešdienās");
    }

    @Test
    void invitationsNetworksAndEventsTakeTheirFiltersFromTheAddress() {
        String tenant = api.createTenantWithAdmin("uiflt", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);

        window.getUI().navigate("invitations", QueryParameters.fromString("status=EXPIRED"));
        assertThat(window.getCurrentView()).isInstanceOf(InvitationsView.class);
        assertThat(window.find(Select.class).id("invitation-status").getValue()).isEqualTo(InvitationStatus.EXPIRED);
        assertThat(window.find(Span.class).id("invitations-total").getText()).isEqualTo("Ielūgumu skaits: 0");

        window.getUI().navigate("networks", QueryParameters.fromString("q=metropole&status=ACTIVE"));
        assertThat(window.getCurrentView()).isInstanceOf(NetworksView.class);
        assertThat(window.find(TextField.class).id("network-search").getValue()).isEqualTo("metropole");
        assertThat(window.find(Select.class).id("network-status-filter").getValue()).isEqualTo(NetworkStatus.ACTIVE);

        window.getUI().navigate("events", QueryParameters.fromString("kind=SEMINAR&from=2030-01-31&status=BOGUS"));
        assertThat(window.getCurrentView()).isInstanceOf(EventsView.class);
        assertThat(window.find(Select.class).id("event-kind-filter").getValue()).isEqualTo(EventKind.SEMINAR);
        assertThat(window.find(Select.class).id("event-status-filter").getValue()).isNull();
        assertThat(window.find(DatePicker.class).id("event-from-filter").getValue())
                .isEqualTo(LocalDate.of(2030, 1, 31));
    }

    private long createMember(String token, String name, String code) {
        TestClient.Response created = api.post("/api/members", Map.of("name", name, "code", code),
                TestClient.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ((Number) created.map().get("id")).longValue();
    }

    private void createPerson(String token, long member, String firstName, String lastName, String email) {
        TestClient.Response created = api.post("/api/people", Map.of("memberId", member, "firstName", firstName,
                "lastName", lastName, "position", "izpilddirektore", "email", email,
                "languages", List.of("lv", "en"), "notes", "pieņem trešdienās"), TestClient.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String t(BrowserlessUIContext window, String key) {
        return window.getUI().getTranslation(key);
    }
}
