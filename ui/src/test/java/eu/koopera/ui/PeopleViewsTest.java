package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.members.MemberResponse;
import eu.koopera.people.InvitationResponse;
import eu.koopera.people.PersonResponse;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.people.ui.InvitationAcceptView;
import eu.koopera.people.ui.InvitationsView;
import eu.koopera.people.ui.PeopleView;
import eu.koopera.members.ui.MemberHomeView;
import eu.koopera.ui.session.AccessDeniedView;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** The people register, invitations and the public invitation page, driven as users drive them. */
@MicronautTest(transactional = false)
class PeopleViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Inject
    KooperaI18n i18n;

    private String tenant;
    private String tenantName;
    private String admin;
    private long member;

    @BeforeAll
    void createAssociation() {
        tenant = api.createTenantWithAdmin("uippl", ADMIN_PASSWORD);
        tenantName = "Association " + tenant;
        admin = api.login(tenant, "admin", ADMIN_PASSWORD);
        member = Long.parseLong(api.post("/api/members", Map.of("code", "LV-067", "name", "Ogres novads",
                "region", "Vidzeme", "website", "https://www.ogresnovads.lv"), bearer(admin)).string("id"));
    }

    @Test
    void administratorCreatesAPersonInTheGridAndEditsIt() {
        BrowserlessUIContext window = adminWindow();
        click(window, "create-person");
        pickMember(window, "person-member");
        window.test(window.find(TextField.class).id("person-first-name")).setValue("Anna");
        window.test(window.find(TextField.class).id("person-last-name")).setValue("Bērziņa");
        window.test(window.find(TextField.class).id("person-email")).setValue("not an address");
        click(window, "save-person");
        assertThat(window.find(TextField.class).id("person-email").isInvalid()).isTrue();
        assertThat(people(window)).extracting(PersonResponse::email).doesNotContain("anna@ogre.example");

        window.test(window.find(TextField.class).id("person-email")).setValue("anna@ogre.example");
        click(window, "save-person");
        PersonResponse created = people(window).get(rowOf(window, "anna@ogre.example"));
        assertThat(created.lastName()).isEqualTo("Bērziņa");
        assertThat(created.memberName()).isEqualTo("Ogres novads");

        rowAction(window, "people", rowOf(window, "anna@ogre.example"), "edit");
        window.test(window.find(TextField.class).id("person-position")).setValue("Attīstības nodaļas vadītāja");
        click(window, "save-person");
        PersonResponse edited = people(window).get(rowOf(window, "anna@ogre.example"));
        assertThat(edited.position()).isEqualTo("Attīstības nodaļas vadītāja");
        assertThat(edited.version()).isGreaterThan(created.version());

        rowAction(window, "people", rowOf(window, "anna@ogre.example"), "remove");
        window.test(window.find(ConfirmDialog.class).id("confirm-delete")).confirm();
        assertThat(people(window)).extracting(PersonResponse::email).doesNotContain("anna@ogre.example");
    }

    @Test
    void aChangeSavedMeanwhileIsRefusedNotOverwritten() {
        long person = person("Jānis", "Ozols", "janis@ogre.example");
        BrowserlessUIContext window = adminWindow();
        int row = rowOf(window, "janis@ogre.example");
        rowAction(window, "people", row, "edit");
        PersonResponse current = people(window).get(row);
        TestClient.Response changed = api.put("/api/people/" + person, Map.of("memberId", member, "firstName",
                "Jānis", "lastName", "Ozols", "position", "Mērs", "version", current.version()), bearer(admin));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        window.test(window.find(TextField.class).id("person-position")).setValue("Izpilddirektors");
        click(window, "save-person");

        assertThat(window.find(Button.class).withId("save-person").all()).hasSize(1);
        assertThat(api.get("/api/people/" + person, bearer(admin)).map()).containsEntry("position", "Mērs");
    }

    @Test
    void invitingAPersonLeavesAPendingInvitationAndAMailInTheOutbox() {
        String email = "ilze" + System.nanoTime() + "@ogre.example";
        person("Ilze", "Kalniņa", email);
        BrowserlessUIContext window = adminWindow();
        rowAction(window, "people", rowOf(window, email), "invite");
        click(window, "send-invitation");

        List<Map<String, Object>> pending = api.get("/api/invitations?status=PENDING", bearer(admin)).list("items");
        assertThat(pending).extracting(item -> item.get("email")).contains(email);
        assertThat(Outbox.latestTo(email)).get().satisfies(mail -> assertThat(mail.bodyText())
                .contains("/invitation/" + tenant + "/"));

        window.navigate("invitations", InvitationsView.class);
        assertThat(invitations(window)).filteredOn(invitation -> invitation.email().equals(email))
                .extracting(InvitationResponse::status).containsExactly(eu.koopera.people.InvitationStatus.PENDING);
    }

    @Test
    void acceptingAValidLinkActivatesTheAccountAndTheMemberSeesTheirOrganisation() {
        String email = "liga" + System.nanoTime() + "@ogre.example";
        String token = invite(person("Līga", "Liepa", email));
        String username = "liga" + System.nanoTime() % 100000;

        BrowserlessUIContext visitor = vaadin.newUser().newWindow();
        visitor.navigate("invitation/" + tenant + "/" + token, InvitationAcceptView.class);
        assertThat(visitor.find(Paragraph.class).id("invitation-who").getText()).contains("Līga Liepa")
                .contains(tenantName);
        visitor.test(visitor.find(TextField.class).id("invitation-username")).setValue(username);
        visitor.test(visitor.find(PasswordField.class).id("invitation-password")).setValue(PASSWORD);
        visitor.test(visitor.find(PasswordField.class).id("invitation-repeat")).setValue(PASSWORD + "x");
        click(visitor, "accept-invitation");
        assertThat(visitor.find(PasswordField.class).id("invitation-repeat").isInvalid()).isTrue();
        visitor.test(visitor.find(PasswordField.class).id("invitation-repeat")).setValue(PASSWORD);
        click(visitor, "accept-invitation");
        assertThat(visitor.find(Paragraph.class).withId("invitation-accepted").all()).hasSize(1);

        BrowserlessUIContext user = newVisitor();
        signIn(user, tenantName, username, PASSWORD);
        assertThat(user.getCurrentView()).isInstanceOf(MemberHomeView.class);
        assertThat(user.find(Div.class).id("own-organisation").getElement().getTextRecursively())
                .contains("Ogres novads").contains("LV-067").contains("Vidzeme");

        user.navigate("people", AccessDeniedView.class);
        assertThat(user.getCurrentView()).isInstanceOf(AccessDeniedView.class);

        BrowserlessUIContext again = vaadin.newUser().newWindow();
        again.navigate("invitation/" + tenant + "/" + token, InvitationAcceptView.class);
        assertThat(refusal(again)).isEqualTo("invitation.gone.USED");
    }

    @Test
    void aRevokedLinkShowsTheDeadLinkPageAndAnUnknownOneTheInvalidPage() {
        String email = "peteris" + System.nanoTime() + "@ogre.example";
        String token = invite(person("Pēteris", "Kalns", email));
        BrowserlessUIContext window = adminWindow();
        window.navigate("invitations", InvitationsView.class);
        int row = IntStream.range(0, invitations(window).size())
                .filter(i -> invitations(window).get(i).email().equals(email)).findFirst().orElseThrow();
        rowAction(window, "invitations", row, "revoke");
        window.test(window.find(ConfirmDialog.class).id("confirm-revoke")).confirm();

        BrowserlessUIContext visitor = vaadin.newUser().newWindow();
        visitor.navigate("invitation/" + tenant + "/" + token, InvitationAcceptView.class);
        assertThat(refusal(visitor)).isEqualTo("invitation.gone.REVOKED");
        assertThat(visitor.find(TextField.class).withId("invitation-username").all()).isEmpty();

        visitor.navigate("invitation/" + tenant + "/" + "x".repeat(43), InvitationAcceptView.class);
        assertThat(refusal(visitor)).isEqualTo("invitation.invalid");
    }

    @Test
    void aLinkedUserKeepsTheirOwnPositionPhoneAndLanguages() {
        String email = "rasma" + System.nanoTime() + "@ogre.example";
        long person = person("Rasma", "Vītola", email);
        String username = "rasma" + System.nanoTime() % 100000;
        TestClient.Response accepted = api.post("/api/public/invitations/" + tenant + "/" + invite(person)
                + "/accept", Map.of("username", username, "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        BrowserlessUIContext window = newVisitor();
        signIn(window, tenantName, username, PASSWORD);
        window.navigate("profile", eu.koopera.people.ui.ProfileView.class);

        window.test(window.find(TextField.class).id("profile-phone")).setValue("letters only");
        click(window, "save-profile");
        assertThat(window.find(TextField.class).id("profile-phone").isInvalid()).isTrue();
        window.test(window.find(TextField.class).id("profile-phone")).setValue("+371 2000 0000");
        window.test(window.find(TextField.class).id("profile-position")).setValue("Projektu vadītāja");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> languages = window.find(MultiSelectComboBox.class).id("profile-languages");
        window.test(languages).selectItem(i18n.getTranslation("people.language.lv", window.getUI().getLocale()),
                i18n.getTranslation("people.language.en", window.getUI().getLocale()));
        click(window, "save-profile");

        assertThat(api.get("/api/people/" + person, bearer(admin)).map()).containsEntry("phone", "+371 2000 0000")
                .containsEntry("position", "Projektu vadītāja").containsEntry("languages", List.of("lv", "en"));
    }

    private BrowserlessUIContext adminWindow() {
        BrowserlessUIContext window = newVisitor();
        signIn(window, tenantName, "admin", ADMIN_PASSWORD);
        window.navigate("people", PeopleView.class);
        return window;
    }

    private long person(String firstName, String lastName, String email) {
        TestClient.Response created = api.post("/api/people", Map.of("memberId", member, "firstName", firstName,
                "lastName", lastName, "email", email), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    private String invite(long person) {
        TestClient.Response invited = api.post("/api/people/" + person + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(admin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return Outbox.invitationToken(Outbox.latestTo(invited.string("email")).orElseThrow().bodyText(), tenant);
    }

    private static int rowOf(BrowserlessUIContext window, String email) {
        List<PersonResponse> rows = people(window);
        return IntStream.range(0, rows.size()).filter(i -> email.equals(rows.get(i).email())).findFirst()
                .orElseThrow(() -> new AssertionError("No row for " + email));
    }

    private static String refusal(BrowserlessUIContext window) {
        return window.find(Paragraph.class).id("invitation-refused").getElement().getAttribute("data-reason");
    }

    private static void pickMember(BrowserlessUIContext window, String id) {
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> picker = window.find(ComboBox.class).id(id);
        window.test(picker).selectItem("Ogres novads (LV-067)");
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }

    private static void rowAction(BrowserlessUIContext window, String gridId, int row, String function) {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = window.find(Grid.class).id(gridId);
        window.test(grid).invokeLitRendererFunction(row, "actions", function);
    }

    private static List<PersonResponse> people(BrowserlessUIContext window) {
        @SuppressWarnings("unchecked")
        Grid<PersonResponse> grid = window.find(Grid.class).id("people");
        GridTester<Grid<PersonResponse>, PersonResponse> rows = window.test(grid);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }

    private static List<InvitationResponse> invitations(BrowserlessUIContext window) {
        @SuppressWarnings("unchecked")
        Grid<InvitationResponse> grid = window.find(Grid.class).id("invitations");
        GridTester<Grid<InvitationResponse>, InvitationResponse> rows = window.test(grid);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }
}
