package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.partnerships.AgreementDocumentService;
import eu.koopera.partnerships.AnnouncementResponse;
import eu.koopera.partnerships.CommitteeMeeting;
import eu.koopera.partnerships.CommitteeMeetingService;
import eu.koopera.partnerships.ImportedMunicipality;
import eu.koopera.partnerships.PartnerCandidate;
import eu.koopera.partnerships.PartnerSource;
import eu.koopera.partnerships.ReplyResponse;
import eu.koopera.partnerships.ui.AgreementDocumentsPanel;
import eu.koopera.partnerships.ui.CommitteeMeetingsPanel;
import eu.koopera.partnerships.ui.ForeignMunicipalitiesView;
import eu.koopera.partnerships.ui.PartnerAnnouncementsView;
import eu.koopera.partnerships.ui.PartnerSearchView;
import eu.koopera.platform.web.Problem;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner search and announcements in the portal: filters from the address and from the fields narrow the results
 * across the association, associations that share their members and foreign lists; an announcement published in one association is answered from another, and the
 * reply is listed for both but not for a third.
 */
@MicronautTest(transactional = false)
class PartnerSearchViewsTest extends BrowserlessUiTest {

    /** The password {@link Associations} gives its users. */
    private static final String PASSWORD = "network-password-123";

    private Association lps;
    private Association lsa;
    private Association third;
    private long valmiera;

    @BeforeAll
    void associations() {
        Associations arrange = new Associations(api);
        lps = arrange.create("uipsrch");
        lsa = arrange.create("uipsrchlt");
        third = arrange.create("uipsrchx", "Tartu");
        valmiera = member(lps, "Valmiera", "STATE_CITY", "LV", 23000);
        member(lps, "Cēsu novads", "MUNICIPALITY", "LV", 41000);
        member(lsa, "Kėdainių rajono savivaldybė", "DISTRICT_MUNICIPALITY", "LT", 45000);
        TestClient.Response shared = api.put("/api/partnerships/search-settings", Map.of("shareMembers", true),
                bearer(lsa.admin()));
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    }

    @Test
    void filtersFromTheAddressAndTheFieldsNarrowTheResults() {
        BrowserlessUIContext window = signedIn(lps, "coordinator");
        window.getUI().navigate("partnerships/search",
                QueryParameters.fromString("populationMin=30000&populationMax=50000"));
        assertThat(names(window)).containsExactly("Cēsu novads", "Kėdainių rajono savivaldybė");
        assertThat(window.find(IntegerField.class).id("search-population-min").getValue()).isEqualTo(30000);
        List<PartnerCandidate> rows = rows(window, "partner-results");
        assertThat(rows.get(1).source().name()).isEqualTo("ASSOCIATION");
        @SuppressWarnings("unchecked")
        GridTester<Grid<PartnerCandidate>, PartnerCandidate> grid = window.test(window.find(Grid.class)
                .id("partner-results"));
        assertThat(grid.getCellText(1, grid.getColumnPosition("source"))).startsWith(
                window.getUI().getTranslation("partnerSearch.source.ASSOCIATION"));

        window.test(window.find(TextField.class).id("search-country")).setValue("LT");
        assertThat(names(window)).containsExactly("Kėdainių rajono savivaldybė");

        window.test(window.find(TextField.class).id("search-country")).setValue("");
        window.test(window.find(IntegerField.class).id("search-population-max")).setValue(1000);
        assertThat(names(window)).as("from 30,000 to 1,000 is refused, nothing listed").isEmpty();
    }

    @Test
    void anAnnouncementIsAnsweredFromAnotherAssociationAndTheReplyStaysBetweenThem() {
        BrowserlessUIContext owner = signedIn(lps, "coordinator");
        owner.navigate("partnerships/announcements", PartnerAnnouncementsView.class);
        choose(owner, "announcement-member", "Valmiera");
        owner.test(owner.find(TextField.class).id("announcement-theme")).setValue("Jaunatnes apmaiņa");
        owner.test(owner.find(TextArea.class).id("announcement-text-lv")).setValue("Meklējam partneri jauniešiem");
        owner.find(DatePicker.class).id("announcement-deadline").setValue(LocalDate.now().plusDays(20));
        owner.test(owner.find(Button.class).id("announcement-publish")).click();
        AnnouncementResponse published = this.<AnnouncementResponse>rows(owner, "announcements").stream()
                .filter(a -> a.theme().equals("Jaunatnes apmaiņa")).findFirst().orElseThrow();

        BrowserlessUIContext replier = signedIn(third, "admin");
        replier.navigate("partnerships/announcements", PartnerAnnouncementsView.class);
        select(replier, published);
        choose(replier, "reply-member", "Tartu");
        replier.test(replier.find(TextArea.class).id("reply-message")).setValue("Tartu jaunimas domisi");
        replier.test(replier.find(Button.class).id("reply-send")).click();
        assertThat(this.<ReplyResponse>rows(replier, "announcement-replies")).extracting(ReplyResponse::message)
                .containsExactly("Tartu jaunimas domisi");

        BrowserlessUIContext again = signedIn(lps, "admin");
        again.navigate("partnerships/announcements", PartnerAnnouncementsView.class);
        select(again, published);
        assertThat(this.<ReplyResponse>rows(again, "announcement-replies")).extracting(ReplyResponse::memberName)
                .containsExactly("Tartu");
        assertThat(again.find(TextArea.class).all().stream().noneMatch(area -> "reply-message".equals(
                area.getId().orElse("")) && area.isAttached())).as("no reply to one's own announcement").isTrue();

        BrowserlessUIContext other = signedIn(lsa, "admin");
        other.navigate("partnerships/announcements", PartnerAnnouncementsView.class);
        select(other, published);
        assertThat(this.<ReplyResponse>rows(other, "announcement-replies")).isEmpty();
    }

    @Test
    void foreignMunicipalitiesAreCheckedThenImportedAndFoundBySearch() {
        BrowserlessUIContext window = signedIn(lps, "admin");
        window.navigate("partnerships/foreign-municipalities", ForeignMunicipalitiesView.class);
        window.test(window.find(Upload.class).id("foreign-upload")).upload("towns.csv", "text/csv",
                "name;country;population;themes\nPärnu;EE;52000;Tūrisms\nTartu;XX;;\n"
                        .getBytes(StandardCharsets.UTF_8));
        window.test(window.find(Button.class).id("foreign-check")).click();
        assertThat(this.<Problem.FieldError>rows(window, "foreign-errors")).extracting(Problem.FieldError::code)
                .containsExactly("import.country");
        assertThat(window.find(Button.class).id("foreign-run").isEnabled()).isFalse();

        window.test(window.find(Upload.class).id("foreign-upload")).upload("towns.csv", "text/csv",
                "name;country;population;themes\nPärnu;EE;52000;Tūrisms\n".getBytes(StandardCharsets.UTF_8));
        window.test(window.find(Button.class).id("foreign-check")).click();
        window.test(window.find(Button.class).id("foreign-run")).click();
        assertThat(this.<ImportedMunicipality>rows(window, "foreign-municipalities"))
                .extracting(ImportedMunicipality::name).containsExactly("Pärnu");

        window.getUI().navigate("partnerships/search", QueryParameters.fromString("theme=tūr"));
        assertThat(this.<PartnerCandidate>rows(window, "partner-results")).extracting(PartnerCandidate::source)
                .containsExactly(PartnerSource.FOREIGN);
    }

    @Test
    void anAdministratorSharesTheMembersFromTheSearchPage() {
        BrowserlessUIContext window = signedIn(third, "admin");
        window.navigate("partnerships/search", PartnerSearchView.class);
        Checkbox share = window.find(Checkbox.class).id("search-share");
        assertThat(share.getValue()).isFalse();
        window.test(share).click();
        assertThat(api.get("/api/partnerships/search-settings", bearer(third.admin())).map())
                .containsEntry("shareMembers", true).containsEntry("published", 1);
        BrowserlessUIContext coordinator = signedIn(third, "coordinator");
        coordinator.navigate("partnerships/search", PartnerSearchView.class);
        assertThat(coordinator.find(Checkbox.class).all()).as("only administrators decide").isEmpty();
    }

    @Test
    void theAgreementPanelsUploadADocumentAndPlanACommitteeMeeting() {
        TestClient.Response twinning = api.post("/api/agreements", Map.of("type", "TWINNING", "title",
                Map.of("lv", "Valmieras sadraudzība"), "parties", List.of(Map.of("memberId", valmiera),
                        Map.of("foreign", Map.of("name", "Pärnu", "country", "EE")))), bearer(lps.coordinator()));
        assertThat(twinning.status()).as(twinning.body()).isEqualTo(201);
        UUID agreement = UUID.fromString(twinning.string("id"));
        BrowserlessUIContext window = signedIn(lps, "coordinator");
        window.navigate("partnerships/search", PartnerSearchView.class);
        AgreementDocumentsPanel documents = new AgreementDocumentsPanel(agreement,
                context.getBean(AgreementDocumentService.class), true, 1_000_000);
        CommitteeMeetingsPanel meetings = new CommitteeMeetingsPanel(agreement,
                context.getBean(CommitteeMeetingService.class), true);
        window.getUI().add(documents, meetings);

        documents.upload("parakstīts līgums.pdf", "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(window.find(Anchor.class).all()).extracting(Anchor::getText).contains("parakstīts līgums.pdf");

        window.test(window.find(TextField.class).id("committee-meeting-title")).setValue("Komitejas sēde");
        window.find(DateTimePicker.class).id("committee-meeting-starts").setValue(LocalDateTime.of(2030, 5, 4, 10, 0));
        window.find(DateTimePicker.class).id("committee-meeting-ends").setValue(LocalDateTime.of(2030, 5, 4, 12, 0));
        window.test(window.find(TextField.class).id("committee-meeting-place")).setValue("Valmiera");
        window.test(window.find(Button.class).id("committee-meeting-plan")).click();
        assertThat(this.<CommitteeMeeting>rows(window, "committee-meeting-list")).extracting(CommitteeMeeting::title)
                .containsExactly("Komitejas sēde");
        assertThat(api.get("/api/agreements/" + agreement + "/documents", bearer(lps.admin())).body())
                .contains("parakstīts");
    }

    private void select(BrowserlessUIContext window, AnnouncementResponse announcement) {
        @SuppressWarnings("unchecked")
        Grid<AnnouncementResponse> grid = window.find(Grid.class).id("announcements");
        AnnouncementResponse row = this.<AnnouncementResponse>rows(window, "announcements").stream()
                .filter(a -> a.id().equals(announcement.id())).findFirst().orElseThrow();
        grid.select(row);
    }

    private static void choose(BrowserlessUIContext window, String id, String name) {
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> box = window.find(ComboBox.class).id(id);
        box.setValue(box.getListDataView().getItems().filter(m -> m.name().equals(name)).findFirst().orElseThrow());
    }

    private List<Object> names(BrowserlessUIContext window) {
        return this.<PartnerCandidate>rows(window, "partner-results").stream().map(c -> (Object) c.name()).toList();
    }

    private long member(Association association, String name, String kind, String country, int population) {
        TestClient.Response created = api.post("/api/members", Map.of("name", name, "code",
                "M" + Math.abs(name.hashCode()), "kind", kind, "country", country, "population", population),
                bearer(association.admin()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    private BrowserlessUIContext signedIn(Association association, String username) {
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + association.code(), username, PASSWORD);
        return window;
    }

    private <T> List<T> rows(BrowserlessUIContext window, String id) {
        @SuppressWarnings("unchecked")
        Grid<T> grid = window.find(Grid.class).id(id);
        GridTester<Grid<T>, T> rows = window.test(grid);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }
}
