package eu.koopera.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import eu.koopera.support.Database;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.members.ui.MemberHomeView;
import eu.koopera.ui.session.SignedOutException;
import eu.koopera.ui.session.UiErrorHandler;
import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonTester;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.confirmdialog.ConfirmDialogTester;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldTester;
import eu.koopera.members.MemberResponse;
import eu.koopera.support.TestClient;
import eu.koopera.associations.TenantResponse;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.accounts.ui.LoginView;
import eu.koopera.dashboard.ui.DashboardView;
import eu.koopera.members.ui.MembersView;
import eu.koopera.ui.session.AccessDeniedView;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.support.BrowserlessUiTest;
import eu.koopera.associations.ui.TenantsView;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class PortalViewsTest extends BrowserlessUiTest {

    @Inject
    KooperaI18n i18n;

    private String tenant;
    private String tenantName;

    @BeforeAll
    void createAssociation() {
        tenant = api.createTenantWithAdmin("ui", ADMIN_PASSWORD);
        tenantName = "Association " + tenant;
    }

    private String lv(String key, Object... params) {
        return i18n.getTranslation(key, KooperaI18n.LATVIAN, params);
    }

    @Test
    void wrongPasswordIsRefusedWithAMessageAndNobodyIsSignedIn() {
        BrowserlessUIContext window = newVisitor();
        signIn(window, tenantName, "admin", "not-the-password");

        LoginForm form = window.find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(((LoginView) window.getCurrentView()).shownError()).get()
                .isEqualTo(i18n.getTranslation("login.error.credentials", window.getUI().getLocale()));
        assertThat(window.getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(window.getUser().getSession().getAttribute(SignedIn.class)).isNull();
    }

    @Test
    void repeatedFailuresMakeTheSameBrowserWaitEvenWithTheRightPassword() {
        String code = api.createTenantWithAdmin("uilock", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(window, "Association " + code, "admin", "wrong-password-" + attempt);
        }
        signIn(window, "Association " + code, "admin", ADMIN_PASSWORD);

        assertThat(((LoginView) window.getCurrentView()).shownError()).get()
                .isEqualTo(i18n.getTranslation("login.error.throttled", window.getUI().getLocale()));
        assertThat(window.getUser().getSession().getAttribute(SignedIn.class)).isNull();
    }

    @Test
    void viewsNeedASignedInAccountWithTheRightRole() {
        BrowserlessUIContext anonymous = vaadin.newUser().newWindow();
        anonymous.navigate("members", LoginView.class);
        assertThat(anonymous.getCurrentView()).isInstanceOf(LoginView.class);

        BrowserlessUIContext admin = newVisitor();
        signIn(admin, tenantName, "admin", ADMIN_PASSWORD);
        assertThat(admin.getCurrentView()).isInstanceOf(DashboardView.class);
        admin.navigate("members", MembersView.class);
        admin.navigate("operator/tenants", AccessDeniedView.class);
        assertThat(admin.getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(admin.find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains(lv("nav.members")).doesNotContain(lv("nav.tenants"));
    }

    @Test
    void usersOfASuspendedAssociationAreSignedOutAtTheirNextStep() {
        String code = api.createTenantWithAdmin("uisusp", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + code, "admin", ADMIN_PASSWORD);
        assertThat(window.getCurrentView()).isInstanceOf(DashboardView.class);
        window.navigate("members", MembersView.class);

        TestClient.Response suspended = api.patch("/api/platform/tenants/" + code, Map.of("status", "SUSPENDED"),
                TestClient.bearer(api.operatorToken()));
        assertThat(suspended.status()).isEqualTo(200);
        window.navigate("profile", LoginView.class);

        assertThat(window.getUser().getSession().getAttribute(SignedIn.class)).isNull();
    }

    @Test
    void anOpenPageSavesNothingOnceTheAssociationIsSuspendedAndTheUserIsToldWhy() {
        String code = api.createTenantWithAdmin("uiopen", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + code, "admin", ADMIN_PASSWORD);
        window.navigate("members", MembersView.class);
        click(window, "create-member");
        window.test(window.find(TextField.class).id("member-name")).setValue("Talsu novads");
        window.test(window.find(TextField.class).id("member-code")).setValue("LV-097");

        assertThat(api.patch("/api/platform/tenants/" + code, Map.of("status", "SUSPENDED"),
                TestClient.bearer(api.operatorToken())).status()).isEqualTo(200);
        SignedOutException signedOut = catchThrowableOfType(SignedOutException.class,
                () -> click(window, "save-member"));

        assertThat(signedOut.reasonKey()).isEqualTo("session.ended.suspended");
        assertThat(window.getUser().getSession().getAttribute(SignedIn.class)).isNull();
        context.getBean(UiErrorHandler.class).error(new ErrorEvent(signedOut));
        assertThat(window.getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(window.find(Notification.class).id("signed-out").getElement().getProperty("text"))
                .isEqualTo(window.getUI().getTranslation("session.ended.suspended"));
        assertThat(Database.count("SELECT count(*) FROM t_" + code + ".member")).isZero();
    }

    @Test
    void changedRolesApplyAtTheNextStepWithoutSigningInAgain() {
        String code = api.createTenantWithAdmin("uiroles", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + code, "admin", ADMIN_PASSWORD);
        assertThat(window.getCurrentView()).isInstanceOf(DashboardView.class);
        window.navigate("members", MembersView.class);

        Database.update("UPDATE t_" + code + ".app_user SET roles = 'MEMBER' WHERE username = 'admin'");
        context.getBean(TenantAdmission.class).forgetAccount(code, "admin");
        window.navigate(MemberHomeView.class);
        window.navigate("members", AccessDeniedView.class);

        assertThat(window.getUser().getSession().getAttribute(SignedIn.class).caller().roles())
                .containsExactly("MEMBER");
    }

    @Test
    void operatorRegistersAnAssociationAndItsAdministrator() {
        BrowserlessUIContext window = newVisitor();
        signIn(window, null, "admin", OPERATOR_PASSWORD);
        assertThat(window.getCurrentView()).isInstanceOf(TenantsView.class);

        click(window, "create-tenant");
        TextField code = window.find(TextField.class).id("tenant-code");
        window.test(code).setValue("Not Valid!");
        window.test(window.find(TextField.class).id("tenant-name")).setValue("Zemgales plānošanas reģions");
        click(window, "save-tenant");
        assertThat(code.isInvalid()).isTrue();
        assertThat(api.get("/api/platform/tenants/not_valid", TestClient.bearer(api.operatorToken())).status())
                .isEqualTo(404);

        String newCode = "uiop" + System.nanoTime() % 100000;
        window.test(code).setValue(newCode);
        click(window, "save-tenant");
        @SuppressWarnings("unchecked")
        Grid<TenantResponse> grid = window.find(Grid.class).id("tenants");
        GridTester<Grid<TenantResponse>, TenantResponse> rows = window.test(grid);
        assertThat(IntStream.range(0, rows.size()).mapToObj(rows::getRow).map(TenantResponse::code))
                .contains(newCode);

        int row = IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).code().equals(newCode)).findFirst()
                .orElseThrow();
        Button createAdmin = (Button) rows.getCellComponent(row, "actions").getChildren()
                .filter(child -> ("create-admin-" + newCode).equals(child.getId().orElse(null))).findFirst()
                .orElseThrow();
        window.test(createAdmin).click();
        window.test(window.find(TextField.class).id("admin-username")).setValue("valdis");
        window.test(window.find(PasswordField.class).id("admin-password")).setValue("a-long-password-42");
        click(window, "save-admin");
        assertThat(api.login(newCode, "valdis", "a-long-password-42")).isNotBlank();
    }

    @Test
    void administratorCreatesFindsEditsAndDeletesMembers() {
        BrowserlessUIContext window = newVisitor();
        signIn(window, tenantName, "admin", ADMIN_PASSWORD);
        assertThat(window.getCurrentView()).isInstanceOf(DashboardView.class);
        window.navigate("members", MembersView.class);

        click(window, "create-member");
        window.test(window.find(TextField.class).id("member-name")).setValue("Kuldīgas novads");
        window.test(window.find(TextField.class).id("member-code")).setValue("LV-050");
        window.test(window.find(TextField.class).id("member-website")).setValue("not a web address");
        click(window, "save-member");
        assertThat(window.find(TextField.class).id("member-website").isInvalid()).isTrue();
        assertThat(members(window)).isEmpty();

        window.test(window.find(TextField.class).id("member-website")).setValue("https://www.kuldiga.lv");
        window.test(window.find(IntegerField.class).id("member-population")).setValue(29_000);
        click(window, "save-member");
        assertThat(members(window)).extracting(MemberResponse::name).containsExactly("Kuldīgas novads");

        TextFieldTester<TextField, String> search = window.test(window.find(TextField.class).id("member-search"));
        search.setValue("kuldigas");
        assertThat(members(window)).hasSize(1);
        search.setValue("Ventspils");
        assertThat(members(window)).isEmpty();
        search.setValue("");

        clickInRow(window, 0, "edit");
        window.test(window.find(TextField.class).id("member-region")).setValue("Kurzeme");
        click(window, "save-member");
        assertThat(members(window)).extracting(MemberResponse::region).containsExactly("Kurzeme");

        clickInRow(window, 0, "remove");
        ConfirmDialogTester confirm = window.test(window.find(ConfirmDialog.class).id("confirm-delete"));
        confirm.confirm();
        assertThat(members(window)).isEmpty();
        assertThat(api.get("/api/members", TestClient.bearer(api.login(tenant, "admin", ADMIN_PASSWORD)))
                .map().get("total")).isEqualTo(0);
    }

    @Test
    void administratorSeesOnlyTheirOwnAssociationsMembers() {
        String other = api.createTenantWithAdmin("uiother", ADMIN_PASSWORD);
        String otherToken = api.login(other, "admin", ADMIN_PASSWORD);
        assertThat(api.post("/api/members", Map.of("name", "Other association's member", "code", "X-1"),
                TestClient.bearer(otherToken)).status()).isEqualTo(201);
        String mine = api.createTenantWithAdmin("uimine", ADMIN_PASSWORD);
        assertThat(api.post("/api/members", Map.of("name", "My member", "code", "M-1"),
                TestClient.bearer(api.login(mine, "admin", ADMIN_PASSWORD))).status()).isEqualTo(201);

        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + mine, "admin", ADMIN_PASSWORD);
        window.navigate("members", MembersView.class);

        assertThat(members(window)).extracting(MemberResponse::name).containsExactly("My member");
    }

    @Test
    void languageChoiceIsKeptOnTheAccountForTheNextLogin() {
        String code = api.createTenantWithAdmin("uilang", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + code, "admin", ADMIN_PASSWORD);
        assertThat(window.getUI().getLocale().getLanguage()).isEqualTo("lv");
        assertThat(window.find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains(lv("nav.members"));

        MenuBarTester<MenuBar> menu = window.test(window.find(MenuBar.class).single());
        menu.clickItem(0, 1, 2);
        assertThat(window.getUI().getLocale().getLanguage()).isEqualTo("en");

        BrowserlessUIContext later = newVisitor();
        signIn(later, "Association " + code, "admin", ADMIN_PASSWORD);
        assertThat(later.getUI().getLocale()).isEqualTo(KooperaI18n.ENGLISH);
        assertThat(later.find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains(i18n.getTranslation("nav.members", Locale.ENGLISH));
    }

    private static void click(BrowserlessUIContext window, String id) {
        ButtonTester<Button> button = window.test(window.find(Button.class).id(id));
        button.click();
    }

    private static void clickInRow(BrowserlessUIContext window, int row, String function) {
        @SuppressWarnings("unchecked")
        Grid<MemberResponse> grid = window.find(Grid.class).id("members");
        GridTester<Grid<MemberResponse>, MemberResponse> rows = window.test(grid);
        rows.invokeLitRendererFunction(row, "actions", function);
    }

    private static List<MemberResponse> members(BrowserlessUIContext window) {
        @SuppressWarnings("unchecked")
        Grid<MemberResponse> grid = window.find(Grid.class).id("members");
        GridTester<Grid<MemberResponse>, MemberResponse> rows = window.test(grid);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }
}
