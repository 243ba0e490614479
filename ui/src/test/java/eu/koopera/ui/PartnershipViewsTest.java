package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.dashboard.ui.DashboardView;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.AgreementStatus;
import eu.koopera.partnerships.ConfirmationResponse;
import eu.koopera.partnerships.CommitteeMemberResponse;
import eu.koopera.partnerships.ConfirmationStatus;
import eu.koopera.partnerships.Fulfilment;
import eu.koopera.partnerships.PartyResponse;
import eu.koopera.partnerships.StepStatus;
import eu.koopera.partnerships.ui.AgreementView;
import eu.koopera.partnerships.ui.AgreementsView;
import eu.koopera.partnerships.ui.ConfirmationsView;
import eu.koopera.partnerships.ui.MyPartnershipsView;
import eu.koopera.support.Outbox;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partnerships in the portals: the Kėdainiai–Raseiniai cooperation agreement recorded in the dialog and listed; its
 * commitments and spending entered on its page give the fulfilment to the cent; bad input is refused in the
 * user's language and writes nothing; an agreement naming another association's member is confirmed there and then
 * listed; a municipal user sees their organisation's agreements in "Our partnerships", read-only.
 */
@MicronautTest(transactional = false)
class PartnershipViewsTest extends BrowserlessUiTest {

    private static final String PASSWORD = "partnership-views-password-123";
    private static final String KEDAINIAI = "Kėdainių rajono savivaldybė";
    private static final String RASEINIAI = "Raseinių rajono savivaldybė";
    private static final String JONAVA = "Jonavos rajono savivaldybė";

    private String tenant;
    private String other;
    private String admin;
    private String otherAdmin;
    private long kedainiai;
    private long raseiniai;
    private long jonava;
    private long otherMember;

    @BeforeAll
    void associations() {
        tenant = api.createTenantWithAdmin("uipart", PASSWORD);
        other = api.createTenantWithAdmin("uipartb", PASSWORD);
        admin = api.login(tenant, "admin", PASSWORD);
        otherAdmin = api.login(other, "admin", PASSWORD);
        kedainiai = member(admin, "LT-KED", KEDAINIAI);
        raseiniai = member(admin, "LT-RAS", RASEINIAI);
        jonava = member(admin, "LT-JON", JONAVA);
        otherMember = member(otherAdmin, "LV-VAL", "Valmieras novads");
        officer("kedainiai", kedainiai);
    }

    @Test
    void theKedainiaiRaseiniaiAgreementEnteredInTheDialogIsListed() {
        String network = api.post("/api/networks", Map.of("name", Map.of("lt", "Bendruomenių stiprinimas"),
                "status", "ACTIVE"), bearer(admin)).string("id");
        BrowserlessUIContext window = signedIn(tenant, "admin");
        window.navigate("partnerships", AgreementsView.class);
        click(window, "create-agreement");
        text(window, "agreement-title-lt", "Kėdainių ir Raseinių rajonų savivaldybių bendradarbiavimo sutartis");
        choose(window, "party-0-member", KEDAINIAI);
        choose(window, "party-1-member", RASEINIAI);
        List<String> forms = List.of("Abipusės konsultacijos bendruomenių verslo ir viešųjų paslaugų perdavimo "
                        + "organizacijoms klausimais",
                "Specialistų žinių, tyrimų ir gerosios patirties sklaida",
                "Bendri projektai bendruomeninėms organizacijoms ir pilietiniam dalyvavimui",
                "Šalių populiarinimas");
        for (int i = 0; i < forms.size(); i++) {
            click(window, "add-form-of-cooperation");
            text(window, "form-" + i + "-lt", forms.get(i));
        }
        date(window, "agreement-signed-on", LocalDate.of(2023, 10, 17));
        text(window, "agreement-signed-place", "Dotnuva");
        date(window, "agreement-starts-on", LocalDate.of(2024, 1, 1));
        date(window, "agreement-ends-on", LocalDate.of(2026, 12, 31));
        status(window, AgreementStatus.ACTIVE);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<NetworkResponse> networks = window.find(MultiSelectComboBox.class)
                .id("agreement-networks");
        networks.select(networks.getListDataView().getItems()
                .filter(offered -> offered.id().toString().equals(network)).toList());
        click(window, "save-agreement");

        assertThat(window.getCurrentView()).isInstanceOf(AgreementView.class);
        assertThat(window.find(Anchor.class).all()).extracting(Anchor::getHref).contains("networks/" + network);
        window.navigate("partnerships", AgreementsView.class);
        assertThat(this.<AgreementResponse>rows(window, "agreements")).anySatisfy(agreement -> {
            assertThat(agreement.title().lt()).startsWith("Kėdainių ir Raseinių");
            assertThat(agreement.parties()).extracting(PartyResponse::memberId).containsExactly(kedainiai, raseiniai);
            assertThat(agreement.formsOfCooperation()).extracting(text -> text.lt()).isEqualTo(forms);
            assertThat(agreement.signedOn()).isEqualTo(LocalDate.of(2023, 10, 17));
            assertThat(agreement.signedPlace()).isEqualTo("Dotnuva");
            assertThat(agreement.startsOn()).isEqualTo(LocalDate.of(2024, 1, 1));
            assertThat(agreement.endsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
            assertThat(agreement.networkIds()).extracting(Object::toString).containsExactly(network);
        });
    }

    @Test
    void commitmentsAndSpendingEnteredOnThePageGiveTheFulfilmentToTheCent() {
        String id = agreement("Bendradarbiavimo sutartis (biudžetas)", kedainiai, raseiniai);
        BrowserlessUIContext window = signedIn(tenant, "admin");
        window.navigate("partnerships/" + id, AgreementView.class);
        window.test(window.find(TabSheet.class).id("agreement-tabs")).select(2);
        for (String party : List.of(KEDAINIAI, RASEINIAI)) {
            for (int year = 2024; year <= 2026; year++) {
                party(window, "commitment-party", party);
                window.test(window.find(IntegerField.class).id("commitment-year")).setValue(year);
                amount(window, "commitment-amount", "5000");
                click(window, "add-commitment");
            }
        }
        spend(window, KEDAINIAI, LocalDate.of(2024, 5, 10), "1200.50", "Bendruomenių forumas");
        spend(window, KEDAINIAI, LocalDate.of(2024, 9, 2), "799.49", "Mokymai");
        spend(window, RASEINIAI, LocalDate.of(2025, 3, 14), "4321.09", "Bendras projektas");

        List<Fulfilment.Line> lines = rows(window, "fulfilment");
        Fulfilment.Line kedainiai2024 = line(lines, KEDAINIAI, 2024);
        assertThat(kedainiai2024.committed()).isEqualByComparingTo("5000.00");
        assertThat(kedainiai2024.spent()).isEqualByComparingTo(new BigDecimal("1200.50").add(new BigDecimal("799.49")));
        assertThat(kedainiai2024.remaining()).isEqualByComparingTo("3000.01");
        assertThat(kedainiai2024.percent()).isEqualByComparingTo("40.00");
        Fulfilment.Line raseiniai2025 = line(lines, RASEINIAI, 2025);
        assertThat(raseiniai2025.remaining()).isEqualByComparingTo("678.91");
        assertThat(raseiniai2025.percent()).isEqualByComparingTo("86.42");
        assertThat(line(lines, RASEINIAI, 2026).spent()).isEqualByComparingTo("0.00");
        Fulfilment.Line total = lines.stream().filter(line -> line.party() == null && line.year() == null)
                .findFirst().orElseThrow();
        assertThat(total.committed()).isEqualByComparingTo("30000.00");
        assertThat(total.spent()).isEqualByComparingTo("6321.08");
        assertThat(total.remaining()).isEqualByComparingTo("23678.92");
        assertThat(total.percent()).isEqualByComparingTo("21.07");
        // the table shows the same figures in the reader's format, with the currency, to the cent
        GridTester<Grid<Fulfilment.Line>, Fulfilment.Line> table = grid(window, "fulfilment");
        int row = lines.indexOf(kedainiai2024);
        assertThat(spaced(table.getCellText(row, 2))).isEqualTo("5 000,00 €");
        assertThat(spaced(table.getCellText(row, 3))).isEqualTo("1 999,99 €");
        assertThat(spaced(table.getCellText(row, 4))).isEqualTo("3 000,01 €");
        assertThat(table.getCellText(row, 5)).isEqualTo("40,00 %");
        assertThat(spaced(table.getCellText(lines.indexOf(total), 4))).isEqualTo("23 678,92 €");
    }

    @Test
    void badInputIsShownInTheUsersLanguageAndWritesNothing() {
        int before = agreements(admin).size();
        BrowserlessUIContext window = signedIn(tenant, "admin");
        language(window, 1);
        window.navigate("partnerships", AgreementsView.class);
        click(window, "create-agreement");
        text(window, "agreement-title-lt", "Vienašalė sutartis");
        choose(window, "party-0-member", KEDAINIAI);
        click(window, "party-1-remove");
        date(window, "agreement-starts-on", LocalDate.of(2025, 1, 1));
        date(window, "agreement-ends-on", LocalDate.of(2024, 12, 31));
        click(window, "save-agreement");

        String translated = window.getUI().getTranslation("problem.period.endsBeforeStart");
        assertThat(translated).isEqualTo("Pabaiga yra anksčiau už pradžią.");
        DatePicker endsOn = window.find(DatePicker.class).id("agreement-ends-on");
        assertThat(endsOn.isInvalid()).isTrue();
        assertThat(endsOn.getErrorMessage()).isEqualTo(translated);
        Paragraph parties = window.find(Paragraph.class).id("agreement-parties-error");
        assertThat(parties.isVisible()).isTrue();
        assertThat(parties.getText()).isEqualTo("Sutarčiai reikia bent dviejų šalių.");

        // the same member twice: the refusal lands on the second party's row
        click(window, "add-party");
        choose(window, "party-2-member", KEDAINIAI);
        date(window, "agreement-ends-on", LocalDate.of(2026, 12, 31));
        click(window, "save-agreement");
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> second = window.find(ComboBox.class).id("party-2-member");
        assertThat(second.isInvalid()).isTrue();
        assertThat(second.getErrorMessage()).isEqualTo("Ši šalis nurodyta du kartus.");
        assertThat(agreements(admin)).hasSize(before);
    }

    @Test
    void anotherAssociationConfirmsTheAgreementNamingItsMemberAndThenListsIt() {
        TestClient.Response created = api.post("/api/agreements", Map.of("type", "TWINNING",
                "title", Map.of("lt", "Kėdainių ir Valmieros giminystė", "lv", "Ķēdaiņu un Valmieras sadraudzība"),
                "parties", List.of(Map.of("memberId", kedainiai), Map.of("tenant", other, "memberId", otherMember)),
                "startsOn", "2025-01-01", "status", "DRAFT"), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.string("id");

        BrowserlessUIContext window = signedIn(other, "admin");
        window.navigate("partnerships", AgreementsView.class);
        assertThat(this.<AgreementResponse>rows(window, "agreements")).extracting(a -> a.id().toString())
                .doesNotContain(id);
        window.navigate("partnerships/confirmations", ConfirmationsView.class);
        assertThat(this.<ConfirmationResponse>rows(window, "agreement-confirmations")).anySatisfy(pending -> {
            assertThat(pending.agreementId().toString()).isEqualTo(id);
            assertThat(pending.status()).isEqualTo(ConfirmationStatus.PENDING);
            assertThat(pending.members()).extracting(PartyResponse::label).containsExactly("Valmieras novads");
        });
        GridTester<Grid<ConfirmationResponse>, ConfirmationResponse> asked = grid(window, "agreement-confirmations");
        int row = IntStream.range(0, asked.size()).filter(i -> asked.getRow(i).agreementId().toString().equals(id))
                .findFirst().orElseThrow();
        window.test((Button) asked.getCellComponent(row, 5)).click();
        assertThat(this.<ConfirmationResponse>rows(window, "agreement-confirmations"))
                .filteredOn(decided -> decided.agreementId().toString().equals(id))
                .extracting(ConfirmationResponse::status).containsExactly(ConfirmationStatus.CONFIRMED);

        window.navigate("partnerships", AgreementsView.class);
        assertThat(this.<AgreementResponse>rows(window, "agreements")).extracting(a -> a.id().toString())
                .contains(id);
    }

    @Test
    void aMunicipalUserSeesTheirOrganisationsAgreementsReadOnly() {
        String ours = agreement("Kėdainių ir Jonavos sutartis", kedainiai, jonava);
        String theirs = agreement("Raseinių ir Jonavos sutartis", raseiniai, jonava);
        BrowserlessUIContext window = signedIn(tenant, "kedainiai");
        window.navigate("my-partnerships", MyPartnershipsView.class);
        List<String> listed = this.<AgreementResponse>rows(window, "my-partnerships").stream()
                .map(agreement -> agreement.id().toString()).toList();
        assertThat(listed).contains(ours).doesNotContain(theirs);

        window.navigate("partnerships/" + ours, AgreementView.class);
        assertThat(window.find(Button.class).withId("edit-agreement").exists()).isFalse();
        window.test(window.find(TabSheet.class).id("agreement-tabs")).select(2);
        assertThat(window.find(Button.class).all()).extracting(Button::getId)
                .noneMatch(buttonId -> buttonId.filter(value -> value.startsWith("add-")).isPresent());
    }

    @Test
    void aCommunityPartnershipsPlanAndATwinningsCommitteeAreEditedOnTheirTabs() {
        TestClient.Response partnership = api.post("/api/agreements", Map.of("type", "COMMUNITY_PARTNERSHIP",
                "title", Map.of("lt", "Partnerystė su bendruomenėmis"), "legalForm", "PROJECT_FINANCING",
                "parties", List.of(Map.of("memberId", jonava), Map.of("organisation", Map.of("name",
                        "Jonavos bendruomenių sąjunga", "registrationNo", "302123456", "kind", "NVO"))),
                "startsOn", "2025-01-01", "status", "ACTIVE"), bearer(admin));
        assertThat(partnership.status()).as(partnership.body()).isEqualTo(201);
        BrowserlessUIContext window = signedIn(tenant, "admin");
        window.navigate("partnerships/" + partnership.string("id"), AgreementView.class);
        window.test(window.find(TabSheet.class).id("agreement-tabs")).select(4);
        window.test(window.find(TextArea.class).id("plan-shared-outcome-content"))
                .setValue("Daugiau paslaugų teikia bendruomenės");
        window.test(window.find(TextField.class).id("plan-shared-outcome-responsible")).setValue("Meras");
        @SuppressWarnings("unchecked")
        Select<StepStatus> step = window.find(Select.class).id("plan-shared-outcome-status");
        step.setValue(StepStatus.DONE);
        window.test(window.find(TextArea.class).id("plan-evaluation")).setValue("Rezultatai paskelbti");
        click(window, "save-plan");
        Map<String, Object> plan = api.get("/api/agreements/" + partnership.string("id") + "/plan", bearer(admin))
                .map();
        assertThat(plan.get("evaluation")).isEqualTo("Rezultatai paskelbti");
        assertThat(((List<?>) plan.get("steps")).getFirst()).asString().contains("DONE")
                .contains("Daugiau paslaugų teikia bendruomenės");

        TestClient.Response twinning = api.post("/api/agreements", Map.of("type", "TWINNING",
                "title", Map.of("lt", "Kėdainių ir Gotlando giminystė"), "parties", List.of(
                        Map.of("memberId", kedainiai), Map.of("foreign", Map.of("name", "Gotland", "country", "SE"))),
                "startsOn", "2025-01-01", "status", "ACTIVE"), bearer(admin));
        assertThat(twinning.status()).as(twinning.body()).isEqualTo(201);
        window.navigate("partnerships/" + twinning.string("id"), AgreementView.class);
        window.test(window.find(TabSheet.class).id("agreement-tabs")).select(4);
        text(window, "committee-name", "Ona Petrauskienė");
        text(window, "committee-role", "Pirmininkė");
        click(window, "add-committee-member");
        assertThat(this.<CommitteeMemberResponse>rows(window, "committee"))
                .extracting(CommitteeMemberResponse::name).containsExactly("Ona Petrauskienė");
        GridTester<Grid<CommitteeMemberResponse>, CommitteeMemberResponse> committee = grid(window, "committee");
        window.test((Button) committee.getCellComponent(0, 4)).click();
        assertThat(grid(window, "committee").size()).isZero();
    }

    @Test
    void theAdministratorsDashboardLinksToAnAgreementDueForReview() {
        TestClient.Response created = api.post("/api/agreements", Map.of("type", "COOPERATION_AGREEMENT",
                "title", Map.of("lt", "Peržiūrėtina sutartis"), "parties", List.of(Map.of("memberId", raseiniai),
                        Map.of("foreign", Map.of("name", "Gotland", "country", "SE"))),
                "startsOn", "2024-01-01", "status", "ACTIVE", "nextReviewOn", LocalDate.now().minusDays(3)
                        .toString()), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        BrowserlessUIContext window = signedIn(tenant, "admin");
        window.navigate("dashboard", DashboardView.class);
        UnorderedList due = window.find(UnorderedList.class).id("dashboard-agreements-reviews");
        assertThat(due.getChildren().flatMap(item -> item.getChildren()).filter(Anchor.class::isInstance)
                .map(Anchor.class::cast).map(Anchor::getHref))
                .contains("partnerships/" + created.string("id"));
    }

    /** An ACTIVE cooperation agreement for 2024–2026 between two own members, recorded through the API; its id. */
    private String agreement(String title, long first, long second) {
        TestClient.Response created = api.post("/api/agreements", Map.of("type", "COOPERATION_AGREEMENT",
                "title", Map.of("lt", title), "parties", List.of(Map.of("memberId", first),
                        Map.of("memberId", second)), "startsOn", "2024-01-01", "endsOn", "2026-12-31",
                "status", "ACTIVE"), bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.string("id");
    }

    private List<Map<String, Object>> agreements(String token) {
        return api.get("/api/agreements?size=100", bearer(token)).list("items");
    }

    private void spend(BrowserlessUIContext window, String party, LocalDate on, String amount, String purpose) {
        party(window, "spending-party", party);
        date(window, "spending-date", on);
        amount(window, "spending-amount", amount);
        text(window, "spending-purpose", purpose);
        click(window, "add-spending");
    }

    /** Latvian groups thousands with a (narrow) no-break space; written here as a plain one. */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static Fulfilment.Line line(List<Fulfilment.Line> lines, String party, int year) {
        return lines.stream().filter(line -> party.equals(line.partyName()) && Integer.valueOf(year)
                .equals(line.year())).findFirst().orElseThrow();
    }

    private long member(String token, String code, String name) {
        TestClient.Response created = api.post("/api/members", Map.of("code", code, "name", name,
                "kind", "MUNICIPALITY"), bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.string("id"));
    }

    /** A MEMBER user linked through the invitation to a person of {@code memberId}. */
    private void officer(String username, long memberId) {
        String email = username + "@" + tenant + ".example";
        TestClient.Response person = api.post("/api/people", Map.of("memberId", memberId, "firstName", "Officer",
                "lastName", username, "email", email), bearer(admin));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        TestClient.Response invited = api.post("/api/people/" + person.string("id") + "/invitations",
                Map.of("roles", List.of("MEMBER")), bearer(admin));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = Outbox.invitationToken(Outbox.latestTo(email).orElseThrow().bodyText(), tenant);
        TestClient.Response accepted = api.post("/api/public/invitations/" + tenant + "/" + token + "/accept",
                Map.of("username", username, "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    private BrowserlessUIContext signedIn(String association, String username) {
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + association, username, PASSWORD);
        return window;
    }

    /** Picks a language in the user menu: 0 Latvian, 1 Lithuanian, 2 English. */
    private static void language(BrowserlessUIContext window, int index) {
        MenuBarTester<MenuBar> menu = window.test(window.find(MenuBar.class).single());
        menu.clickItem(0, 1, index);
    }

    private static void choose(BrowserlessUIContext window, String id, String name) {
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> picker = window.find(ComboBox.class).id(id);
        picker.setValue(window.test(picker).getSuggestionItems().stream()
                .filter(member -> member.name().equals(name)).findFirst().orElseThrow());
    }

    private static void party(BrowserlessUIContext window, String id, String name) {
        @SuppressWarnings("unchecked")
        Select<PartyResponse> select = window.find(Select.class).id(id);
        window.test(select).selectItem(name);
    }

    private static void status(BrowserlessUIContext window, AgreementStatus status) {
        @SuppressWarnings("unchecked")
        Select<AgreementStatus> select = window.find(Select.class).id("agreement-status");
        select.setValue(status);
    }

    private static void text(BrowserlessUIContext window, String id, String value) {
        window.test(window.find(TextField.class).id(id)).setValue(value);
    }

    private static void date(BrowserlessUIContext window, String id, LocalDate value) {
        window.test(window.find(DatePicker.class).id(id)).setValue(value);
    }

    private static void amount(BrowserlessUIContext window, String id, String value) {
        window.test(window.find(BigDecimalField.class).id(id)).setValue(new BigDecimal(value));
    }

    private static <T> GridTester<Grid<T>, T> grid(BrowserlessUIContext window, String id) {
        @SuppressWarnings("unchecked")
        Grid<T> grid = window.find(Grid.class).id(id);
        return window.test(grid);
    }

    private <T> List<T> rows(BrowserlessUIContext window, String id) {
        GridTester<Grid<T>, T> rows = grid(window, id);
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }
}
