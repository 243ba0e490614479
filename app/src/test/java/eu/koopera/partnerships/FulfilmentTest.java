package eu.koopera.partnerships;

import eu.koopera.networks.Associations;
import eu.koopera.networks.Associations.Association;
import eu.koopera.support.Database;
import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.support.TestClient.Response;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kėdainiai–Raseiniai agreement with its 2024–2026 commitments of 5,000 EUR a year each and spending in 2024 and
 * 2025: the fulfilment per party and year, and its totals, match sums computed here in plain Java to the cent. Bad
 * commitments and spending are refused with a clear problem and write nothing.
 */
@MicronautTest(transactional = false)
class FulfilmentTest extends IntegrationTest {

    /** Spending entries: party index, date, amount. */
    private static final List<Object[]> SPENDING = List.of(
            new Object[]{0, "2024-03-14", "1200.50"}, new Object[]{0, "2024-05-10", "830.25"},
            new Object[]{0, "2024-11-30", "2969.25"}, new Object[]{0, "2025-02-01", "999.99"},
            new Object[]{1, "2024-06-01", "4100.10"}, new Object[]{1, "2025-04-22", "0.01"},
            new Object[]{1, "2025-09-09", "5200.00"}, new Object[]{1, "2023-12-20", "150.35"});

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    TestClient client;
    Association lsa;
    String agreement;
    List<String> parties;

    @BeforeAll
    void theKedainiaiRaseiniaiAgreementWithCommitmentsAndSpending() {
        client = new TestClient(server.getURI(), json);
        lsa = new Associations(client).create("agfulfil", "Kėdainių r.", "Raseinių r.");
        Agreements agreements = new Agreements(client);
        agreement = agreements.create(lsa, Agreements.kedainiaiRaseiniai(lsa.member("Kėdainių r."),
                lsa.member("Raseinių r.")));
        parties = List.of(agreements.party(lsa, agreement, 0), agreements.party(lsa, agreement, 1));
        for (String party : parties) {
            for (int year = 2024; year <= 2026; year++) {
                Response committed = client.post(path("/commitments"), Map.of("party", party, "year", year,
                        "amount", 5000, "currency", "EUR"), bearer(lsa.coordinator()));
                assertThat(committed.status()).as(committed.body()).isEqualTo(201);
                assertThat(committed.body()).contains("\"amount\":5000.00");
            }
        }
        for (Object[] entry : SPENDING) {
            Response spent = client.post(path("/spending"), Map.of("party", parties.get((Integer) entry[0]),
                    "date", entry[1], "amount", new BigDecimal((String) entry[2]), "purpose", "Bendruomenių mokymai"),
                    bearer(lsa.admin()));
            assertThat(spent.status()).as(spent.body()).isEqualTo(201);
            assertThat(spent.string("currency")).isEqualTo("EUR");
        }
    }

    @Test
    void theFulfilmentPerPartyAndYearMatchesSumsComputedInJava() {
        Response fulfilment = client.get(path("/fulfilment"), bearer(lsa.admin()));
        assertThat(fulfilment.status()).as(fulfilment.body()).isEqualTo(200);

        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (int party = 0; party < 2; party++) {
            for (int year = 2024; year <= 2026; year++) {
                expected.put(party + "/" + year, new BigDecimal[]{new BigDecimal("5000.00"), BigDecimal.ZERO});
            }
        }
        for (Object[] entry : SPENDING) {
            String key = entry[0] + "/" + ((String) entry[1]).substring(0, 4);
            BigDecimal[] sums = expected.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sums[1] = sums[1].add(new BigDecimal((String) entry[2]));
        }
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> line : fulfilment.list("lines")) {
            int party = parties.indexOf(line.get("party").toString());
            lines.add(party + "/" + line.get("year") + " " + text(line));
        }
        List<String> wanted = new ArrayList<>();
        Map<String, BigDecimal[]> byYear = new TreeMap<>();
        BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO};
        expected.forEach((key, sums) -> {
            wanted.add(key + " " + text(sums[0], sums[1]));
            BigDecimal[] year = byYear.computeIfAbsent(key.substring(2), k -> new BigDecimal[]{BigDecimal.ZERO,
                BigDecimal.ZERO});
            for (int i = 0; i < 2; i++) {
                year[i] = year[i].add(sums[i]);
                total[i] = total[i].add(sums[i]);
            }
        });
        assertThat(lines).containsExactlyElementsOf(wanted);
        assertThat(fulfilment.list("yearTotals")).extracting(line -> line.get("year") + " " + text(line))
                .containsExactlyElementsOf(byYear.entrySet().stream().map(entry -> entry.getKey() + " "
                        + text(entry.getValue()[0], entry.getValue()[1])).toList());
        assertThat(fulfilment.list("totals")).extracting(FulfilmentTest::text)
                .containsExactly(text(total[0], total[1]));
        assertThat(fulfilment.list("lines").getFirst().get("partyName")).isEqualTo("Kėdainių r.");
    }

    @Test
    void theFulfilmentExportsAsCsvWithExactAmounts() {
        java.net.http.HttpResponse<byte[]> file = client.getBytes(path("/fulfilment/export?format=csv"),
                bearer(lsa.admin()));
        assertThat(file.statusCode()).isEqualTo(200);
        String csv = new String(file.body(), java.nio.charset.StandardCharsets.UTF_8);
        // the house CSV: UTF-8 with a byte order mark, ';'-separated, a cell starting with '-' defused by an apostrophe
        assertThat(csv).startsWith("\uFEFFlevel;party;year;currency;committed;spent;remaining;percent\r\n")
                .contains("\r\nparty;Kėdainių r.;2024;EUR;5000.00;5000.00;0.00;100.00\r\n")
                .contains("\r\nparty;Raseinių r.;2023;EUR;0.00;150.35;'-150.35;\r\n")
                .contains("\r\nyear;;2025;EUR;10000.00;6200.00;3800.00;62.00\r\n")
                .endsWith("\r\ntotal;;;EUR;30000.00;15450.45;14549.55;51.50\r\n");
    }

    @Test
    void aPartyNotOnTheAgreementIsRefused() {
        assertRefused("/spending", Map.of("party", UUID.randomUUID().toString(), "date", "2024-05-10",
                "amount", 10, "purpose", "x"), 400, "party", "party.notOnAgreement");
    }

    @Test
    void negativeZeroOverPreciseOrNonNumericAmountsAreRefused() {
        for (Object amount : List.of(-5, 0, new BigDecimal("10.005"))) {
            assertRefused("/spending", Map.of("party", parties.get(0), "date", "2024-05-10", "amount", amount,
                    "purpose", "x"), 400, "amount", "amount.invalid");
        }
        int before = rows();
        Response text = client.post(path("/spending"), Map.of("party", parties.get(0), "date", "2024-05-10",
                "amount", "a lot", "purpose", "x"), bearer(lsa.admin()));
        assertThat(text.status()).as(text.body()).isEqualTo(400);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aCommitmentOutsideThePeriodOrTwiceIsRefused() {
        assertRefused("/commitments", Map.of("party", parties.get(0), "year", 2027, "amount", 5000,
                "currency", "EUR"), 400, "year", "commitment.yearOutsidePeriod");
        assertRefused("/commitments", Map.of("party", parties.get(0), "year", 2025, "amount", 5000,
                "currency", "EURO"), 400, "currency", "currency.unknown");
        int before = rows();
        Response twice = client.post(path("/commitments"), Map.of("party", parties.get(0), "year", 2025,
                "amount", 10, "currency", "eur"), bearer(lsa.admin()));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.string("code")).isEqualTo("commitment.duplicate");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void spendingInAnotherCurrencyThanTheCommitmentsIsRefused() {
        assertRefused("/spending", Map.of("party", parties.get(1), "date", "2025-05-10", "amount", 10,
                "currency", "USD", "purpose", "x"), 400, "currency", "spending.currencyMismatch");
    }

    private void assertRefused(String suffix, Map<String, Object> body, int status, String field, String code) {
        int before = rows();
        Response refused = client.post(path(suffix), body, bearer(lsa.admin()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.list("errors")).as(refused.body()).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat(error.get("code")).isEqualTo(code);
        });
        assertThat(rows()).isEqualTo(before);
    }

    private int rows() {
        return Database.count("SELECT (SELECT count(*) FROM shared.agreement_commitment WHERE agreement_id = '"
                + agreement + "') + (SELECT count(*) FROM shared.agreement_spending WHERE agreement_id = '"
                + agreement + "')");
    }

    private String path(String suffix) {
        return "/api/agreements/" + agreement + suffix;
    }

    private static String text(Map<String, Object> line) {
        return line.get("currency") + " " + new BigDecimal(line.get("committed").toString()).setScale(2) + " "
                + new BigDecimal(line.get("spent").toString()).setScale(2) + " "
                + new BigDecimal(line.get("remaining").toString()).setScale(2) + " "
                + (line.get("percent") == null ? "-" : new BigDecimal(line.get("percent").toString()).setScale(2));
    }

    private static String text(BigDecimal committed, BigDecimal spent) {
        Map<String, Object> line = new HashMap<>();
        line.put("currency", "EUR");
        line.put("committed", committed);
        line.put("spent", spent);
        line.put("remaining", committed.subtract(spent));
        line.put("percent", committed.signum() == 0 ? null
                : spent.multiply(BigDecimal.valueOf(100)).divide(committed, 2, RoundingMode.HALF_UP));
        return text(line);
    }
}
