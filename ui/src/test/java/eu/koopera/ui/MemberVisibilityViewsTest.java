package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.members.ui.MemberDetailView;
import eu.koopera.members.ui.MembersView;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinators read the member register in the portal without the administrators' notes and export. */
@MicronautTest(transactional = false)
class MemberVisibilityViewsTest extends BrowserlessUiTest {

    private static final String NOTE = "Owes the 2026 fee";
    private static final String HISTORY_NOTE = "Board decision 12/2026";

    @Test
    void aCoordinatorSeesAMemberWithoutTheAdministratorsNotesAndCannotExportTheRegister() {
        String tenant = api.createTenantWithAdmin("uivis", ADMIN_PASSWORD);
        String admin = api.login(tenant, "admin", ADMIN_PASSWORD);
        TestClient.Response created = api.post("/api/members", Map.of("name", "Ogres novads", "code", "O1",
                "membershipStatus", "APPLIED", "notes", NOTE), TestClient.bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = ((Number) created.map().get("id")).longValue();
        assertThat(api.post("/api/members/" + id + "/membership", Map.of("status", "ACTIVE", "note", HISTORY_NOTE),
                TestClient.bearer(admin)).status()).isEqualTo(200);
        assertThat(api.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "coordinator",
                "password", ADMIN_PASSWORD, "email", "coordinator@" + tenant + ".example", "roles",
                List.of("NETWORK_COORDINATOR")), TestClient.bearer(api.operatorToken())).status()).isEqualTo(201);

        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "coordinator", ADMIN_PASSWORD);
        window.navigate("members", MembersView.class);
        // the test kit finds visible components only
        assertThat(window.find(Anchor.class).all()).extracting(anchor -> anchor.getId().orElse(""))
                .doesNotContain("export-csv", "export-xlsx");

        window.navigate("members/" + id, MemberDetailView.class);
        assertThat(window.find(TextField.class).all()).extracting(TextField::getLabel).contains(window.getUI().getTranslation("members.name"))
                .doesNotContain(window.getUI().getTranslation("members.notes"));
        window.test(window.find(TabSheet.class).id("member-tabs"))
                .select(window.getUI().getTranslation("member.tab.history"));
        @SuppressWarnings("unchecked")
        Grid<Object> history = window.find(Grid.class).id("member-history");
        assertThat(history.getColumns()).filteredOn(Grid.Column::isVisible).extracting(Grid.Column::getHeaderText)
                .contains(window.getUI().getTranslation("member.history.status"))
                .doesNotContain(window.getUI().getTranslation("member.history.changedBy"),
                        window.getUI().getTranslation("member.history.note"));
    }
}
