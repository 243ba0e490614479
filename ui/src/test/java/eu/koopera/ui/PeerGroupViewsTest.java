package eu.koopera.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.PeerGroup;
import eu.koopera.benchlearning.SideBySide;
import eu.koopera.benchlearning.SimilarMember;
import eu.koopera.benchlearning.ui.ComparisonView;
import eu.koopera.benchlearning.ui.PeerGroupsView;
import eu.koopera.benchlearning.ui.SideBySideView;
import eu.koopera.members.MemberResponse;
import eu.koopera.networks.Associations;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.networks.Associations.Association;
import eu.koopera.support.TestClient;
import eu.koopera.ui.support.BrowserlessUiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static eu.koopera.support.TestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peer groups and side by side in the portal: a hand-picked group made in the dialog is listed with its member
 * count; the "most similar" panel lists the closest members with what made them similar and saves them as a group;
 * the side-by-side grid shows a network's members' values and ranks on two indicators; the comparison page opens on
 * a municipal user's own organisation.
 */
@MicronautTest(transactional = false)
class PeerGroupViewsTest extends BrowserlessUiTest {

    /** The password {@link Associations} gives its users. */
    private static final String PASSWORD = "network-password-123";
    private static final List<String> NAMES = List.of("Alūksnes novads", "Balvu novads", "Cēsu novads",
            "Dobeles novads", "Gulbenes novads", "Ogres novads");
    private static final List<String> IN_NETWORK = List.of("Balvu novads", "Cēsu novads", "Dobeles novads",
            "Gulbenes novads");
    /** soc.wait (lower is better) in 2023; Balvi and Dobele tie. */
    private static final Map<String, Integer> WAIT = Map.of("Alūksnes novads", 30, "Balvu novads", 45,
            "Cēsu novads", 40, "Dobeles novads", 45, "Gulbenes novads", 60, "Ogres novads", 20);
    /** edu.score (higher is better) in 2023; Gulbene has none. */
    private static final Map<String, Integer> SCORE = Map.of("Alūksnes novads", 70, "Balvu novads", 82,
            "Cēsu novads", 75, "Dobeles novads", 90, "Ogres novads", 60);

    private Association lps;
    private String network;

    @BeforeAll
    void association() {
        Associations associations = new Associations(api);
        lps = associations.create("uipeer", NAMES.toArray(String[]::new));
        associations.officer(lps, lps.member("Cēsu novads"), "cesis");
        network = associations.network(lps, "Sociālie pakalpojumi", "ACTIVE", null);
        associations.take(lps, network, IN_NETWORK.toArray(String[]::new));
        for (String code : List.of("soc.wait", "edu.score")) {
            TestClient.Response created = api.post("/api/indicators", Map.of("code", code, "name",
                    Map.of("lv", code.equals("soc.wait") ? "Gaidīšanas laiks" : "Skolēnu sekmes",
                            "en", code.equals("soc.wait") ? "Waiting time" : "Pupils' results"),
                    "direction", code.equals("soc.wait") ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER"),
                    bearer(lps.admin()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        StringBuilder csv = new StringBuilder("indicator;municipality;year;gender;value\n");
        for (String name : NAMES) {
            String code = api.get("/api/members/" + lps.member(name), bearer(lps.admin())).string("code");
            csv.append("soc.wait;").append(code).append(";2023;;").append(WAIT.get(name)).append('\n');
            if (SCORE.containsKey(name)) {
                csv.append("edu.score;").append(code).append(";2023;;").append(SCORE.get(name)).append('\n');
            }
        }
        TestClient.Response imported = api.send("/api/indicator-values/import?format=long", "POST", csv.toString(),
                "text/csv", bearer(lps.admin()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void aHandPickedGroupMadeInTheDialogIsListedWithItsMemberCount() {
        BrowserlessUIContext window = signedIn("coordinator");
        window.navigate("benchlearning/peer-groups", PeerGroupsView.class);
        click(window, "create-peer-group");
        window.test(window.find(TextField.class).id("group-name")).setValue("Vidzemes kaimiņi");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<MemberResponse> members = window.find(MultiSelectComboBox.class).id("group-members");
        members.setValue(members.getListDataView().getItems()
                .filter(member -> Set.of("Alūksnes novads", "Cēsu novads", "Gulbenes novads")
                        .contains(member.name())).collect(Collectors.toSet()));
        click(window, "save-peer-group");

        List<PeerGroup> groups = rows(window, "peer-groups");
        int row = IntStream.range(0, groups.size()).filter(i -> groups.get(i).name().equals("Vidzemes kaimiņi"))
                .findFirst().orElseThrow();
        assertThat(groups.get(row).handPicked()).isTrue();
        @SuppressWarnings("unchecked")
        GridTester<Grid<PeerGroup>, PeerGroup> grid = window.test(window.find(Grid.class).id("peer-groups"));
        assertThat(grid.getCellText(row, grid.getColumnPosition("members"))).isEqualTo("3");
        assertThat(grid.getCellText(row, grid.getColumnPosition("kind")))
                .isEqualTo(window.getUI().getTranslation("bench.groups.kind.HAND_PICKED"));
        assertThat(api.get("/api/peer-groups/" + groups.get(row).id(), bearer(lps.admin())).list("members"))
                .extracting(member -> member.get("name"))
                .containsExactlyInAnyOrder("Alūksnes novads", "Cēsu novads", "Gulbenes novads");
    }

    @Test
    void aNetworkGroupMadeInTheDialogHoldsTheNetworksMembers() {
        BrowserlessUIContext window = signedIn("admin");
        window.navigate("benchlearning/peer-groups", PeerGroupsView.class);
        click(window, "create-peer-group");
        window.test(window.find(TextField.class).id("group-name")).setValue("Sociālā tīkla dalībnieki");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> kind = window.find(RadioButtonGroup.class).id("group-kind");
        kind.setValue(kind.getListDataView().getItems().filter(item -> item.toString().equals("NETWORK"))
                .findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<NetworkResponse> networks = window.find(ComboBox.class).id("group-network");
        assertThat(networks.isVisible()).isTrue();
        networks.setValue(networks.getListDataView().getItems().filter(n -> n.id().toString().equals(network))
                .findFirst().orElseThrow());
        click(window, "save-peer-group");

        PeerGroup saved = this.<PeerGroup>rows(window, "peer-groups").stream()
                .filter(group -> group.name().equals("Sociālā tīkla dalībnieki")).findFirst().orElseThrow();
        assertThat(saved.network()).hasToString(network);
        assertThat(saved.members()).extracting(PeerGroup.Peer::name).containsExactlyInAnyOrderElementsOf(IN_NETWORK);
    }

    @Test
    void theSimilarPanelExplainsTheClosestMembersAndSavesThemAsAGroup() {
        BrowserlessUIContext window = signedIn("admin");
        window.navigate("benchlearning/peer-groups", PeerGroupsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> member = window.find(ComboBox.class).id("similar-member");
        member.setValue(member.getListDataView().getItems().filter(m -> m.name().equals("Cēsu novads"))
                .findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Indicator> indicators = window.find(MultiSelectComboBox.class).id("similar-indicators");
        indicators.setValue(indicators.getListDataView().getItems().collect(Collectors.toSet()));
        click(window, "similar-find");

        List<SimilarMember> similar = rows(window, "similar");
        TestClient.Response expected = api.get("/api/peer-groups/similar?member=" + lps.member("Cēsu novads")
                + "&indicators=edu.score,soc.wait&year=2023&count=5", bearer(lps.admin()));
        assertThat(expected.status()).as(expected.body()).isEqualTo(200);
        List<String> expectedNames = list(expected.body()).stream().map(m -> (String) m.get("name")).toList();
        assertThat(similar).extracting(SimilarMember::name).containsExactlyElementsOf(expectedNames)
                .doesNotContain("Gulbenes novads", "Cēsu novads");
        @SuppressWarnings("unchecked")
        GridTester<Grid<SimilarMember>, SimilarMember> grid = window.test(window.find(Grid.class).id("similar"));
        String why = grid.getCellText(0, grid.getColumnPosition("why"));
        String closest = similar.getFirst().differences().getFirst().indicator().equals("soc.wait")
                ? "Gaidīšanas laiks" : "Skolēnu sekmes";
        assertThat(why).startsWith(window.getUI().getTranslation("bench.similar.explanation", closest, "")
                .strip()).contains("Gaidīšanas laiks", "Skolēnu sekmes");

        window.test(window.find(TextField.class).id("similar-group-name")).setValue("Līdzīgie Cēsīm");
        click(window, "similar-save");
        PeerGroup saved = this.<PeerGroup>rows(window, "peer-groups").stream()
                .filter(group -> group.name().equals("Līdzīgie Cēsīm")).findFirst().orElseThrow();
        List<String> members = new ArrayList<>(expectedNames);
        members.add("Cēsu novads");
        assertThat(saved.members()).extracting(PeerGroup.Peer::name).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void theSideBySideGridShowsANetworksMembersValuesAndRanks() {
        BrowserlessUIContext window = signedIn("coordinator");
        window.navigate(SideBySideView.class);
        window.getUI().navigate("benchlearning/side-by-side", QueryParameters.simple(Map.of("network", network,
                "indicators", "soc.wait,edu.score", "year", "2023")));

        List<SideBySide.Row> rows = rows(window, "side-by-side");
        assertThat(rows).extracting(SideBySide.Row::name).containsExactlyInAnyOrderElementsOf(IN_NETWORK);
        @SuppressWarnings("unchecked")
        GridTester<Grid<SideBySide.Row>, SideBySide.Row> grid = window.test(window.find(Grid.class)
                .id("side-by-side"));
        for (int i = 0; i < rows.size(); i++) {
            String name = rows.get(i).name();
            Integer wait = WAIT.get(name);
            long waitRank = 1 + IN_NETWORK.stream().filter(other -> WAIT.get(other) < wait).count();
            assertThat(cellText(grid, i, "soc.wait")).as(name)
                    .startsWith(window.getUI().getTranslation("bench.side.cell", Integer.toString(wait), waitRank));
            Integer score = SCORE.get(name);
            if (score == null) {
                assertThat(cellText(grid, i, "edu.score")).as(name).isEqualTo("—");
                continue;
            }
            long scoreRank = 1 + IN_NETWORK.stream().filter(other -> SCORE.containsKey(other)
                    && SCORE.get(other) > score).count();
            assertThat(cellText(grid, i, "edu.score")).as(name)
                    .startsWith(window.getUI().getTranslation("bench.side.cell", Integer.toString(score), scoreRank));
            Span cell = (Span) grid.getCellComponent(i, "edu.score");
            assertThat(cell.getElement().getAttribute("aria-label")).as("colour is never the only sign")
                    .contains(window.getUI().getTranslation("bench.quartile." + cell.getClassNames().stream()
                            .filter(c -> c.startsWith("quartile-")).findFirst().orElseThrow().substring(9)));
        }
        int balvi = IntStream.range(0, rows.size()).filter(i -> rows.get(i).name().equals("Balvu novads"))
                .findFirst().orElseThrow();
        int dobele = IntStream.range(0, rows.size()).filter(i -> rows.get(i).name().equals("Dobeles novads"))
                .findFirst().orElseThrow();
        assertThat(waitCell(rows.get(balvi)).rank()).as("a tie shares the best rank").isEqualTo(2);
        assertThat(waitCell(rows.get(dobele)).rank()).isEqualTo(2);
        assertThat(grid.getFooterCell(grid.getColumnPosition("soc.wait"))).contains("45");
        assertThat(window.find(com.vaadin.flow.component.html.Anchor.class).id("download-side-by-side-csv")
                .getHref()).isNotBlank();
    }

    @Test
    void theComparisonPageOpensOnAMunicipalUsersOwnOrganisation() {
        TestClient.Response group = api.post("/api/peer-groups", Map.of("name", "Tīkls salīdzināšanai",
                "network", network), bearer(lps.admin()));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        BrowserlessUIContext window = signedIn("cesis");
        window.navigate("benchlearning/compare", ComparisonView.class);
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> member = window.find(ComboBox.class).id("compare-member");
        assertThat(member.getValue()).isNotNull();
        assertThat(member.getValue().id()).isEqualTo(lps.member("Cēsu novads"));

        window.getUI().navigate("benchlearning/compare", QueryParameters.simple(Map.of("network", network,
                "indicator", "soc.wait", "year", "2023")));
        @SuppressWarnings("unchecked")
        ComboBox<PeerGroup> chosen = window.find(ComboBox.class).id("compare-group");
        assertThat(chosen.getValue()).isNotNull();
        assertThat(chosen.getValue().name()).isEqualTo("Tīkls salīdzināšanai");
        assertThat(this.<Object>rows(window, "peers")).as("the network's members and Cēsis itself").hasSize(4);

        BrowserlessUIContext admin = signedIn("admin");
        admin.navigate("benchlearning/compare", ComparisonView.class);
        @SuppressWarnings("unchecked")
        ComboBox<MemberResponse> none = admin.find(ComboBox.class).id("compare-member");
        assertThat(none.getValue()).as("an administrator without an organisation chooses").isNull();
    }

    private static SideBySide.Cell waitCell(SideBySide.Row row) {
        return row.cells().stream().filter(cell -> cell.indicator().equals("soc.wait")).findFirst().orElseThrow();
    }

    private static String cellText(GridTester<Grid<SideBySide.Row>, SideBySide.Row> grid, int row, String key) {
        Component cell = grid.getCellComponent(row, key);
        return ((Span) cell).getText();
    }

    private BrowserlessUIContext signedIn(String username) {
        BrowserlessUIContext window = newVisitor();
        signIn(window, "Association " + lps.code(), username, PASSWORD);
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

    private List<Map<String, Object>> list(String body) {
        try {
            return json.readValue(body, io.micronaut.core.type.Argument.listOf(
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
