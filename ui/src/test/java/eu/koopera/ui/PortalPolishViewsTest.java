package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import eu.koopera.dashboard.ui.DashboardView;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MembershipStatus;
import eu.koopera.members.ui.MemberDetailView;
import eu.koopera.members.ui.MembersView;
import eu.koopera.ui.session.NotFoundView;
import eu.koopera.ui.support.BrowserlessUiTest;
import eu.koopera.support.TestClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's dashboard, the membership status change and the translated component internals. */
@MicronautTest(transactional = false)
class PortalPolishViewsTest extends BrowserlessUiTest {

    @Test
    void anAdministratorStartsOnTheDashboardWithTheAssociationsFigures() {
        String tenant = api.createTenantWithAdmin("uidash", ADMIN_PASSWORD);
        String token = api.login(tenant, "admin", ADMIN_PASSWORD);
        createMember(token, Map.of("name", "Ādažu novads", "code", "A1", "membershipStatus", "APPLIED"));
        createMember(token, Map.of("name", "Bauskas novads", "code", "B1"));
        createMember(token, Map.of("name", "Cēsu novads", "code", "C1"));

        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);

        assertThat(window.getCurrentView()).isInstanceOf(DashboardView.class);
        String members = window.find(Div.class).id("dashboard-members").getElement().getTextRecursively();
        assertThat(members).contains("3", t(window, "members.status.APPLIED") + ": 1",
                t(window, "members.status.ACTIVE") + ": 2", t(window, "members.status.LEFT") + ": 0");
        assertThat(window.find(Div.class).id("dashboard-changes").getElement().getTextRecursively())
                .contains(t(window, "audit.action.CREATE") + " · " + t(window, "audit.entity.member"));
    }

    @Test
    void theMembershipStatusChangesInTheMemberPageWithItsReasonAndDate() {
        String tenant = api.createTenantWithAdmin("uistat", ADMIN_PASSWORD);
        long id = createMember(api.login(tenant, "admin", ADMIN_PASSWORD), Map.of("name", "Dobeles novads",
                "code", "D1"));
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        window.navigate("members/" + id, MemberDetailView.class);
        window.test(window.find(TabSheet.class).id("member-tabs")).select(t(window, "member.tab.history"));
        window.test(window.find(com.vaadin.flow.component.button.Button.class).id("change-membership")).click();

        @SuppressWarnings("unchecked")
        Select<MembershipStatus> status = window.find(Select.class).id("membership-status");
        assertThat(status.getListDataView().getItems()).containsExactlyInAnyOrder(MembershipStatus.SUSPENDED,
                MembershipStatus.LEFT);
        status.setValue(MembershipStatus.SUSPENDED);
        // without a reason nothing is saved
        window.test(window.find(com.vaadin.flow.component.button.Button.class).id("membership-save")).click();
        assertThat(window.find(TextArea.class).id("membership-note").isInvalid()).isTrue();
        assertThat(memberStatus(tenant, id)).isEqualTo("ACTIVE");

        window.find(TextArea.class).id("membership-note").setValue("Membership fee unpaid for 2026");
        window.test(window.find(com.vaadin.flow.component.button.Button.class).id("membership-save")).click();

        assertThat(memberStatus(tenant, id)).isEqualTo("SUSPENDED");
        @SuppressWarnings("unchecked")
        GridTester<Grid<Object>, Object> history = window.test(window.find(Grid.class).id("member-history"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.getCellText(0, 0)).isEqualTo(t(window, "members.status.SUSPENDED"));
        assertThat(history.getCellText(0, 4)).isEqualTo("Membership fee unpaid for 2026");
    }

    @Test
    void theMembersGridKeepsFiltersAndOrderInTheAddressAndShowsTotalsAndUnknownValues() {
        String tenant = api.createTenantWithAdmin("uigrid", ADMIN_PASSWORD);
        String token = api.login(tenant, "admin", ADMIN_PASSWORD);
        createMember(token, Map.of("name", "Ādažu novads", "code", "A1", "region", "Rīga"));
        createMember(token, Map.of("name", "Bauskas novads", "code", "B1"));
        createMember(token, Map.of("name", "Zilupes novads", "code", "Z1", "membershipStatus", "APPLIED"));
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);

        window.getUI().navigate("members", QueryParameters.fromString("status=ACTIVE&sort=-name"));
        assertThat(window.getCurrentView()).isInstanceOf(MembersView.class);

        @SuppressWarnings("unchecked")
        Select<MembershipStatus> status = window.find(Select.class).id("members-status");
        assertThat(status.getValue()).isEqualTo(MembershipStatus.ACTIVE);
        @SuppressWarnings("unchecked")
        GridTester<Grid<MemberResponse>, MemberResponse> grid = window.test(window.find(Grid.class).id("members"));
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getRow(0).name()).isEqualTo("Bauskas novads");
        assertThat(grid.getRow(1).name()).isEqualTo("Ādažu novads");
        assertThat(grid.getCellText(0, 3)).isEqualTo("—");
        assertThat(window.find(Span.class).id("members-total").getText()).isEqualTo("Biedru skaits: 2");
        assertThat(grid.getComponent().getColumnByKey("actions").isFrozenToEnd()).isTrue();
    }

    @Test
    void theSignInPageHasTheAssociationCodeInsideTheCardAPreselectingLinkAndALanguageSwitchButListsNoAssociation() {
        String tenant = api.createTenantWithAdmin("uilog", ADMIN_PASSWORD);
        BrowserlessUIContext window = vaadin.newUser().newWindow();
        window.getUI().navigate("login", QueryParameters.of("association", tenant));

        com.vaadin.flow.component.textfield.TextField association = window.find(
                com.vaadin.flow.component.textfield.TextField.class).id("association");
        assertThat(association.getValue()).isEqualTo(tenant);
        assertThat(window.find(ComboBox.class).all()).as("no list of associations for anonymous visitors").isEmpty();
        assertThat(window.getUI().getElement().getOuterHTML()).doesNotContain("Association " + tenant);
        assertThat(association.getElement().getAttribute("slot")).isEqualTo("custom-form-area");
        assertThat(association.getElement().getParent()).isEqualTo(window.find(LoginForm.class).single()
                .getElement());

        window.test(window.find(com.vaadin.flow.component.button.Button.class).id("login-language-lt")).click();
        assertThat(window.getUI().getLocale().getLanguage()).isEqualTo("lt");
    }

    @Test
    void theExportHasEveryFieldWithLatvianHeadersAndCodesInTheirOwnColumns() {
        String tenant = api.createTenantWithAdmin("uiexf", ADMIN_PASSWORD);
        createMember(api.login(tenant, "admin", ADMIN_PASSWORD), Map.of("name", "Rīgas valstspilsēta", "code",
                "RIX", "kind", "STATE_CITY", "address", "Rātslaukums 1", "notes", "galvaspilsēta"));
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        window.navigate("members", MembersView.class);

        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        window.test(window.find(com.vaadin.flow.component.html.Anchor.class).id("export-csv")).download(file);
        String[] lines = file.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r?\n");

        assertThat(lines[0]).contains(t(window, "members.code"), t(window, "members.export.kindCode"),
                t(window, "members.kind"), t(window, "members.address"), t(window, "members.export.statusCode"),
                t(window, "member.since"), t(window, "members.notes"));
        assertThat(lines[1]).contains("RIX", "STATE_CITY", "Valstspilsēta", "Rātslaukums 1", "ACTIVE",
                t(window, "members.status.ACTIVE"), "galvaspilsēta");
    }

    @Test
    void datePickersSpeakTheUiLanguageWithWeeksStartingOnMonday() {
        String tenant = api.createTenantWithAdmin("uidate", ADMIN_PASSWORD);
        long id = createMember(api.login(tenant, "admin", ADMIN_PASSWORD), Map.of("name", "Jelgavas novads",
                "code", "J1"));
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        assertThat(window.getUI().getLocale().getLanguage()).isEqualTo("lv");
        window.navigate("members/" + id, MemberDetailView.class);
        window.test(window.find(TabSheet.class).id("member-tabs")).select(t(window, "member.tab.history"));
        window.test(window.find(com.vaadin.flow.component.button.Button.class).id("change-membership")).click();

        DatePicker.DatePickerI18n texts = window.find(DatePicker.class).id("membership-effective").getI18n();
        assertThat(texts.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(texts.getMonthNames()).startsWith("Janvāris", "Februāris");
        assertThat(texts.getWeekdays()).startsWith("Svētdiena", "Pirmdiena");
        assertThat(texts.getToday()).isEqualTo("Šodien");
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageInTheUiLanguage() {
        String tenant = api.createTenantWithAdmin("uinf", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);

        try {
            window.navigate("no-such-page", NotFoundView.class);
        } catch (RuntimeException expected) {
            // the test kit reports the error view as a failed navigation
        }

        assertThat(window.getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(window.find(H1.class).single().getText()).isEqualTo("Lapa nav atrasta");
    }

    private long createMember(String token, Map<String, Object> member) {
        TestClient.Response created = api.post("/api/members", member, TestClient.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ((Number) created.map().get("id")).longValue();
    }

    private String memberStatus(String tenant, long id) {
        return api.get("/api/members/" + id, TestClient.bearer(api.login(tenant, "admin", ADMIN_PASSWORD)))
                .string("membershipStatus");
    }

    private static String t(BrowserlessUIContext window, String key) {
        return window.getUI().getTranslation(key);
    }
}
