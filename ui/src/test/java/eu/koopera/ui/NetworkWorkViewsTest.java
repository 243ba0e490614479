package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadTester;
import eu.koopera.networks.ui.MyNetworksView;
import eu.koopera.networks.ui.NetworkView;
import eu.koopera.networks.ui.NetworkWorkspaceView;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working in a network through the portal: pilot activities with milestones, documents with versions, the member
 * portal's "My networks" and the coordinator's workspace.
 */
@MicronautTest(transactional = false)
class NetworkWorkViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "network-work-password-123";
    private static final int ACTIVITIES = 3;
    private static final int DOCUMENTS = 5;

    private String owner;
    private String guest;
    private String ownerCoordinator;
    private String guestAdmin;
    private long kaunas;

    @BeforeAll
    void createAssociations() {
        owner = api.createTenantWithAdmin("uiwka", PASSWORD);
        guest = api.createTenantWithAdmin("uiwkb", PASSWORD);
        TestClient.Response coordinator = api.post("/api/platform/tenants/" + owner + "/users", Map.of(
                "username", "coordinator", "password", PASSWORD, "email", "coordinator@" + owner + ".example",
                "roles", List.of("NETWORK_COORDINATOR")), bearer(api.operatorToken()));
        assertThat(coordinator.status()).as(coordinator.body()).isEqualTo(201);
        ownerCoordinator = api.login(owner, "coordinator", PASSWORD);
        guestAdmin = api.login(guest, "admin", PASSWORD);
        TestClient.Response created = api.post("/api/members", Map.of("code", "LT-19",
                "name", "Kauno rajono savivaldybė"), bearer(guestAdmin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        kaunas = Long.parseLong(created.string("id"));
        officer("kaunas-officer", "officer@" + guest + ".example");
    }

    @Test
    void aCoordinatorCreatesAnActivityWithAnOverdueMilestoneAndSeesTheBadge() {
        String network = sharedNetwork("Sadarbība ar iedzīvotājiem", "ACTIVE");
        BrowserlessUIContext window = signedIn(owner, "coordinator");
        openTab(window, network, ACTIVITIES);
        click(window, "create-activity");
        window.test(window.find(TextArea.class).id("activity-goal")).setValue("Iedzīvotāju budžets");
        @SuppressWarnings("unchecked")
        Select<Object> responsible = window.find(Select.class).id("activity-responsible");
        window.test(responsible).selectItem("Kauno rajono savivaldybė (" + guest + ")");
        window.test(window.find(TextArea.class).id("activity-plan")).setValue("Trīs darbnīcas");
        click(window, "add-milestone");
        window.test(window.find(TextField.class).id("milestone-title-0")).setValue("Pirmā darbnīca");
        window.test(window.find(DatePicker.class).id("milestone-due-0")).setValue(LocalDate.of(2021, 1, 15));
        click(window, "save-activity");

        Div activities = window.find(Div.class).id("activities");
        assertThat(activities.getChildren().count()).isEqualTo(1);
        assertThat(window.find(H3.class).withText("Iedzīvotāju budžets").all()).hasSize(1);
        assertThat(window.find(Span.class).withClassName("overdue").all()).singleElement()
                .extracting(Span::getText).isEqualTo(window.getUI().getTranslation("network.milestone.overdue"));
        assertThat(api.get("/api/networks/" + network + "/activities", bearer(ownerCoordinator)).body())
                .contains("\"overdueMilestones\":1");
    }

    @Test
    void aParticipantOfTheOtherAssociationSeesTheActivityReadOnly() {
        String network = sharedNetwork("Vēsturisko novadu sadarbība", "ACTIVE");
        TestClient.Response created = api.post("/api/networks/" + network + "/activities", Map.of(
                "goal", "Kopīgs tūrisma maršruts", "responsibleTenant", guest, "responsibleMember", kaunas,
                "milestones", List.of(Map.of("title", "Maršruta karte", "dueOn", "2021-06-30"))),
                bearer(ownerCoordinator));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        BrowserlessUIContext window = signedIn(guest, "admin");
        openTab(window, network, ACTIVITIES);
        assertThat(window.find(H3.class).withText("Kopīgs tūrisma maršruts").all()).hasSize(1);
        assertThat(window.find(Span.class).withClassName("overdue").all()).hasSize(1);
        assertThat(window.find(Button.class).withId("create-activity").all()).allMatch(b -> !b.isVisible());
        assertThat(window.find(Button.class).withId("edit-activity").all()).isEmpty();
    }

    @Test
    void anUploadedDocumentAppearsWithItsVersionAndDownloadsTheSameBytes() {
        String network = sharedNetwork("Izglītība un kultūra", "ACTIVE");
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        BrowserlessUIContext window = signedIn(guest, "admin");
        openTab(window, network, DOCUMENTS);
        window.test(window.find(TextField.class).id("document-title")).setValue("Semināra prezentācija");
        upload(window, "document-upload", "seminars.pdf", pdf);

        assertThat(window.find(H3.class).withText("Semināra prezentācija").all()).hasSize(1);
        assertThat(window.find(Span.class).withText(window.getUI().getTranslation("network.document.version", 1))
                .all()).hasSize(1);
        Anchor download = window.find(Anchor.class).withClassName("document-download").single();
        assertThat(download.getText()).isEqualTo("seminars.pdf");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        window.test(download).download(file);
        assertThat(file.toByteArray()).isEqualTo(pdf);
    }

    @Test
    void anHtmlFileNamedPdfIsRefusedWithATranslatedMessage() {
        String network = sharedNetwork("Stratēģiskā vadība", "ACTIVE");
        BrowserlessUIContext window = signedIn(owner, "coordinator");
        openTab(window, network, DOCUMENTS);
        upload(window, "document-upload", "report.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(window.find(Notification.class).id("document-refusal").getElement().getProperty("text"))
                .isEqualTo(window.getUI().getTranslation("network.document.type"));
        assertThat(window.find(Anchor.class).withClassName("document-download").all()).isEmpty();
    }

    @Test
    void aMemberOfficerSeesTheirNetworkInMyNetworksAndApplies() {
        String network = sharedNetwork("Sociālais darbs un veselības aprūpe", "OPEN_FOR_APPLICATIONS");
        BrowserlessUIContext window = signedIn(guest, "kaunas-officer");
        window.navigate("my-networks", MyNetworksView.class);
        assertThat(window.find(Div.class).id("my-network-" + network)).isNotNull();
        click(window, "apply-" + network);
        window.test(window.find(TextArea.class).id("application-motivation"))
                .setValue("Mums ir pieredze sociālo pakalpojumu jomā.");
        click(window, "submit-application");

        assertThat(window.find(Button.class).withId("apply-" + network).all()).isEmpty();
        assertThat(api.get("/api/networks/" + network + "/applications", bearer(ownerCoordinator)).body())
                .contains("Kauno rajono savivaldybė", "OPEN");
    }

    @Test
    void theCoordinatorSeesAnOpenApplicationInTheWorkspaceAndAcceptsIt() {
        String network = sharedNetwork("Kapitālsabiedrības un iekšējie iepirkumi", "OPEN_FOR_APPLICATIONS");
        TestClient.Response applied = api.post("/api/networks/" + network + "/applications", Map.of(
                "memberId", kaunas, "motivation", "Vēlamies būt pilots."), bearer(guestAdmin));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);

        BrowserlessUIContext window = signedIn(owner, "coordinator");
        window.navigate("networks/workspace", NetworkWorkspaceView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = window.find(Grid.class).id("workspace-applications");
        GridTester<Grid<Object>, Object> rows = window.test(grid);
        int row = IntStream.range(0, rows.size())
                .filter(i -> rows.getRow(i).toString().contains(network)).findFirst().orElseThrow();
        assertThat(rows.getCellText(row, 1)).isEqualTo("Kauno rajono savivaldybė (" + guest + ")");
        rows.invokeLitRendererFunction(row, "actions", "accept");
        click(window, "confirm-decision");

        assertThat(IntStream.range(0, rows.size()).mapToObj(i -> rows.getRow(i).toString()))
                .noneMatch(text -> text.contains(network));
        assertThat(api.get("/api/networks/" + network + "/applications", bearer(ownerCoordinator)).body())
                .contains("ACCEPTED");
    }

    @Test
    void theWorkspaceListsMeetingsThatHaveNotEndedAndLeavesPastOnesOut() {
        String network = sharedNetwork("Sadarbība vēsturiskajās zemēs", "ACTIVE");
        for (String[] meeting : new String[][]{{"Pagājušais seminārs", "2021-05-04"}, {"Nākamais seminārs",
                "2099-05-04"}}) {
            TestClient.Response created = api.post("/api/networks/" + network + "/meetings", Map.of("kind",
                    "SEMINAR", "title", Map.of("lv", meeting[0]), "startsAt", meeting[1] + "T10:00:00",
                    "endsAt", meeting[1] + "T13:00:00", "timeZone", "Europe/Riga", "place", "Rīga"),
                    bearer(ownerCoordinator));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }

        BrowserlessUIContext window = signedIn(owner, "coordinator");
        window.navigate("networks/workspace", NetworkWorkspaceView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = window.find(Grid.class).id("workspace-meetings");
        GridTester<Grid<Object>, Object> rows = window.test(grid);
        List<String> titles = IntStream.range(0, rows.size()).mapToObj(i -> rows.getCellText(i, 1)).toList();
        assertThat(titles).contains("Nākamais seminārs").doesNotContain("Pagājušais seminārs");
    }

    /** A MEMBER user of the guest association linked to the Kaunas district through a person. */
    private void officer(String username, String email) {
        TestClient.Response person = api.post("/api/people", Map.of("memberId", kaunas, "firstName", "Officer",
                "lastName", username, "email", email), bearer(guestAdmin));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        TestClient.Response invited = api.post("/api/people/" + person.string("id") + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(guestAdmin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), guest);
        TestClient.Response accepted = api.post("/api/public/invitations/" + guest + "/" + token + "/accept",
                Map.of("username", username, "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    /** A network of the owner, shared with the guest association, in which the Kaunas district takes part. */
    private String sharedNetwork(String name, String status) {
        TestClient.Response created = api.post("/api/networks", Map.of("name", Map.of("lv", name), "theme",
                "Sadarbība", "status", status, "maxPilots", 3), bearer(ownerCoordinator));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String network = created.string("id");
        TestClient.Response invited = api.post("/api/networks/" + network + "/invitations", Map.of("tenant", guest),
                bearer(ownerCoordinator));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        TestClient.Response accepted = api.post("/api/network-invitations/" + invited.string("id") + "/accept",
                Map.of("memberIds", List.of(kaunas)), bearer(guestAdmin));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return network;
    }

    private BrowserlessUIContext signedIn(String tenant, String username) {
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, username, PASSWORD);
        return window;
    }

    private static void openTab(BrowserlessUIContext window, String network, int tab) {
        window.navigate("networks/" + network, NetworkView.class);
        window.test(window.find(TabSheet.class).id("network-tabs")).select(tab);
    }

    private static void upload(BrowserlessUIContext window, String id, String name, byte[] content) {
        UploadTester<Upload> upload = window.test(window.find(Upload.class).id(id));
        upload.upload(name, "application/pdf", content);
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }
}
