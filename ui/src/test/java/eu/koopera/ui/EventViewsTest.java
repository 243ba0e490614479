package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.events.EventResponse;
import eu.koopera.events.EventStatus;
import eu.koopera.events.RegistrationResponse;
import eu.koopera.events.ui.EventView;
import eu.koopera.events.ui.EventsView;
import eu.koopera.events.ui.MyEventsView;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events in the portal: staff create one in the dialog and find it in the list and the calendar; members register
 * from "My events", are confirmed or waitlisted with their position, and accept an offered place; the organisers of
 * a joint event each see only their own registrants' needs; refusals are told in the user's language.
 */
@MicronautTest(transactional = false)
class EventViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "event-views-password-123";

    private String owner;
    private String guest;
    private String ownerAdmin;
    private String guestAdmin;
    private long valmiera;
    private long jelgava;

    @BeforeAll
    void createAssociationsAndMembers() {
        owner = api.createTenantWithAdmin("uieva", PASSWORD);
        guest = api.createTenantWithAdmin("uievb", PASSWORD);
        ownerAdmin = api.login(owner, "admin", PASSWORD);
        guestAdmin = api.login(guest, "admin", PASSWORD);
        valmiera = member(ownerAdmin, "Valmieras novads");
        jelgava = member(guestAdmin, "Jelgavas valstspilsēta");
        officer("anna", valmiera);
        officer("juris", valmiera);
    }

    @Test
    void staffCreateAnEventInTheDialogAndSeeItListed() {
        BrowserlessUIContext window = signedIn(owner, "admin");
        window.navigate("events", EventsView.class);
        click(window, "create-event");
        window.test(window.find(TextField.class).id("event-title-lv")).setValue("Pieredzes vizīte Somijā");
        window.test(window.find(TextField.class).id("event-title-en")).setValue("Study visit to Finland");
        window.test(window.find(TextField.class).id("event-country")).setValue("fi");
        window.test(window.find(TextField.class).id("event-city")).setValue("Helsinki");
        @SuppressWarnings("unchecked")
        Select<EventStatus> status = window.find(Select.class).id("event-status");
        status.setValue(EventStatus.OPEN);
        window.find(IntegerField.class).id("event-capacity").setValue(0);
        click(window, "save-event");
        assertThat(window.find(IntegerField.class).id("event-capacity").isInvalid()).isTrue();

        window.find(IntegerField.class).id("event-capacity").setValue(12);
        click(window, "save-event");

        List<EventResponse> listed = this.rows(window, "events");
        assertThat(listed).anySatisfy(event -> {
            assertThat(event.title().lv()).isEqualTo("Pieredzes vizīte Somijā");
            assertThat(event.country()).isEqualTo("FI");
            assertThat(event.capacity()).isEqualTo(12);
            assertThat(event.status()).isEqualTo(EventStatus.OPEN);
        });
        assertThat(api.get("/api/events?size=100", bearer(ownerAdmin)).body()).contains("Pieredzes vizīte Somijā");
    }

    @Test
    void theMonthCalendarListsAnEventOnEachOfItsDays() {
        event("Reģionālā diskusija Valmierā", 10, Map.of("startsAt", "2031-03-10T10:00:00",
                "endsAt", "2031-03-11T16:00:00", "timeZone", "Europe/Riga", "kind", "REGIONAL_DISCUSSION"));
        BrowserlessUIContext window = signedIn(owner, "admin");
        window.navigate("events", EventsView.class);
        click(window, "events-toggle-calendar");
        LocalDate today = LocalDate.now();
        int months = (2031 - today.getYear()) * 12 + 3 - today.getMonthValue();
        for (int i = 0; i < months; i++) {
            click(window, "calendar-next");
        }
        for (String day : List.of("2031-03-10", "2031-03-11")) {
            assertThat(window.find(Div.class).id("calendar-day-" + day).getElement().getTextRecursively())
                    .contains("Reģionālā diskusija Valmierā");
        }
        assertThat(window.find(Div.class).id("calendar-day-2031-03-12").getElement().getTextRecursively())
                .doesNotContain("Reģionālā diskusija Valmierā");
    }

    @Test
    void aMemberRegistersFromMyEventsAndIsConfirmed() {
        String event = event("Vizīte Norvēģijā", 5, Map.of());
        BrowserlessUIContext window = signedIn(owner, "anna");
        register(window, event);

        assertThat(statuses(window, event)).containsExactly(t(window, "event.registration.status") + ": "
                + t(window, "event.registration.status.CONFIRMED"));
        assertThat(window.find(Div.class).withId("open-event-" + event).all()).isEmpty();
    }

    @Test
    void whenTheEventIsFullTheNextMemberIsWaitlistedWithTheirPosition() {
        String event = event("Vizīte Polijā", 1, Map.of());
        register(signedIn(owner, "anna"), event);

        BrowserlessUIContext window = signedIn(owner, "juris");
        register(window, event);

        assertThat(statuses(window, event)).containsExactly(t(window, "event.registration.status") + ": "
                + t(window, "event.registration.status.WAITLISTED"));
        assertThat(window.find(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains(window.getUI().getTranslation("event.registration.waitlistPosition", 1));
    }

    @Test
    void anOfferedPlaceShowsAcceptAndAcceptingConfirmsIt() {
        String event = event("Vizīte Lietuvā", 1, Map.of());
        BrowserlessUIContext anna = signedIn(owner, "anna");
        register(anna, event);
        register(signedIn(owner, "juris"), event);
        // Anna cancels in her portal; the freed place is offered to Juris
        anna.test(button(anna, "cancel-registration", event)).click();
        anna.test(anna.find(ConfirmDialog.class).single()).confirm();

        BrowserlessUIContext juris = signedIn(owner, "juris");
        juris.navigate("my-events", MyEventsView.class);
        assertThat(statuses(juris, event)).containsExactly(t(juris, "event.registration.status") + ": "
                + t(juris, "event.registration.status.OFFERED"));
        juris.test(button(juris, "accept-offer", event)).click();

        assertThat(statuses(juris, event)).containsExactly(t(juris, "event.registration.status") + ": "
                + t(juris, "event.registration.status.CONFIRMED"));
    }

    @Test
    void eachOrganiserOfAJointEventSeesOnlyItsOwnRegistrantsNeeds() {
        String event = event("Kopīga vizīte Igaunijā", 10, Map.of());
        TestClient.Response added = api.post("/api/events/" + event + "/co-organisers", Map.of("tenant", guest),
                bearer(ownerAdmin));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        registerPerson(ownerAdmin, event, person(ownerAdmin, valmiera, "Ilze", "Kalna"), "Veģetārs ēdiens");
        registerPerson(guestAdmin, event, person(guestAdmin, jelgava, "Pēteris", "Liepa"), "Bez glutēna");

        for (String viewer : List.of(owner, guest)) {
            BrowserlessUIContext window = signedIn(viewer, "admin");
            window.navigate("events/" + event, EventView.class);
            window.test(window.find(TabSheet.class).id("event-tabs")).select(t(window, "event.tab.registrations"));
            List<RegistrationResponse> needs = this.rows(window, "event-needs");
            String own = viewer.equals(owner) ? "Veģetārs ēdiens" : "Bez glutēna";
            assertThat(needs).singleElement().satisfies(registration ->
                    assertThat(registration.person().dietaryNeeds()).isEqualTo(own));
            assertThat(this.<Object>rows(window, "event-registrations")).hasSize(2);
            assertThat(window.find(Div.class).id("dashboard-needs").getElement().getTextRecursively())
                    .startsWith("1");
        }
    }

    @Test
    void aRefusalIsToldInTheUsersLanguage() {
        String event = event("Slēgta pieteikšanās", 5, Map.of("registrationOpensAt", "2020-01-01T00:00:00",
                "registrationClosesAt", "2020-02-01T00:00:00"));
        BrowserlessUIContext window = signedIn(owner, "anna");
        window.navigate("my-events", MyEventsView.class);
        click(window, "register-" + event);
        window.test(window.find(TextArea.class).id("register-dietary")).setValue("Bez laktozes");
        click(window, "confirm-register");
        assertThat(window.find(Checkbox.class).id("register-consent").isInvalid())
                .isTrue();
        window.find(Checkbox.class).id("register-consent").setValue(true);
        click(window, "confirm-register");

        assertThat(window.find(Notification.class).id("event-refusal").getElement().getProperty("text"))
                .isEqualTo(t(window, "event.problem.registration.closed"));
        assertThat(api.get("/api/events/" + event + "/registrations", bearer(ownerAdmin)).body()).isEqualTo("[]");
    }

    private void register(BrowserlessUIContext window, String event) {
        window.navigate("my-events", MyEventsView.class);
        click(window, "register-" + event);
        click(window, "confirm-register");
    }

    /** The statuses of the user's registrations for {@code event} as "My events" shows them. */
    private static List<String> statuses(BrowserlessUIContext window, String event) {
        return window.find(Paragraph.class).withClassName("registration-status").all().stream()
                .filter(status -> ofEvent(status, event)).map(Paragraph::getText).toList();
    }

    /** The button of {@code className} on the user's registration for {@code event} in "My events". */
    private static Button button(BrowserlessUIContext window, String className, String event) {
        return window.find(Button.class).withClassName(className).all().stream()
                .filter(button -> ofEvent(button, event)).findFirst().orElseThrow();
    }

    private static boolean ofEvent(Component component, String event) {
        for (Component at = component; at != null; at = at.getParent().orElse(null)) {
            if (event.equals(at.getElement().getAttribute("data-event"))) {
                return true;
            }
        }
        return false;
    }

    /** An OPEN study visit of the owner in Oslo in September 2030, with {@code changes} applied. */
    private String event(String title, int capacity, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "STUDY_VISIT", "title", Map.of("lv", title),
                "country", "NO", "city", "Oslo", "startsAt", "2030-09-14T09:00:00", "endsAt", "2030-09-17T18:00:00",
                "timeZone", "Europe/Oslo", "capacity", capacity, "status", "OPEN"));
        body.putAll(changes);
        TestClient.Response created = api.post("/api/events", body, bearer(ownerAdmin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    private void registerPerson(String admin, String event, long person, String dietaryNeeds) {
        TestClient.Response registered = api.post("/api/events/" + event + "/registrations", Map.of("personId",
                person, "dietaryNeeds", dietaryNeeds, "consent", true), bearer(admin));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    private long member(String admin, String name) {
        TestClient.Response created = api.post("/api/members", Map.of("name", name, "code",
                "E" + Math.abs(name.hashCode() % 100000)), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    private long person(String admin, long memberId, String firstName, String lastName) {
        TestClient.Response created = api.post("/api/people", Map.of("memberId", memberId, "firstName", firstName,
                "lastName", lastName), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    /** A MEMBER user of the owner association, linked through the invitation to a person of {@code memberId}. */
    private void officer(String username, long memberId) {
        String email = username + "@" + owner + ".example";
        TestClient.Response person = api.post("/api/people", Map.of("memberId", memberId, "firstName", "Officer",
                "lastName", username, "email", email), bearer(ownerAdmin));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        TestClient.Response invited = api.post("/api/people/" + person.string("id") + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(ownerAdmin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), owner);
        TestClient.Response accepted = api.post("/api/public/invitations/" + owner + "/" + token + "/accept",
                Map.of("username", username, "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    private BrowserlessUIContext signedIn(String tenant, String username) {
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, username, PASSWORD);
        return window;
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

    private static String t(BrowserlessUIContext window, String key) {
        return window.getUI().getTranslation(key);
    }
}
