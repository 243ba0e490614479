package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import eu.koopera.accounts.UserResponse;
import eu.koopera.accounts.ui.AccountSecurityView;
import eu.koopera.accounts.ui.ForgotPasswordView;
import eu.koopera.accounts.ui.LoginView;
import eu.koopera.accounts.ui.OperatorsView;
import eu.koopera.accounts.ui.UsersView;
import eu.koopera.accounts.ui.PasswordResetView;
import eu.koopera.support.Eventually;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.session.SignedIn;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The password and session pages, driven without a browser (issue 14, items 1 and 2). */
@MicronautTest(transactional = false)
class AccountViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "first-password-of-a-user";
    private static final String NEW_PASSWORD = "second-password-of-a-user";

    @Inject
    KooperaI18n i18n;

    private String tenant;
    private String tenantName;

    @BeforeAll
    void createAssociation() {
        tenant = api.createTenantWithAdmin("uiacc", ADMIN_PASSWORD);
        tenantName = "Association " + tenant;
    }

    @Test
    void changingThePasswordKeepsThisSessionAndSignsOutTheOthersAtTheirNextClick() {
        String user = newUser();
        BrowserlessUIContext here = newVisitor();
        signIn(here, tenantName, user, PASSWORD);
        BrowserlessUIContext elsewhere = newVisitor();
        signIn(elsewhere, tenantName, user, PASSWORD);
        here.navigate("account", AccountSecurityView.class);

        type(here, "password-current", "not-the-password-at-all");
        type(here, "password-new", NEW_PASSWORD);
        type(here, "password-repeat", NEW_PASSWORD);
        click(here, "password-change");
        PasswordField current = here.find(PasswordField.class).id("password-current");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo(lv("problem.current-password-wrong"));

        type(here, "password-current", PASSWORD);
        type(here, "password-new", "password1234");
        type(here, "password-repeat", "password1234");
        click(here, "password-change");
        PasswordField fresh = here.find(PasswordField.class).id("password-new");
        assertThat(fresh.getErrorMessage()).isEqualTo(lv("problem.password-too-common"));

        type(here, "password-new", NEW_PASSWORD);
        type(here, "password-repeat", NEW_PASSWORD);
        click(here, "password-change");

        here.navigate("profile", com.vaadin.flow.component.Component.class);
        assertThat(here.getUser().getSession().getAttribute(SignedIn.class)).isNotNull();
        elsewhere.navigate("profile", LoginView.class);
        assertThat(elsewhere.getUser().getSession().getAttribute(SignedIn.class)).isNull();
        assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkInTheMailsLanguage() {
        String user = newUser();
        BrowserlessUIContext visitor = newVisitor();
        visitor.navigate(ForgotPasswordView.class);
        @SuppressWarnings("unchecked")
        ComboBox<Object> picker = visitor.find(ComboBox.class).id("forgot-association");
        visitor.test(picker).selectItem(tenantName);
        visitor.test(visitor.find(TextField.class).id("forgot-username")).setValue(user);
        click(visitor, "forgot-send");
        assertThat(visitor.find(Paragraph.class).id("forgot-sent").getText())
                .isEqualTo(visitor.getUI().getTranslation("password.forgot.sent"));

        Outbox.Row mail = Eventually.await(Duration.ofSeconds(10), "the reset mail",
                () -> Outbox.latestTo(email(user)));
        Matcher link = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})").matcher(mail.bodyText());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        BrowserlessUIContext reader = vaadin.newUser().newWindow();
        reader.navigate("password-reset/" + token, PasswordResetView.class);
        assertThat(reader.find(H1.class).all()).extracting(H1::getText).contains(lv("password.reset.title"));
        type(reader, "reset-new", NEW_PASSWORD);
        type(reader, "reset-repeat", NEW_PASSWORD + "x");
        click(reader, "reset-save");
        assertThat(reader.find(PasswordField.class).id("reset-repeat").getErrorMessage())
                .isEqualTo(lv("password.differ"));
        type(reader, "reset-repeat", NEW_PASSWORD);
        click(reader, "reset-save");

        assertThat(reader.find(Paragraph.class).id("reset-done").getText()).isEqualTo(lv("password.reset.done"));
        assertThat(reader.find(RouterLink.class).id("reset-to-login").getHref()).contains("association=" + tenant);
        assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);

        BrowserlessUIContext again = vaadin.newUser().newWindow();
        again.navigate("password-reset/" + token, PasswordResetView.class);
        assertThat(again.find(Paragraph.class).id("reset-refused").getElement().getAttribute("data-reason"))
                .isEqualTo("password.reset.reset-link-used");
    }

    @Test
    void theLoginPageLeadsToForgotPassword() {
        BrowserlessUIContext visitor = newVisitor();
        visitor.test(visitor.find(com.vaadin.flow.component.login.LoginForm.class).single()).forgotPassword();
        assertThat(visitor.getCurrentView()).isInstanceOf(ForgotPasswordView.class);
    }

    @Test
    void anAccountThatMustChangeItsPasswordChoosesANewOneAtSignIn() {
        String user = newUser();
        long id = api.get("/api/users", TestClient.bearer(api.login(tenant, "admin", ADMIN_PASSWORD))).body()
                .contains(user) ? userId(user) : -1;
        assertThat(api.patch("/api/users/" + id, Map.of("mustChangePassword", true),
                TestClient.bearer(api.login(tenant, "admin", ADMIN_PASSWORD))).status()).isEqualTo(200);

        BrowserlessUIContext window = newVisitor();
        signIn(window, tenantName, user, PASSWORD);
        assertThat(window.getUser().getSession().getAttribute(SignedIn.class)).isNull();
        assertThat(window.find(Paragraph.class).id("login-password-required").getText())
                .isEqualTo(window.getUI().getTranslation("password.required.text"));
        type(window, "login-password-new", "short");
        type(window, "login-password-repeat", "short");
        click(window, "login-password-save");
        assertThat(window.find(PasswordField.class).id("login-password-new").isInvalid()).isTrue();
        type(window, "login-password-new", NEW_PASSWORD);
        type(window, "login-password-repeat", NEW_PASSWORD);
        click(window, "login-password-save");

        assertThat(window.getUser().getSession().getAttribute(SignedIn.class)).isNotNull();
        assertThat(login(user, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void administratorsDisableAUserInTheUsersList() {
        String user = newUser();
        BrowserlessUIContext admin = newVisitor();
        signIn(admin, tenantName, "admin", ADMIN_PASSWORD);
        admin.navigate("users", UsersView.class);

        assertThat(toggle(admin, user).getText()).isEqualTo(lv("users.disable"));

        admin.test(toggle(admin, user)).click();

        assertThat(login(user, PASSWORD).status()).isEqualTo(403);
        assertThat(toggle(admin, user).getText()).isEqualTo(lv("users.enable"));
    }

    @Test
    void operatorsAddAnOperatorWhoMustChooseTheirOwnPassword() {
        String name = "op" + UUID.randomUUID().toString().substring(0, 8);
        BrowserlessUIContext operator = newVisitor();
        signIn(operator, null, "admin", OPERATOR_PASSWORD);
        operator.navigate("operator/operators", OperatorsView.class);

        operator.test(operator.find(TextField.class).id("operator-username")).setValue(name);
        type(operator, "operator-password", "short");
        click(operator, "operator-create");
        assertThat(operator.find(PasswordField.class).id("operator-password").isInvalid()).isTrue();
        type(operator, "operator-password", "first-operator-password");
        click(operator, "operator-create");

        TestClient.Response first = api.post("/api/auth/login", Map.of("username", name,
                "password", "first-operator-password"));
        assertThat(first.string("code")).isEqualTo("password-change-required");
    }

    /** The enable/disable button in the user's row of the users list. */
    private static Button toggle(BrowserlessUIContext window, String user) {
        @SuppressWarnings("unchecked")
        Grid<UserResponse> grid = window.find(Grid.class).id("users");
        GridTester<Grid<UserResponse>, UserResponse> rows = window.test(grid);
        int row = IntStream.range(0, rows.size()).filter(index -> rows.getRow(index).username().equals(user))
                .findFirst().orElseThrow();
        HorizontalLayout actions = (HorizontalLayout) rows.getCellComponent(row, "actions");
        return (Button) actions.getComponentAt(0);
    }

    private long userId(String user) {
        TestClient.Response users = api.get("/api/users", TestClient.bearer(api.login(tenant, "admin",
                ADMIN_PASSWORD)));
        Matcher id = Pattern.compile("\\{\"id\":(\\d+),\"username\":\"" + user + "\"").matcher(users.body());
        assertThat(id.find()).as("%s", users.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private String newUser() {
        String user = "user" + UUID.randomUUID().toString().substring(0, 8);
        TestClient.Response created = api.post("/api/platform/tenants/" + tenant + "/users", Map.of(
                "username", user, "password", PASSWORD, "email", email(user), "roles", List.of("MEMBER")),
                TestClient.bearer(api.operatorToken()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return user;
    }

    private String email(String user) {
        return user + "@" + tenant + ".example";
    }

    private TestClient.Response login(String user, String password) {
        return api.post("/api/auth/login", Map.of("username", user, "password", password), "X-Tenant", tenant);
    }

    private String lv(String key, Object... params) {
        return i18n.getTranslation(key, KooperaI18n.LATVIAN, params);
    }

    private static void type(BrowserlessUIContext window, String id, String value) {
        window.test(window.find(PasswordField.class).id(id)).setValue(value);
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }
}
