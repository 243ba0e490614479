package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import eu.koopera.audit.AuditEntry;
import eu.koopera.audit.FieldChange;
import eu.koopera.audit.ui.AuditView;
import eu.koopera.support.TestClient;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The audit log reads in the user's language: summaries from structured entries, changes field by field. */
@MicronautTest(transactional = false)
class AuditViewsTest extends BrowserlessUiTest {

    private static final Pattern EVENT_CODE = Pattern.compile(
            "(?:AuditMessage\\.named\\(|new AuditMessage\\(|String [A-Z_]+ = )\\s*\"([a-z_]+\\.[a-z_]+)\"");

    @Test
    void aMemberUpdateReadsInLatvianWithItsChangedFields() {
        String tenant = api.createTenantWithAdmin("uiaudlv", ADMIN_PASSWORD);
        String token = api.login(tenant, "admin", ADMIN_PASSWORD);
        TestClient.Response created = api.post("/api/members", Map.of("name", "Ogres novads (fictional)",
                "code", "OGR-1", "kind", "MUNICIPALITY", "region", "Vidzeme"), TestClient.bearer(token));
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> update = new HashMap<>(Map.of("name", "Ogres novads (fictional)", "code", "OGR-1",
                "kind", "STATE_CITY", "region", "Vidzeme", "membershipStatus", "ACTIVE", "version", created.map().get("version")));
        assertThat(api.put("/api/members/" + created.map().get("id"), update, TestClient.bearer(token)).status())
                .isEqualTo(200);

        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + tenant, "admin", ADMIN_PASSWORD);
        window.navigate("audit", AuditView.class);

        @SuppressWarnings("unchecked")
        GridTester<Grid<AuditEntry>, AuditEntry> log = window.test((Grid<AuditEntry>) window.find(Grid.class)
                .id("audit-log"));
        List<String> summaries = IntStream.range(0, log.size()).mapToObj(row -> log.getCellText(row, 4)).toList();
        assertThat(summaries).contains("Izveidots biedrs Ogres novads (fictional)",
                "Mainīti biedra Ogres novads (fictional) dati", "admin pieteicās");
        assertThat(IntStream.range(0, log.size()).mapToObj(row -> log.getCellText(row, 3)))
                .contains("Biedrs: Ogres novads (fictional)").noneMatch(text -> text.matches("Biedrs \\d+"));

        int updated = summaries.indexOf("Mainīti biedra Ogres novads (fictional) dati");
        log.select(updated);
        @SuppressWarnings("unchecked")
        GridTester<Grid<FieldChange>, FieldChange> changes = window.test((Grid<FieldChange>) window.find(Grid.class)
                .id("audit-changes"));
        assertThat(IntStream.range(0, changes.size()).mapToObj(row -> tuple(changes.getCellText(row, 0),
                changes.getCellText(row, 1), changes.getCellText(row, 2))))
                .containsExactly(tuple("Veids", "Novads", "Valstspilsēta"));
    }

    @Test
    void everyEventCodeTheBackendWritesHasATextInTheBundles() throws IOException {
        Path sources = Path.of("..", "app", "src", "main", "java", "eu", "koopera");
        List<String> codes;
        try (Stream<Path> files = Files.walk(sources)) {
            codes = files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    Matcher matcher = EVENT_CODE.matcher(Files.readString(file));
                    return matcher.results().map(result -> result.group(1)).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).distinct().toList();
        }
        assertThat(codes).as("codes found").contains("member.updated", "account.signed_in", "account.token_reuse");
        assertThat(codes).allSatisfy(code -> assertThat(KooperaI18n.has("audit.event." + code)).as(code).isTrue());
    }
}
