package eu.koopera.benchlearning;

import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** The indicator catalogue, value imports in both layouts, re-imports with history, bad input and isolation. */
@MicronautTest(transactional = false)
class IndicatorValuesApiTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    String tenant;
    String admin;

    @BeforeEach
    void association() {
        client = new TestClient(server.getURI(), json);
        tenant = client.createTenantWithAdmin("val", "admin-password-123");
        admin = client.login(tenant, "admin", "admin-password-123");
        for (String code : List.of("LV-011", "LV-021", "LV-033")) {
            assertThat(client.post("/api/members", Map.of("code", code, "name", "Novads " + code),
                    bearer(admin)).status()).isEqualTo(201);
        }
        indicator("soc.cost", "LOWER_IS_BETTER", false);
        indicator("edu.pupils", "HIGHER_IS_BETTER", true);
    }

    @Test
    void theCatalogueIsDefinedReadAndChangedWithItsVersion() {
        Response listed = client.get("/api/indicators", bearer(admin));
        assertThat(listed.body()).contains("soc.cost", "edu.pupils");
        Response one = client.get("/api/indicators/soc.cost", bearer(admin));
        assertThat(one.map()).containsEntry("direction", "LOWER_IS_BETTER").containsEntry("genderSplit", false);

        Response changed = client.put("/api/indicators/soc.cost", Map.of("name", Map.of("lt", "Išlaidos"),
                "direction", "LOWER_IS_BETTER", "unit", "EUR", "version", 0), bearer(admin));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.map()).containsEntry("version", 1);
        Response stale = client.put("/api/indicators/soc.cost", Map.of("name", Map.of("lt", "Kita"),
                "direction", "NEUTRAL", "version", 0), bearer(admin));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(client.get("/api/indicators/soc.cost", bearer(admin)).map()).containsEntry("unit", "EUR");

        Response taken = client.post("/api/indicators", Map.of("code", "soc.cost", "name", Map.of("lv", "X"),
                "direction", "NEUTRAL"), bearer(admin));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.map()).containsEntry("code", "indicator.code.taken");
        Response nameless = client.post("/api/indicators", Map.of("code", "x.y", "name", Map.of("lv", "  "),
                "direction", "NEUTRAL"), bearer(admin));
        assertThat(nameless.status()).isEqualTo(400);
        Response badDirection = client.post("/api/indicators", Map.of("code", "x.z", "name", Map.of("lv", "Z"),
                "direction", "UPWARDS"), bearer(admin));
        assertThat(badDirection.status()).isEqualTo(400);
        assertThat(client.get("/api/indicators/nope", bearer(admin)).status()).isEqualTo(404);
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".indicator")).isEqualTo(2);
    }

    @Test
    void aReimportUpdatesChangedValuesAndKeepsTheirHistory() {
        Response first = importCsv("indicator;municipality;year;gender;value;status\n"
                + "soc.cost;LV-011;2023;;120,5;PRELIMINARY\n"
                + "soc.cost;LV-021;2023;T;99\n"
                + "edu.pupils;LV-011;2023;F;1 204\n", "long", false);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.map()).containsEntry("created", 3).containsEntry("updated", 0);

        Response dryRun = importCsv("indicator;municipality;year;value;status\n"
                + "soc.cost;LV-011;2023;121;FINAL\nsoc.cost;LV-021;2023;99\nsoc.cost;LV-033;2023;80\n", "long", true);
        assertThat(dryRun.map()).containsEntry("created", 1).containsEntry("updated", 1)
                .containsEntry("unchanged", 1).containsEntry("dryRun", true);
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".indicator_value")).isEqualTo(3);

        Response second = importCsv("indicator;municipality;year;value;status\n"
                + "soc.cost;LV-011;2023;121;FINAL\nsoc.cost;LV-021;2023;99\nsoc.cost;LV-033;2023;80\n", "long", false);
        assertThat(second.map()).containsEntry("created", 1).containsEntry("updated", 1)
                .containsEntry("unchanged", 1);
        assertThat(Database.strings("SELECT old_value || '>' || new_value || ' ' || old_status || '>' || new_status"
                + " FROM t_" + tenant + ".indicator_value_change WHERE old_value IS NOT NULL"))
                .containsExactly("120.5>121 PRELIMINARY>FINAL");
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".indicator_value_change")).isEqualTo(1);
        assertThat(Database.count("SELECT count(DISTINCT import_id) FROM t_" + tenant + ".indicator_value"))
                .as("the first import's two untouched values and the second's two").isEqualTo(2);
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".audit_log WHERE entity_type = "
                + "'indicator-values'")).isEqualTo(2);

        Response page = client.get("/api/indicator-values?indicator=soc.cost&yearFrom=2023&yearTo=2023",
                bearer(admin));
        assertThat(page.list("items")).extracting(v -> v.get("member") + "=" + v.get("value"))
                .containsExactly("LV-011=121", "LV-021=99", "LV-033=80");
    }

    @Test
    void theWideLayoutHasAColumnPerYear() {
        Response imported = importCsv("indicator;municipality;gender;2021;2022;2023\n"
                + "soc.cost;LV-011;;10;11;\n"
                + "edu.pupils;LV-021;M;5;;7\n", "wide", false);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.map()).containsEntry("created", 4);
        assertThat(Database.strings("SELECT indicator_code || ' ' || year || ' ' || gender || ' ' || value FROM t_"
                + tenant + ".indicator_value ORDER BY 1")).containsExactly("edu.pupils 2021 M 5",
                "edu.pupils 2023 M 7", "soc.cost 2021 T 10", "soc.cost 2022 T 11");
    }

    @Test
    void everyBadCellIsReportedAndNothingIsWritten() {
        Response rejected = importCsv("indicator;municipality;year;gender;value\n"
                + "soc.cost;LV-011;2023;;10\n"            // row 2: fine
                + "nope;LV-011;2023;;10\n"                // row 3: unknown indicator
                + "soc.cost;LV-999;2023;;10\n"            // row 4: unknown municipality
                + "soc.cost;LV-021;1989;;10\n"            // row 5: year out of range
                + "soc.cost;LV-021;2024;;ten\n"           // row 6: not a number
                + "soc.cost;LV-011;2023;T;11\n"           // row 7: duplicate of row 2
                + "soc.cost;LV-033;2023;F;10\n"           // row 8: gender on an indicator without a split
                + "soc.cost;LV-033;2022;X;10\n", "long", false); // row 9: unknown gender
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.list("errors")).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("3:indicator:import.indicator.unknown",
                        "4:municipality:import.municipality.unknown", "5:year:import.year.range",
                        "6:value:import.number", "7:year:import.value.duplicate", "8:gender:import.gender.notSplit",
                        "9:gender:import.gender.unknown");
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".indicator_value")).isZero();
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".indicator_value_change")).isZero();

        Response badHeader = importCsv("indicator;municipality;year;colour\nsoc.cost;LV-011;2023;red\n", "long",
                false);
        assertThat(badHeader.status()).isEqualTo(422);
        assertThat(badHeader.list("errors")).extracting(e -> e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("value:import.column.missing", "colour:import.column.unknown");
        Response badYearColumn = importCsv("indicator;municipality;1850\nsoc.cost;LV-011;3\n", "wide", false);
        assertThat(badYearColumn.list("errors")).extracting(e -> e.get("column") + ":" + e.get("code"))
                .containsExactly("1850:import.year.range");
        assertThat(importCsv("indicator;municipality;year;value\n", "sideways", false).status()).isEqualTo(400);
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".indicator_value")).isZero();
    }

    @Test
    void badQueriesAreClearProblems() {
        Response unknownIndicator = client.get("/api/comparisons?indicator=nope", bearer(admin));
        assertThat(unknownIndicator.status()).isEqualTo(404);
        assertThat(unknownIndicator.map()).containsEntry("code", "indicator.unknown");
        Response noValues = client.get("/api/comparisons?indicator=soc.cost", bearer(admin));
        assertThat(noValues.status()).isEqualTo(404);
        assertThat(noValues.map()).containsEntry("code", "values.none");
        Response year = client.get("/api/comparisons?indicator=soc.cost&year=1850", bearer(admin));
        assertThat(year.status()).isEqualTo(400);
        Response group = client.get("/api/comparisons?indicator=soc.cost&year=2020&group=999999", bearer(admin));
        assertThat(group.status()).isEqualTo(404);
        assertThat(group.map()).containsEntry("code", "peerGroup.unknown");
        Response member = client.get("/api/trends?indicator=soc.cost&member=999999", bearer(admin));
        assertThat(member.status()).isEqualTo(404);
        assertThat(member.map()).containsEntry("code", "member.unknown");
        Response mixed = client.post("/api/peer-groups", Map.of("name", "Mixed", "members", List.of(1),
                "kinds", List.of("STATE_CITY")), bearer(admin));
        assertThat(mixed.status()).isEqualTo(400);
        Response empty = client.post("/api/peer-groups", Map.of("name", "Empty"), bearer(admin));
        assertThat(empty.status()).isEqualTo(400);
        Response band = client.post("/api/peer-groups", Map.of("name", "Band", "populationMin", 5000,
                "populationMax", 100), bearer(admin));
        assertThat(band.status()).isEqualTo(400);
        Response strangers = client.post("/api/peer-groups", Map.of("name", "Strangers",
                "members", List.of(987654321)), bearer(admin));
        assertThat(strangers.status()).isEqualTo(400);
        assertThat(Database.count("SELECT count(*) FROM t_" + tenant + ".peer_group")).isZero();
    }

    @Test
    void anotherAssociationSeesNoneOfIt() {
        assertThat(importCsv("indicator;municipality;year;value\nsoc.cost;LV-011;2023;10\n", "long", false)
                .status()).isEqualTo(200);
        String other = client.createTenantWithAdmin("oth", "admin-password-123");
        String otherAdmin = client.login(other, "admin", "admin-password-123");
        assertThat(client.get("/api/indicators", bearer(otherAdmin)).body()).isEqualTo("[]");
        assertThat(client.get("/api/indicators/soc.cost", bearer(otherAdmin)).status()).isEqualTo(404);
        assertThat(client.get("/api/indicator-values", bearer(otherAdmin)).map()).containsEntry("total", 0);
        assertThat(client.get("/api/comparisons?indicator=soc.cost", bearer(otherAdmin)).status()).isEqualTo(404);
        Response smuggled = client.send("/api/indicator-values/import", "POST",
                "indicator;municipality;year;value\nsoc.cost;LV-011;2023;10\n", "text/csv", bearer(otherAdmin));
        assertThat(smuggled.status()).isEqualTo(422);
        assertThat(Database.count("SELECT count(*) FROM t_" + other + ".indicator_value")).isZero();
    }

    private void indicator(String code, String direction, boolean genderSplit) {
        Response created = client.post("/api/indicators", Map.of("code", code, "name", Map.of("lv", code),
                "direction", direction, "genderSplit", genderSplit), bearer(admin));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private Response importCsv(String csv, String format, boolean dryRun) {
        return client.send("/api/indicator-values/import?format=" + format + "&dryRun=" + dryRun, "POST", csv,
                "text/csv", bearer(admin));
    }
}
