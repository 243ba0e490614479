package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.networks.ApplicationResponse;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.networks.ui.NetworkInvitationsView;
import eu.koopera.networks.ui.NetworkView;
import eu.koopera.ui.session.NotFoundView;
import eu.koopera.networks.ui.NetworksView;
import eu.koopera.support.TestClient;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Cooperation networks in the portal: creating, sharing, joining, pilot applications and the feed. */
@MicronautTest(transactional = false)
class NetworkViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "network-password-123";

    @Inject
    KooperaI18n i18n;

    private String owner;
    private String guest;
    private String outsider;
    private String ownerCoordinator;
    private String guestAdmin;

    @BeforeAll
    void createAssociations() {
        owner = api.createTenantWithAdmin("uinta", PASSWORD);
        guest = api.createTenantWithAdmin("uintb", PASSWORD);
        outsider = api.createTenantWithAdmin("uintc", PASSWORD);
        TestClient.Response coordinator = api.post("/api/platform/tenants/" + owner + "/users", Map.of(
                "username", "coordinator", "password", PASSWORD, "email", "coordinator@" + owner + ".example",
                "roles", List.of("NETWORK_COORDINATOR")), bearer(api.operatorToken()));
        assertThat(coordinator.status()).as(coordinator.body()).isEqualTo(201);
        ownerCoordinator = api.login(owner, "coordinator", PASSWORD);
        guestAdmin = api.login(guest, "admin", PASSWORD);
        for (String[] member : List.of(new String[]{"LT-19", "Kauno rajono savivaldybė"},
                new String[]{"LT-13", "Vilniaus miesto savivaldybė"}, new String[]{"LT-41", "Utenos rajono"})) {
            TestClient.Response created = api.post("/api/members", Map.of("code", member[0], "name", member[1]),
                    bearer(guestAdmin));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @Test
    void administratorCreatesANetworkInTheDialogAndSeesItInTheGrid() {
        BrowserlessUIContext window = signedIn(owner, "admin");
        window.navigate("networks", NetworksView.class);
        click(window, "create-network");
        window.test(window.find(DatePicker.class).id("network-starts-on")).setValue(LocalDate.of(2024, 4, 30));
        window.test(window.find(DatePicker.class).id("network-ends-on")).setValue(LocalDate.of(2022, 4, 7));
        click(window, "save-network");
        assertThat(window.find(TextField.class).id("network-name-lv").isInvalid()).isTrue();
        assertThat(window.find(TextField.class).id("network-name-lv").getErrorMessage())
                .isEqualTo(window.getUI().getTranslation("network.invalid.name"));
        assertThat(window.find(DatePicker.class).id("network-ends-on").isInvalid()).isTrue();

        window.test(window.find(TextField.class).id("network-name-lv")).setValue("Rīgas metropoles sadarbība");
        window.test(window.find(TextField.class).id("network-name-en")).setValue("Riga metropolitan cooperation");
        window.test(window.find(TextField.class).id("network-theme")).setValue("Metropoles pārvaldība");
        window.test(window.find(DatePicker.class).id("network-starts-on")).setValue(LocalDate.of(2022, 4, 7));
        window.test(window.find(DatePicker.class).id("network-ends-on")).setValue(LocalDate.of(2024, 4, 30));
        click(window, "save-network");

        assertThat(this.<NetworkResponse>rows(window, "networks")).anySatisfy(network -> {
            assertThat(network.name().lv()).isEqualTo("Rīgas metropoles sadarbība");
            assertThat(network.owner()).isEqualTo(owner);
            assertThat(network.startsOn()).isEqualTo(LocalDate.of(2022, 4, 7));
        });
    }

    @Test
    void theOwnerInvitesAnAssociationWhoseAdministratorJoinsWithTwoMunicipalities() {
        String network = network("Valstspilsētu sadarbība", "ACTIVE");
        BrowserlessUIContext ownerWindow = signedIn(owner, "admin");
        openTab(ownerWindow, network, 1);
        ownerWindow.test(ownerWindow.find(TextField.class).id("invite-tenant")).setValue(owner);
        click(ownerWindow, "invite-association");
        assertThat(ownerWindow.find(Notification.class).id("network-refusal").getElement().getProperty("text"))
                .isEqualTo(ownerWindow.getUI().getTranslation("network.invite.conflict"));
        ownerWindow.test(ownerWindow.find(TextField.class).id("invite-tenant")).setValue(guest);
        click(ownerWindow, "invite-association");
        assertThat(ownerWindow.find(Grid.class).id("sent-invitations").getGenericDataView().getItems())
                .hasSize(1);

        BrowserlessUIContext guestWindow = signedIn(guest, "admin");
        guestWindow.navigate("network-invitations", NetworkInvitationsView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> invitations = guestWindow.find(Grid.class).id("network-invitations");
        guestWindow.test(invitations).invokeLitRendererFunction(0, "actions", "accept");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Object> members = guestWindow.find(MultiSelectComboBox.class).id("invitation-members");
        guestWindow.test(members).selectItem("Kauno rajono savivaldybė (LT-19)", "Vilniaus miesto savivaldybė (LT-13)");
        click(guestWindow, "accept-network-invitation");

        assertThat(guestWindow.getCurrentView()).isInstanceOf(NetworkView.class);
        guestWindow.test(guestWindow.find(TabSheet.class).id("network-tabs")).select(1);
        assertThat(this.<ParticipantResponse>rows(guestWindow, "participants"))
                .extracting(ParticipantResponse::memberName)
                .containsExactlyInAnyOrder("Kauno rajono savivaldybė", "Vilniaus miesto savivaldybė");
        guestWindow.navigate("networks", NetworksView.class);
        assertThat(this.<NetworkResponse>rows(guestWindow, "networks")).extracting(n -> n.id().toString())
                .contains(network);
    }

    @Test
    void aGuestAdministratorAppliesAndACoordinatorAcceptsTheApplication() {
        String network = network("Sadarbība vēsturiskajos novados", "OPEN_FOR_APPLICATIONS");
        share(network, "LT-19");
        BrowserlessUIContext guestWindow = signedIn(guest, "admin");
        openTab(guestWindow, network, 2);
        click(guestWindow, "apply");
        @SuppressWarnings("unchecked")
        Select<Object> member = guestWindow.find(Select.class).id("application-member");
        guestWindow.test(member).selectItem("Kauno rajono savivaldybė");
        guestWindow.test(guestWindow.find(TextArea.class).id("application-motivation"))
                .setValue("Turime pieredzės su bendruomenių įtraukimu.");
        click(guestWindow, "submit-application");
        assertThat(this.<ApplicationResponse>rows(guestWindow, "applications"))
                .extracting(ApplicationResponse::memberName).containsExactly("Kauno rajono savivaldybė");

        BrowserlessUIContext coordinatorWindow = signedIn(owner, "coordinator");
        openTab(coordinatorWindow, network, 2);
        @SuppressWarnings("unchecked")
        Grid<Object> applications = coordinatorWindow.find(Grid.class).id("applications");
        coordinatorWindow.test(applications).invokeLitRendererFunction(0, "actions", "accept");
        coordinatorWindow.test(coordinatorWindow.find(TextArea.class).id("decision-reason"))
                .setValue("Laba motivācija.");
        click(coordinatorWindow, "confirm-decision");

        assertThat(this.<ApplicationResponse>rows(coordinatorWindow, "applications"))
                .extracting(ApplicationResponse::status, ApplicationResponse::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        eu.koopera.networks.ApplicationStatus.ACCEPTED, "Laba motivācija."));
        assertThat(api.get("/api/networks/" + network + "/applications", bearer(ownerCoordinator)).body())
                .contains("ACCEPTED");
    }

    @Test
    void theFeedIsWordedInTheReadersLanguage() {
        String network = network("Sadarbība ar iedzīvotājiem", "ACTIVE");
        share(network);
        BrowserlessUIContext window = signedIn(owner, "coordinator");
        language(window, 2);
        openTab(window, network, 6);
        assertThat(feed(window)).containsExactly(
                i18n.getTranslation("network.feed.invitation-accepted", KooperaI18n.ENGLISH, "admin", guest,
                        guest, "", "", "", ""),
                i18n.getTranslation("network.feed.association-invited", KooperaI18n.ENGLISH, "coordinator", owner,
                        guest, "", "", "", ""),
                "coordinator created the network „Sadarbība ar iedzīvotājiem (en)“.");

        language(window, 0);
        openTab(window, network, 6);
        assertThat(feed(window)).containsExactly(
                "Asociācija " + guest + " pievienojās tīklam.",
                "coordinator uzaicināja asociāciju " + guest + ".",
                "coordinator izveidoja tīklu „Sadarbība ar iedzīvotājiem“.");
    }

    @Test
    void aUserOfAnAssociationThatDoesNotTakePartGetsTheNotFoundPage() {
        String network = network("Kapitālsabiedrības un iekšējie iepirkumi", "ACTIVE");
        BrowserlessUIContext ownerWindow = signedIn(owner, "admin");
        ownerWindow.navigate("networks/" + network, NetworkView.class);
        assertNotFound(ownerWindow, UUID.randomUUID().toString());
        assertNotFound(signedIn(outsider, "admin"), network);
    }

    @Test
    void aGuestAdministratorLeavesAfterConfirmingAndLosesAccessAtOnce() {
        String network = network("Izglītība un kultūra", "ACTIVE");
        share(network, "LT-41");
        BrowserlessUIContext window = signedIn(guest, "admin");
        openTab(window, network, 0);
        click(window, "leave-network");
        window.test(window.find(ConfirmDialog.class).id("confirm-leave")).confirm();

        assertThat(window.getCurrentView()).isInstanceOf(NetworksView.class);
        assertThat(this.<NetworkResponse>rows(window, "networks")).extracting(n -> n.id().toString())
                .doesNotContain(network);
        assertNotFound(window, network);
    }

    private BrowserlessUIContext signedIn(String tenant, String username) {
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, username, PASSWORD);
        return window;
    }

    /** A network owned by the first association, created by its coordinator; its id. */
    private String network(String name, String status) {
        TestClient.Response created = api.post("/api/networks", Map.of("name", Map.of("lv", name, "en",
                name + " (en)"), "theme", "Sadarbība", "status", status, "startsOn", "2022-04-07",
                "endsOn", "2024-04-30", "maxPilots", 3), bearer(ownerCoordinator));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    /** Shares the network with the guest association, which joins with the members of the given codes. */
    private void share(String network, String... codes) {
        TestClient.Response invited = api.post("/api/networks/" + network + "/invitations", Map.of("tenant", guest),
                bearer(ownerCoordinator));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        List<Object> ids = api.get("/api/members?size=100", bearer(guestAdmin)).list("items").stream()
                .filter(member -> List.of(codes).contains(member.get("code"))).map(member -> member.get("id"))
                .toList();
        TestClient.Response accepted = api.post("/api/network-invitations/" + invited.string("id") + "/accept",
                Map.of("memberIds", ids), bearer(guestAdmin));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private static void openTab(BrowserlessUIContext window, String network, int tab) {
        window.navigate("networks/" + network, NetworkView.class);
        window.test(window.find(TabSheet.class).id("network-tabs")).select(tab);
    }

    /** Picks a language in the user menu: 0 Latvian, 1 Lithuanian, 2 English. */
    private static void language(BrowserlessUIContext window, int index) {
        MenuBarTester<MenuBar> menu = window.test(window.find(MenuBar.class).single());
        menu.clickItem(0, 1, index);
    }

    /** Opens the network's address and expects Koopera's translated not-found page. */
    private static void assertNotFound(BrowserlessUIContext window, String network) {
        catchThrowable(() -> window.navigate("networks/" + network, NetworkView.class));
        assertThat(window.getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    private static List<String> feed(BrowserlessUIContext window) {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = window.find(Grid.class).id("feed");
        GridTester<Grid<Object>, Object> rows = window.test(grid);
        return IntStream.range(0, rows.size()).mapToObj(row -> rows.getCellText(row, 2)).toList();
    }

    private <T> List<T> rows(BrowserlessUIContext window, String id) {
        @SuppressWarnings("unchecked")
        Grid<T> grid = window.find(Grid.class).id(id);
        GridTester<Grid<T>, T> rows = window.test(grid);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }
}
