package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.networks.ui.MyNetworksView;
import eu.koopera.networks.ui.NetworkView;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network meetings in the portal: planning one in the dialog, reading it and downloading its calendar file from
 * another association, recording attendance, a stale edit, and the personal calendar subscription.
 */
@MicronautTest(transactional = false)
class NetworkMeetingsViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "network-meetings-password-123";
    private static final int MEETINGS = 4;

    private String owner;
    private String guest;
    private String ownerCoordinator;
    private String guestAdmin;
    private long kaunas;

    @BeforeAll
    void createAssociations() {
        owner = api.createTenantWithAdmin("uimta", PASSWORD);
        guest = api.createTenantWithAdmin("uimtb", PASSWORD);
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
    }

    @Test
    void aCoordinatorPlansAMeetingInTheDialogAndSeesItWithItsTimeZone() {
        String network = sharedNetwork("Rīgas metropoles sadarbība");
        BrowserlessUIContext window = signedIn(owner, "coordinator");
        openTab(window, network, MEETINGS);
        click(window, "create-meeting");
        window.test(window.find(TextField.class).id("meeting-title-lv")).setValue("Reģionālā diskusija Kaunā");
        window.test(window.find(TextField.class).id("meeting-title-en")).setValue("Regional discussion in Kaunas");
        window.find(DateTimePicker.class).id("meeting-starts-at").setValue(LocalDateTime.of(2026, 5, 4, 10, 0));
        window.find(DateTimePicker.class).id("meeting-ends-at").setValue(LocalDateTime.of(2026, 5, 4, 9, 0));
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = window.find(ComboBox.class).id("meeting-time-zone");
        window.test(zone).selectItem("Europe/Vilnius");
        window.test(window.find(TextField.class).id("meeting-place")).setValue("Kaunas, Laisvės al. 96");
        window.test(window.find(TextArea.class).id("meeting-agenda")).setValue("1. Pilotprojekti\n2. Diskusija");
        click(window, "save-meeting");
        assertThat(window.find(DateTimePicker.class).id("meeting-ends-at").isInvalid()).isTrue();

        window.find(DateTimePicker.class).id("meeting-ends-at").setValue(LocalDateTime.of(2026, 5, 4, 13, 0));
        click(window, "save-meeting");

        Div meetings = window.find(Div.class).id("meetings");
        assertThat(meetings.getChildren().count()).isEqualTo(1);
        assertThat(window.find(H3.class).withText("Reģionālā diskusija Kaunā").all()).hasSize(1);
        String when = window.find(Paragraph.class).withClassName("meeting-when").single().getText();
        assertThat(when).contains("Europe/Vilnius", "UTC+03:00", "10:00", "13:00");
        assertThat(api.get("/api/networks/" + network + "/meetings", bearer(ownerCoordinator)).body())
                .contains("\"timeZone\":\"Europe/Vilnius\"", "\"startsAt\":\"2026-05-04T10:00:00\"");
    }

    @Test
    void aParticipantOfTheOtherAssociationReadsTheMeetingAndDownloadsItsCalendarFile() throws Exception {
        String network = sharedNetwork("Vēsturisko novadu sadarbība");
        String meeting = meeting(network, "Pieci tīkli", "Europe/Riga");

        BrowserlessUIContext window = signedIn(guest, "admin");
        openTab(window, network, MEETINGS);
        assertThat(window.find(H3.class).withText("Pieci tīkli").all()).hasSize(1);
        assertThat(window.find(Paragraph.class).withClassName("meeting-when").single().getText())
                .contains("Europe/Riga");
        assertThat(window.find(Button.class).withId("create-meeting").all()).allMatch(b -> !b.isVisible());
        assertThat(window.find(Button.class).withClassName("edit-meeting").all()).isEmpty();
        assertThat(window.find(Button.class).withClassName("record-attendance").all()).isEmpty();

        Anchor download = window.find(Anchor.class).id("meeting-calendar-" + meeting);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        window.test(download).download(file);
        Calendar calendar = new CalendarBuilder().build(new StringReader(file.toString(StandardCharsets.UTF_8)));
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        DtStart<Temporal> start = event.getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Riga");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant().toString()).isEqualTo("2026-05-04T07:00:00Z");
        assertThat(event.getSummary().getValue()).isEqualTo("Pieci tīkli");
    }

    @Test
    void theCoordinatorRecordsAttendanceAndAStaleEditIsToldInTheUsersLanguage() {
        String network = sharedNetwork("Valstspilsētu sadarbība");
        String meeting = meeting(network, "Seminārs par pilotiem", "Europe/Riga");
        BrowserlessUIContext window = signedIn(owner, "coordinator");
        openTab(window, network, MEETINGS);

        click(window, "attendance-meeting-" + meeting);
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> present = window.find(CheckboxGroup.class).id("attendance-municipalities");
        window.test(present).selectItem("Kauno rajono savivaldybė (" + guest + ")");
        click(window, "save-attendance");
        assertThat(api.get("/api/meetings/" + meeting, bearer(guestAdmin)).body())
                .contains("\"memberId\":" + kaunas, "Kauno rajono savivaldybė");

        click(window, "edit-meeting-" + meeting);
        TestClient.Response changed = api.put("/api/meetings/" + meeting, Map.of("kind", "SEMINAR",
                "title", Map.of("lv", "Pārcelts"), "startsAt", "2026-05-05T10:00:00", "endsAt", "2026-05-05T12:00:00",
                "timeZone", "Europe/Riga", "place", "Rīga", "version", 1), bearer(ownerCoordinator));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        window.test(window.find(TextArea.class).id("meeting-minutes")).setValue("Protokols");
        click(window, "save-meeting");
        assertThat(window.find(Notification.class).id("network-refusal").getElement().getProperty("text"))
                .isEqualTo(window.getUI().getTranslation("network.meeting.stale"));
    }

    @Test
    void aUserSubscribesToTheirCalendarFeedAndRevokesIt() {
        String network = sharedNetwork("Izglītība un kultūra");
        meeting(network, "Abonēta sanāksme", "Europe/Vilnius");
        BrowserlessUIContext window = signedIn(guest, "admin");
        window.navigate("my-networks", MyNetworksView.class);
        assertThat(window.find(TextField.class).withId("calendar-feed-url").all()).isEmpty();
        click(window, "create-calendar-feed");
        TextField address = window.find(TextField.class).id("calendar-feed-url");
        assertThat(address.isVisible()).isTrue();
        String path = URI.create(address.getValue()).getPath();
        assertThat(path).startsWith("/api/calendar/").endsWith(".ics");

        TestClient.Response feed = api.get(path);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).contains("SUMMARY:Abonēta sanāksme", "TZID=Europe/Vilnius");

        click(window, "revoke-calendar-feed");
        assertThat(window.find(TextField.class).withId("calendar-feed-url").all()).isEmpty();
        assertThat(api.get(path).status()).isEqualTo(404);
    }

    /** A meeting on 4 May 2026, 10:00–12:00 local time in {@code zone}, planned through the API. */
    private String meeting(String network, String title, String zone) {
        TestClient.Response created = api.post("/api/networks/" + network + "/meetings", Map.of(
                "kind", "SEMINAR", "title", Map.of("lv", title), "startsAt", "2026-05-04T10:00:00",
                "endsAt", "2026-05-04T12:00:00", "timeZone", zone, "place", "Rīga, Mazā Pils iela 1",
                "agenda", "Tīklu prezentācija"), bearer(ownerCoordinator));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    /** A network of the owner, shared with the guest association, in which the Kaunas district takes part. */
    private String sharedNetwork(String name) {
        TestClient.Response created = api.post("/api/networks", Map.of("name", Map.of("lv", name), "theme",
                "Sadarbība", "status", "ACTIVE", "maxPilots", 3), bearer(ownerCoordinator));
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

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }
}
