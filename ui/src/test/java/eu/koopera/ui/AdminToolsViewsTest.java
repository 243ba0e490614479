package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadTester;
import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditEntry;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.mail.MailOutboxEntry;
import eu.koopera.platform.mail.OutgoingMail;
import eu.koopera.platform.web.Problem;
import eu.koopera.support.TestClient;
import eu.koopera.audit.ui.AuditView;
import eu.koopera.ui.mail.MailOutboxView;
import eu.koopera.members.ui.MemberDetailView;
import eu.koopera.members.ui.MemberImportView;
import eu.koopera.dashboard.ui.DashboardView;
import eu.koopera.members.ui.MembersView;
import eu.koopera.ui.session.AccessDeniedView;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@MicronautTest(transactional = false)
class AdminToolsViewsTest extends BrowserlessUiTest {

    @Inject
    MailOutbox outbox;

    @Test
    void importWizardReportsEveryBadRowWritesNothingThenImportsTheCorrectedFile() {
        String tenant = api.createTenantWithAdmin("uiimp", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        assertThat(window.getCurrentView()).isInstanceOf(DashboardView.class);
        window.navigate("members", MembersView.class);
        click(window, "import-members");

        upload(window, "members.csv", csv(true));
        click(window, "import-check");
        List<Problem.FieldError> errors = rows(window, "import-errors");
        assertThat(errors).extracting(Problem.FieldError::row, Problem.FieldError::column)
                .containsExactlyInAnyOrder(tuple(11, "population"), tuple(21, "kind"), tuple(31, "website"));
        assertThat(window.find(Button.class).id("import-run").isEnabled()).isFalse();
        assertThat(memberTotal(tenant)).isEqualTo(0);

        upload(window, "members.csv", csv(false));
        click(window, "import-check");
        assertThat(window.find(Paragraph.class).id("import-outcome").getText())
                .isEqualTo(window.getUI().getTranslation("import.preview", 60, 0));
        assertThat(memberTotal(tenant)).isEqualTo(0);
        click(window, "import-run");

        assertThat(memberTotal(tenant)).isEqualTo(60);
        assertThat(rows(window, "members")).hasSize(60);
    }

    @Test
    void exportLinkDownloadsTheRegisterAndTheWizardHasItsOwnPage() {
        String tenant = api.createTenantWithAdmin("uiexp", ADMIN_PASSWORD);
        createMember(api.login(tenant, "admin", ADMIN_PASSWORD), "Eksporta novads (fictional)", "EXP-1");
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        window.navigate("members", MembersView.class);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        window.test(window.find(Anchor.class).id("export-csv")).download(file);
        assertThat(file.toString(StandardCharsets.UTF_8)).contains("EXP-1", "Eksporta novads (fictional)");

        window.navigate("members/import", MemberImportView.class);
        assertThat(window.find(Upload.class).id("import-upload")).isNotNull();
    }

    @Test
    void memberPageShowsTheMembershipHistory() {
        String tenant = api.createTenantWithAdmin("uidet", ADMIN_PASSWORD);
        String token = api.login(tenant, "admin", ADMIN_PASSWORD);
        long id = createMember(token, "Testa novads (fictional)", "TST-1");
        assertThat(api.post("/api/members/" + id + "/membership", Map.of("status", "SUSPENDED", "note",
                "Unpaid fee"), TestClient.bearer(token)).status()).isEqualTo(200);

        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        window.navigate("members/" + id, MemberDetailView.class);
        window.test(window.find(TabSheet.class).id("member-tabs"))
                .select(window.getUI().getTranslation("member.tab.history"));

        @SuppressWarnings("unchecked")
        GridTester<Grid<Object>, Object> history = window.test(window.find(Grid.class).id("member-history"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.getCellText(0, 0)).isEqualTo(window.getUI().getTranslation("members.status.SUSPENDED"));
        assertThat(history.getCellText(0, 4)).isEqualTo("Unpaid fee");
        assertThat(history.getCellText(1, 0)).isEqualTo(window.getUI().getTranslation("members.status.ACTIVE"));
        assertThat(history.getCellText(1, 3)).isEqualTo("admin");
    }

    @Test
    void auditViewListsTheMemberCreation() {
        String tenant = api.createTenantWithAdmin("uiaud", ADMIN_PASSWORD);
        long id = createMember(api.login(tenant, "admin", ADMIN_PASSWORD), "Audita novads (fictional)", "AUD-1");

        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        window.navigate("audit", AuditView.class);

        List<AuditEntry> entries = rows(window, "audit-log");
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
            assertThat(entry.entityType()).isEqualTo("member");
            assertThat(entry.entityId()).isEqualTo(String.valueOf(id));
            assertThat(entry.actor()).isEqualTo("admin");
        });
        @SuppressWarnings("unchecked")
        GridTester<Grid<AuditEntry>, AuditEntry> log = window.test((Grid<AuditEntry>) window.find(Grid.class)
                .id("audit-log"));
        assertThat(IntStream.range(0, log.size()).mapToObj(row -> log.getCellText(row, 3)))
                .contains(window.getUI().getTranslation("audit.entity.member") + ": Audita novads (fictional)");

        @SuppressWarnings("unchecked")
        Select<String> type = (Select<String>) window.find(Select.class).id("audit-entity-type");
        type.setValue("person");
        assertThat(rows(window, "audit-log")).isEmpty();
        type.setValue("member");
        List<AuditEntry> members = rows(window, "audit-log");
        assertThat(members).isNotEmpty().allSatisfy(entry -> assertThat(entry.entityType()).isEqualTo("member"));
    }

    @Test
    void operatorReadsAQueuedMailInTheOutboxWhileNoSmtpServerIsConfigured() {
        String recipient = "outbox-" + System.nanoTime() + "@example.org";
        outbox.enqueue(new OutgoingMail(null, recipient, "Test subject", "Test body", null));

        BrowserlessUIContext window = newVisitor();
        signIn(window, null, "admin", OPERATOR_PASSWORD);
        window.navigate("operator/mail", MailOutboxView.class);

        List<MailOutboxEntry> mails = rows(window, "mail-outbox");
        assertThat(mails).filteredOn(mail -> mail.recipient().equals(recipient)).singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Test subject");
                    assertThat(mail.bodyText()).isEqualTo("Test body");
                });

        @SuppressWarnings("unchecked")
        Grid<MailOutboxEntry> grid = (Grid<MailOutboxEntry>) window.find(Grid.class).id("mail-outbox");
        grid.select(mails.stream().filter(mail -> mail.recipient().equals(recipient)).findFirst().orElseThrow());
        assertThat(window.find(TextArea.class).id("mail-body").getValue()).isEqualTo("Test body");
    }

    @Test
    void associationAdministratorCannotOpenTheMailOutbox() {
        String tenant = api.createTenantWithAdmin("uimail", ADMIN_PASSWORD);
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);

        window.navigate("operator/mail", AccessDeniedView.class);

        assertThat(window.getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(window.find(Grid.class).all()).noneMatch(grid -> "mail-outbox".equals(grid.getId().orElse(null)));
    }

    /**
     * 60 clearly fictional members; with {@code broken}, data rows 10, 20 and 30 each have one invalid cell. Errors
     * name the line as a spreadsheet shows it, the header being line 1, so those are lines 11, 21 and 31.
     */
    private static byte[] csv(boolean broken) {
        StringBuilder csv = new StringBuilder("code,name,kind,region,population,website\n");
        for (int row = 1; row <= 60; row++) {
            String population = broken && row == 10 ? "many" : String.valueOf(1000 + row);
            String kind = broken && row == 20 ? "VILLAGE" : "MUNICIPALITY";
            String website = broken && row == 30 ? "not a web address" : "https://example.org/m" + row;
            csv.append("TEST-%03d,Test municipality %03d,%s,Test region,%s,%s\n".formatted(row, row, kind, population,
                    website));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long createMember(String token, String name, String code) {
        TestClient.Response created = api.post("/api/members", Map.of("name", name, "code", code),
                TestClient.bearer(token));
        assertThat(created.status()).isEqualTo(201);
        return ((Number) created.map().get("id")).longValue();
    }

    private long memberTotal(String tenant) {
        return ((Number) api.get("/api/members", TestClient.bearer(api.login(tenant, "admin", ADMIN_PASSWORD)))
                .map().get("total")).longValue();
    }

    private static void upload(BrowserlessUIContext window, String name, byte[] content) {
        UploadTester<Upload> upload = window.test(window.find(Upload.class).id("import-upload"));
        upload.upload(name, "text/csv", content);
    }

    private static void click(BrowserlessUIContext window, String id) {
        window.test(window.find(Button.class).id(id)).click();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(BrowserlessUIContext window, String id) {
        GridTester<Grid<T>, T> rows = window.test((Grid<T>) window.find(Grid.class).id(id));
        return IntStream.range(0, rows.size()).mapToObj(rows::getRow).toList();
    }
}
