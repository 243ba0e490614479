package eu.koopera.ui;

import eu.koopera.support.IntegrationTest;
import eu.koopera.support.TestClient;
import eu.koopera.ui.server.UiServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole path in a real browser: Debian's headless Chromium at 1366 px, driven through its own chromedriver
 * (nothing is downloaded). An association administrator signs in, creates a member, finds it in the grid, switches
 * to Latvian, looks at the networks list and a network's page, and the events list and an event's page in Latvian,
 * and signs out. Staff of a Latvian and of a Lithuanian association each walk their dashboard, the members grid in
 * their alphabet's order and sorted the other way (kept over a reload), a membership status change that the history
 * tab then shows, and the import wizard's check and import; the Latvian one also on a 390 px phone. A screenshot of
 * each step lands in {@code target/screenshots}, named by language and step. The UI's Content-Security-Policy is in
 * force throughout, and the browser's console must report no violation of it.
 */
@MicronautTest(transactional = false)
class EndToEndBrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("koopera.e2e.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("koopera.e2e.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "e2e-admin-password-1";
    /** axe-core's browser script; .ci/run fetches it from the npm registry (see README). */
    private static final String AXE_SCRIPT = System.getenv("KOOPERA_AXE_SCRIPT");
    private static final Path AXE_REPORT = Path.of("target", "screenshots", "axe.txt");

    @Inject
    UiServer ui;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private WebDriver browser;
    private WebDriverWait wait;
    private String tenantName;
    private String code;
    private National latvian;
    private National lithuanian;
    private final List<String> console = new java.util.ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("koopera.ui.enabled", "true", "koopera.ui.port", "0", "koopera.ui.host", "127.0.0.1");
    }

    @BeforeAll
    void openBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("KOOPERA_E2E_REQUIRED"))) {
            throw new IllegalStateException("Chromium and chromedriver are required: apt-get install chromium "
                    + "chromium-driver");
        }
        assumeTrue(installed, "Chromium not installed; .ci/run installs it");
        if ((AXE_SCRIPT == null || !Files.isReadable(Path.of(AXE_SCRIPT)))
                && "true".equals(System.getenv("KOOPERA_E2E_REQUIRED"))) {
            throw new IllegalStateException("axe-core is required: set KOOPERA_AXE_SCRIPT to axe.min.js "
                    + "(npm pack axe-core)");
        }
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(AXE_REPORT);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the browser's console, where Chromium reports every Content-Security-Policy violation
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        TestClient api = new TestClient(server.getURI(), json);
        String operator = api.operatorToken();
        code = "e2e" + Long.toString(System.nanoTime() % 1_000_000, 36);
        tenantName = "Vidzemes pašvaldību apvienība " + code;
        assertThat(api.post("/api/platform/tenants", Map.of("code", code, "name", tenantName, "country", "LV",
                "defaultLocale", "en"), TestClient.bearer(operator)).status()).isEqualTo(201);
        assertThat(api.post("/api/platform/tenants/" + code + "/users", Map.of("username", "ilze",
                "password", PASSWORD, "roles", List.of("ASSOCIATION_ADMIN")), TestClient.bearer(operator)).status())
                .isEqualTo(201);
        latvian = nationalAssociation(api, operator, "lv", "LV", "Latvijas Pašvaldību savienība",
                List.of("Ventspils novads", "Ādažu novads", "Ludzas novads", "Ķekavas novads", "Līvānu novads",
                        "Aizkraukles novads", "Kuldīgas novads", "Limbažu novads"));
        lithuanian = nationalAssociation(api, operator, "lt", "LT", "Lietuvos savivaldybių asociacija",
                List.of("Zarasai", "Šakiai", "Kėdainiai", "Skuodas", "Tauragė", "Kupiškis"));
    }

    /** An association speaking {@code language} with an administrator and {@code members} (one in three with a
     * population, the others' not known). */
    private National nationalAssociation(TestClient api, String operator, String language, String country,
                                         String name, List<String> members) {
        String tenant = language + "e2e" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String title = name + " " + tenant;
        assertThat(api.post("/api/platform/tenants", Map.of("code", tenant, "name", title, "country", country,
                "defaultLocale", language), TestClient.bearer(operator)).status()).isEqualTo(201);
        assertThat(api.post("/api/platform/tenants/" + tenant + "/users", Map.of("username", "vadovas",
                "password", PASSWORD, "roles", List.of("ASSOCIATION_ADMIN")), TestClient.bearer(operator))
                .status()).isEqualTo(201);
        String token = api.login(tenant, "vadovas", PASSWORD);
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> member = new java.util.HashMap<>(Map.of("name", members.get(i),
                    "code", country + "-" + (100 + i), "kind", "MUNICIPALITY"));
            if (i % 3 == 0) {
                member.put("population", 10_000 + 1_000 * i);
            }
            assertThat(api.post("/api/members", member, TestClient.bearer(token)).status()).isEqualTo(201);
        }
        return new National(language, tenant, title);
    }

    /** An association as the browser walks it. */
    private record National(String language, String code, String name) {
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void administratorSignsInCreatesAMemberSwitchesToLatvianAndSignsOut() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + ui.port() + "/");
        WebElement association = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-text-field#association input")));
        screenshot("01-login-page");
        accessible("login page");
        assertThat(browser.getPageSource()).as("anonymous visitors see no list of associations")
                .doesNotContain(tenantName);

        association.sendKeys(code);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-text-field:not(#association) input")).sendKeys("ilze");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-password-field input")).sendKeys(PASSWORD);
        screenshot("02-credentials-entered");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        wait.until(ExpectedConditions.urlContains("/dashboard"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-members")));
        screenshot("03-dashboard");
        accessible("dashboard");
        browser.findElement(By.cssSelector("#dashboard-members a")).click();
        wait.until(ExpectedConditions.urlContains("/members"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-member")));
        screenshot("03-members-grid-empty");

        browser.findElement(By.id("create-member")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#member-name input")))
                .sendKeys("Valmieras novads");
        browser.findElement(By.cssSelector("#member-code input")).sendKeys("LV-113");
        browser.findElement(By.cssSelector("#member-population input")).sendKeys("50000");
        screenshot("04-member-dialog");
        browser.findElement(By.id("save-member")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#members"),
                "Valmieras novads"));
        assertThat(cellTexts()).contains("Valmieras novads", "LV-113");
        screenshot("05-member-in-grid");
        accessible("members grid");
        browser.findElement(By.xpath("//vaadin-grid-cell-content//a[normalize-space(.)='Valmieras novads']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-tabs")));
        screenshot("05a-member-page");
        accessible("member page");
        browser.get("http://127.0.0.1:" + ui.port() + "/members/import");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-upload")));
        screenshot("05b-import-wizard");
        accessible("import wizard");
        browser.get("http://127.0.0.1:" + ui.port() + "/members");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#members"),
                "Valmieras novads"));

        openUserMenu();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-menu-bar-item[normalize-space(.)='Language']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("language-lv"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-side-nav"), "Biedri"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#members"),
                "Valmieras novads"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Biedri");
        screenshot("06-latvian");

        TestClient api = new TestClient(server.getURI(), json);
        String token = api.login(code, "ilze", PASSWORD);
        String network = api.post("/api/networks", Map.of("name", Map.of("lv", "Sadarbība ar iedzīvotājiem",
                "en", "Cooperation with residents"), "description", Map.of("lv", "Līdzdalības budžets un "
                + "iedzīvotāju konsultācijas"), "theme", "residents", "status", "OPEN_FOR_APPLICATIONS",
                "startsOn", "2022-04-07", "endsOn", "2024-04-30", "maxPilots", 3), TestClient.bearer(token))
                .string("id");
        browser.get("http://127.0.0.1:" + ui.port() + "/networks");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Sadarbība ar iedzīvotājiem"));
        screenshot("07-networks-latvian");
        browser.get("http://127.0.0.1:" + ui.port() + "/networks/" + network);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Sadarbība ar iedzīvotājiem"));
        screenshot("08-network-page-latvian");
        browser.get("http://127.0.0.1:" + ui.port() + "/my-networks");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Sadarbība ar iedzīvotājiem"));
        screenshot("09-my-networks-latvian");

        Map<String, Object> visit = new java.util.HashMap<>(Map.of("kind", "STUDY_VISIT", "title",
                Map.of("lv", "Pieredzes vizīte Norvēģijā", "en", "Study visit to Norway"), "country", "NO",
                "city", "Oslo", "venue", "KS, Haakon VIIs gate 9", "startsAt", "2030-09-14T09:00:00",
                "endsAt", "2030-09-17T18:00:00", "timeZone", "Europe/Oslo", "capacity", 20, "status", "OPEN"));
        visit.put("programme", List.of(Map.of("day", "2030-09-14", "time", "10:00", "item",
                "Tikšanās ar KS pārstāvjiem", "place", "Oslo")));
        String event = api.post("/api/events", visit, TestClient.bearer(token)).string("id");
        browser.get("http://127.0.0.1:" + ui.port() + "/events");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#events"),
                "Pieredzes vizīte Norvēģijā"));
        screenshot("11-events-latvian");
        browser.get("http://127.0.0.1:" + ui.port() + "/events/" + event);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Pieredzes vizīte Norvēģijā"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-dashboard")));
        screenshot("12-event-page-latvian");
        accessible("event page");

        long valmiera = comparisonData(api, token);
        browser.get("http://127.0.0.1:" + ui.port() + "/benchlearning/compare?indicator=soc.homecare.cost&year=2024"
                + "&member=" + valmiera);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comparison-chart svg")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trend-chart svg")));
        assertThat(browser.findElement(By.id("comparison-chart")).getDomProperty("innerHTML"))
                .contains("Valmieras novads");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Salīdzinājums ar līdzīgajiem");
        screenshot("13-comparison-latvian");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('comparison-chart').scrollIntoView({block: 'start'})");
        screenshot("13b-comparison-chart-latvian");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('trend-chart').scrollIntoView({block: 'start'})");
        screenshot("13a-comparison-trend-latvian");
        accessible("comparison page");

        String group = sideBySideData(api, token);
        browser.get("http://127.0.0.1:" + ui.port() + "/benchlearning/side-by-side?group=" + group
                + "&indicators=soc.homecare.cost,edu.preschool.share&year=2024");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#side-by-side"),
                "Valmieras novads"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dalībnieki blakus");
        screenshot("15-side-by-side-latvian");
        accessible("side by side");

        String agreement = agreementData(api, token, valmiera);
        browser.get("http://127.0.0.1:" + ui.port() + "/partnerships");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#agreements"),
                "Valmieras un Cēsu sadarbības līgums"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Partnerības un līgumi");
        screenshot("17-agreements-latvian");
        accessible("agreements");
        browser.get("http://127.0.0.1:" + ui.port() + "/partnerships/" + agreement);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "Valmieras un Cēsu sadarbības līgums"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-tab[normalize-space(.)='Saistības un izpilde']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#fulfilment-chart vaadin-progress-bar")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#fulfilment"),
                "1 999,99"));
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('fulfilment').scrollIntoView({block: 'start'})");
        screenshot("18-agreement-page-latvian");
        accessible("agreement page");

        assertThat(api.send("/api/foreign-municipalities/import", "POST", """
                name;country;population;themes
                Pärnu;EE;51000;tourism,residents
                Viljandi;EE;17000;culture,residents
                Tartu;EE;97000;education
                """, "text/csv", TestClient.bearer(token)).status()).isEqualTo(200);
        browser.get("http://127.0.0.1:" + ui.port() + "/partnerships/search?theme=residents");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#partner-results"),
                "Viljandi"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Partneru meklēšana");
        assertThat(browser.findElement(By.cssSelector("vaadin-grid#partner-results")).getText())
                .as("the theme filter leaves Tartu out").doesNotContain("Tartu");
        screenshot("19-partner-search-latvian");
        accessible("partner search");

        openUserMenu();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form")));
        screenshot("10-signed-out");

        browser.get("http://127.0.0.1:" + ui.port() + "/members");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form")));
        assertThat(browser.getCurrentUrl()).doesNotContain("/members");

        memberUser(api, token, valmiera, "valmiera");
        browser.get("http://127.0.0.1:" + ui.port() + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-language-lv"))).click();
        WebElement picker = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-text-field#association input")));
        if (!code.equals(picker.getDomProperty("value"))) { // the sign-in page remembers the last one
            picker.sendKeys(Keys.chord(Keys.CONTROL, "a"), code);
        }
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-text-field:not(#association) input"))
                .sendKeys("valmiera");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-password-field input")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get("http://127.0.0.1:" + ui.port() + "/my-position");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-grid#weak-spots")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#position-trend-chart svg")));
        openUserMenu(); // the member's account speaks the association's language (English) until they choose
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-menu-bar-item[normalize-space(.)='Language']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("language-lv"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mūsu vieta"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#position-trend-chart svg")));
        screenshot("14-my-position");
        accessible("my position");

        String officer = api.login(code, "valmiera", PASSWORD);
        TestClient.Response plan = api.post("/api/plans", Map.of("member", valmiera, "service",
                "Aprūpe mājās", "summary", "Samazināt izmaksas uz klientu, apvienojot maršrutus", "targets",
                List.of(Map.of("indicator", "soc.homecare.cost", "baselineYear", 2023, "targetYear", 2026,
                        "targetValue", 2600)), "actions", List.of(Map.of("description",
                        "Apvienot aprūpētāju maršrutus", "owner", "Sociālais dienests", "dueOn", "2025-06-30",
                        "status", "IN_PROGRESS"))), TestClient.bearer(officer));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        browser.get("http://127.0.0.1:" + ui.port() + "/benchlearning/plans/" + plan.string("id"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-progress-0-percent")));
        String before = browser.findElement(By.id("plan-progress-0-percent")).getText();
        screenshot("16-plan-editor-latvian");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('plan-progress').scrollIntoView({block: 'start'})");
        screenshot("16b-plan-progress-latvian");
        accessible("plan editor");
        assertThat(api.send("/api/indicator-values/import?format=long", "POST",
                "indicator;municipality;year;gender;value\nsoc.homecare.cost;LV-113;2025;;2700\n", "text/csv",
                TestClient.bearer(token)).status()).isEqualTo(200);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-progress-0-percent")));
        assertThat(browser.findElement(By.id("plan-progress-0-percent")).getText())
                .as("2025's value moves the plan (2,860 in 2023 → 2,700, target 2,600)").isNotEqualTo(before)
                .contains("61,54");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('plan-progress').scrollIntoView({block: 'start'})");
        screenshot("16a-plan-progress-after-next-year-latvian");
        collectConsole();
        assertThat(console).as("the pages ran under the UI's Content-Security-Policy without a violation")
                .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Content-Security-Policy"));

        // the control: the policy is in force and a violation does reach the console this test reads
        ((JavascriptExecutor) browser).executeScript("const image = document.createElement('img');"
                + "image.src = 'https://example.invalid/tracker.png'; document.body.appendChild(image);");
        wait.until(driver -> {
            collectConsole();
            return console.stream().anyMatch(line -> line.contains("Content Security Policy"));
        });
    }

    /** Keeps what the browser's console said since the last call (Chromium hands each entry out once). */
    private void collectConsole() {
        browser.manage().logs().get(LogType.BROWSER).getAll().forEach(entry -> console.add(entry.getLevel() + " "
                + entry.getMessage()));
    }

    @Test
    void latvianStaffWalkDashboardNationalOrderStatusChangeAndImportAlsoOnAPhone() throws IOException {
        walk(latvian, new Expected("Biedri", List.of("Ādažu novads", "Aizkraukles novads", "Kuldīgas novads",
                "Ķekavas novads", "Limbažu novads", "Līvānu novads", "Ludzas novads", "Ventspils novads"),
                "Ķekavas novads", "Dalības vēsture", "Apturēts", "Dalības maksa nav samaksāta par 2026. gadu",
                "Alūksnes novads", "Novads", "Pārbaudīt", "nav vesels skaitlis"), true);
    }

    @Test
    void lithuanianStaffWalkDashboardNationalOrderStatusChangeAndImport() throws IOException {
        walk(lithuanian, new Expected("Nariai", List.of("Kėdainiai", "Kupiškis", "Skuodas", "Šakiai", "Tauragė",
                "Zarasai"), "Šakiai", "Narystės istorija", "Sustabdytas", "Nesumokėtas 2026 m. nario mokestis",
                "Birštonas", "Rajono savivaldybė", "Patikrinti", "sveikasis"), false);
    }

    /**
     * What a language's walk expects to see.
     *
     * @param membersTitle  the members view's h1 and menu entry
     * @param order         the members in the language's alphabetical order
     * @param changed       the member whose status changes
     * @param historyTab    the history tab's name
     * @param suspended     the status "suspended" by name
     * @param reason        the reason given
     * @param imported      the member the import adds
     * @param importedKind  its kind as the UI names it (a file may name it so)
     * @param checkButton   the first word of the import's check button
     * @param wholeNumber   a piece of the refusal of a population that is no whole number
     */
    private record Expected(String membersTitle, List<String> order, String changed, String historyTab,
                            String suspended, String reason, String imported, String importedKind,
                            String checkButton, String wholeNumber) {
    }

    private void walk(National association, Expected expected, boolean alsoOnAPhone) throws IOException {
        String prefix = association.language() + "-";
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(DESKTOP);
        browser.get(url("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-language-" + association.language())))
                .click();
        // the switch reloads the page: look for the new document's html each time
        wait.until(driver -> {
            try {
                return association.language().equals(driver.findElement(By.tagName("html")).getAttribute("lang"));
            } catch (StaleElementReferenceException reloading) {
                return false;
            }
        });
        WebElement choice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-text-field#association input")));
        choice.sendKeys(association.code());
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-text-field:not(#association) input"))
                .sendKeys("vadovas");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-password-field input")).sendKeys(PASSWORD);
        screenshot(prefix + "01-login");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        wait.until(ExpectedConditions.urlContains("/dashboard"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-members")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-side-nav"),
                expected.membersTitle()));
        screenshot(prefix + "02-dashboard");
        accessible("dashboard (" + association.language() + ")");

        browser.findElement(By.cssSelector("#dashboard-members a")).click();
        wait.until(ExpectedConditions.urlContains("/members"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#members"),
                expected.order().getLast()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(expected.membersTitle());
        assertThat(names()).containsExactlyElementsOf(expected.order());
        assertThat(browser.findElement(By.id("members-total")).getText()).contains(
                String.valueOf(expected.order().size()));
        screenshot(prefix + "03-members-in-national-order");

        browser.findElement(By.cssSelector("vaadin-grid#members vaadin-grid-sorter")).click();
        wait.until(ExpectedConditions.urlContains("sort=-name"));
        wait.until(driver -> names().equals(expected.order().reversed()));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#members"),
                expected.order().getLast()));
        wait.until(driver -> names().equals(expected.order().reversed()));
        screenshot(prefix + "04-members-sorted-backwards-after-reload");

        browser.findElement(By.xpath("//vaadin-grid-cell-content//a[normalize-space(.)='" + expected.changed()
                + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-tabs")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='"
                + expected.historyTab() + "']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("change-membership"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("membership-status"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space(.)='"
                + expected.suspended() + "']"))).click();
        browser.findElement(By.cssSelector("#membership-note textarea")).sendKeys(expected.reason());
        screenshot(prefix + "05-membership-status-dialog");
        browser.findElement(By.id("membership-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-history"), expected.reason()));
        assertThat(browser.findElement(By.id("member-history")).getText()).contains(expected.suspended());
        screenshot(prefix + "06-history-tab-shows-the-change");

        browser.get(url("/members/import"));
        upload("code,name,kind,region,population,website\n"
                + "IMP-1," + expected.imported() + "," + expected.importedKind() + ",,-5x,\n");
        press(browser.findElement(By.id("import-check")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        assertThat(browser.findElement(By.id("import-check")).getText()).startsWith(expected.checkButton());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-errors"),
                expected.wholeNumber()));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("import-outcome")));
        screenshot(prefix + "07-import-check-finds-a-bad-population");
        accessible("import wizard with errors (" + association.language() + ")");

        browser.get(url("/members/import"));
        upload("code,name,kind,region,population,website\n"
                + "IMP-1," + expected.imported() + "," + expected.importedKind() + ",,,\n");
        press(browser.findElement(By.id("import-check")));
        wait.until(driver -> enabled("import-run"));
        press(browser.findElement(By.id("import-run")));
        wait.until(driver -> !enabled("import-run"));
        screenshot(prefix + "08-import-done");
        browser.get(url("/members?q=" + expected.imported().substring(0, 5)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#members"),
                expected.imported()));
        assertThat(cellTexts()).contains(expected.importedKind(), "—");
        if (alsoOnAPhone) {
            phone(association);
        }

        openUserMenu();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** The grids at a phone's width: filters folded behind their toggle, no sideways scrolling. */
    private void phone(National association) throws IOException {
        String prefix = association.language() + "-phone-";
        browser.manage().window().setSize(PHONE);
        try {
            browser.get(url("/members"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid#members"),
                    "Ādažu novads"));
            assertThat(browser.findElement(By.id("members-kind")).isDisplayed()).isFalse();
            screenshot(prefix + "01-members");
            wait.until(driver -> fitsWidth("members"));
            browser.findElement(By.id("members-bar-toggle")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members-kind")));
            assertThat(browser.findElement(By.id("members-bar-toggle")).getAttribute("aria-expanded"))
                    .isEqualTo("true");
            screenshot(prefix + "02-members-filters-open");
            for (String grid : List.of("people", "invitations", "networks", "events")) {
                browser.get(url("/" + grid));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-grid#" + grid)));
                screenshot(prefix + "0" + (3 + List.of("people", "invitations", "networks", "events")
                        .indexOf(grid)) + "-" + grid);
                if (!grid.equals("invitations")) {
                    // invitations keep person, status and the frozen actions, a little wider than a phone
                    wait.until(driver -> fitsWidth(grid));
                }
            }
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    /** Whether grid {@code id} shows all its visible columns without scrolling sideways. */
    private boolean fitsWidth(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("""
                const table = document.querySelector('vaadin-grid#' + arguments[0]).shadowRoot.querySelector('table');
                return table.scrollWidth <= table.clientWidth + 1;""", id));
    }

    /** The names in the members grid, top to bottom, as the rows show them. */
    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const grid = document.querySelector('vaadin-grid#members');
                return [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                  .filter(row => !row.hidden && row.index !== undefined && row.index < grid.size)
                  .sort((a, b) => a.index - b.index)
                  .map(row => row.querySelector('td slot').assignedElements()[0])
                  .map(cell => cell ? cell.textContent.trim() : '');""");
    }

    /** Chooses a CSV file with {@code content} in the import wizard's upload box. */
    private void upload(String content) throws IOException {
        Path file = Files.createTempFile("members", ".csv");
        Files.writeString(file, content);
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-upload")));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        wait.until(driver -> enabled("import-check"));
    }

    /** Whether the Vaadin button with {@code id} is enabled (WebDriver counts every custom element enabled). */
    private boolean enabled(String id) {
        return browser.findElement(By.id(id)).getDomAttribute("disabled") == null;
    }

    /** Clicks a button that may sit below the fold or under a notification. */
    private void press(WebElement button) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[0].click()", button);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + ui.port() + path;
    }

    /**
     * Runs axe-core over the page as it stands and fails on any critical or serious violation; every violation
     * found (of any impact) is written to {@code target/screenshots/axe.txt}.
     */
    @SuppressWarnings("unchecked")
    private void accessible(String page) throws IOException {
        if (AXE_SCRIPT == null) {
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(Path.of(AXE_SCRIPT)));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact,
                      nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)
                          + (v.impact === 'critical' || v.impact === 'serious' ? ' ' + n.html + ' ' + n.failureSummary : ''))}))))
                  .catch(error => done([{id: 'axe-error', impact: 'critical', nodes: 0, targets: [String(error)]}]));
                """);
        StringBuilder report = new StringBuilder(page).append(": ").append(violations.size())
                .append(" violation(s)\n");
        violations.forEach(v -> report.append("  ").append(v.get("impact")).append(' ').append(v.get("id"))
                .append(" (").append(v.get("nodes")).append(" nodes) ").append(v.get("targets")).append('\n'));
        Files.writeString(AXE_REPORT, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(violations).as(report.toString())
                .noneMatch(v -> "critical".equals(v.get("impact")) || "serious".equals(v.get("impact")));
    }

    /**
     * Five municipalities with home-care costs 2019–2024 (Valmiera in the worst quarter in 2024), labelled as
     * generated; returns Valmiera's id.
     */
    private static long comparisonData(TestClient api, String token) {
        String[] names = {"Cēsu novads", "Siguldas novads", "Smiltenes novads", "Valkas novads"};
        for (int i = 0; i < names.length; i++) {
            assertThat(api.post("/api/members", Map.of("code", "LV-2" + i, "name", names[i], "kind",
                    "MUNICIPALITY"), TestClient.bearer(token)).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/indicators", Map.of("code", "soc.homecare.cost", "name", Map.of("lv",
                "Aprūpes mājās izmaksas uz klientu", "en", "Home care cost per client"), "unit", "EUR",
                "direction", "LOWER_IS_BETTER", "serviceArea", "social-care", "source",
                "Ģenerēti demonstrācijas dati / Generated demo data"), TestClient.bearer(token)).status())
                .isEqualTo(201);
        StringBuilder csv = new StringBuilder("indicator;municipality;year;gender;value\n");
        String[] codes = {"LV-113", "LV-20", "LV-21", "LV-22", "LV-23"};
        int[] base = {2480, 2210, 1990, 2350, 2120};
        for (int year = 2019; year <= 2024; year++) {
            for (int i = 0; i < codes.length; i++) {
                int value = base[i] + (year - 2019) * (i == 0 ? 95 : 40 - 12 * i);
                csv.append("soc.homecare.cost;").append(codes[i]).append(';').append(year).append(";;")
                        .append(value).append('\n');
            }
        }
        assertThat(api.send("/api/indicator-values/import?format=long", "POST", csv.toString(), "text/csv",
                TestClient.bearer(token)).status()).isEqualTo(200);
        return ((Number) api.get("/api/members?q=Valmieras", TestClient.bearer(token)).list("items").getFirst()
                .get("id")).longValue();
    }

    /**
     * A cooperation agreement of Valmiera and Cēsis for 2024–2026 with 5,000 EUR committed by each a year and
     * some spending in 2024 and 2025; gives its id.
     */
    private static String agreementData(TestClient api, String token, long valmiera) {
        long cesis = ((Number) api.get("/api/members?q=Cēsu", TestClient.bearer(token)).list("items").getFirst()
                .get("id")).longValue();
        TestClient.Response created = api.post("/api/agreements", Map.of("type", "COOPERATION_AGREEMENT",
                "title", Map.of("lv", "Valmieras un Cēsu sadarbības līgums", "en", "Valmiera–Cēsis cooperation"),
                "parties", List.of(Map.of("memberId", valmiera), Map.of("memberId", cesis)),
                "formsOfCooperation", List.of(Map.of("lv", "Kopīgi projekti kopienu organizācijām")),
                "signedOn", "2023-12-12", "signedPlace", "Valmiera", "startsOn", "2024-01-01",
                "endsOn", "2026-12-31", "status", "ACTIVE", "nextReviewOn", "2026-06-30"), TestClient.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.string("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parties = (List<Map<String, Object>>) created.map().get("parties");
        for (Map<String, Object> party : parties) {
            for (int year = 2024; year <= 2026; year++) {
                assertThat(api.post("/api/agreements/" + id + "/commitments", Map.of("party", party.get("id"),
                        "year", year, "amount", 5000, "currency", "EUR"), TestClient.bearer(token)).status())
                        .isEqualTo(201);
            }
        }
        Object first = parties.get(0).get("id");
        Object second = parties.get(1).get("id");
        for (Object[] spent : List.of(new Object[]{first, "2024-05-10", "1200.50"},
                new Object[]{first, "2024-09-02", "799.49"}, new Object[]{second, "2024-11-20", "4100.00"},
                new Object[]{first, "2025-03-14", "2650.75"})) {
            assertThat(api.post("/api/agreements/" + id + "/spending", Map.of("party", spent[0], "date", spent[1],
                    "amount", new java.math.BigDecimal((String) spent[2]), "purpose", "Kopīgs pasākums"),
                    TestClient.bearer(token)).status()).isEqualTo(201);
        }
        return id;
    }

    /** A MEMBER user of {@code member}, through the invitation its person receives. */
    /** A second indicator over the same members, and a hand-picked peer group of them; gives the group's id. */
    private static String sideBySideData(TestClient api, String token) {
        assertThat(api.post("/api/indicators", Map.of("code", "edu.preschool.share", "name", Map.of("lv",
                "Bērnu īpatsvars pirmsskolā", "en", "Children in pre-school"), "unit", "%",
                "direction", "HIGHER_IS_BETTER", "serviceArea", "education-culture", "source",
                "Ģenerēti demonstrācijas dati / Generated demo data"), TestClient.bearer(token)).status())
                .isEqualTo(201);
        assertThat(api.send("/api/indicator-values/import?format=long", "POST", """
                indicator;municipality;year;gender;value
                edu.preschool.share;LV-113;2024;;91.5
                edu.preschool.share;LV-20;2024;;87.2
                edu.preschool.share;LV-21;2024;;93.8
                edu.preschool.share;LV-22;2024;;84.0
                edu.preschool.share;LV-23;2024;;89.9
                """, "text/csv", TestClient.bearer(token)).status()).isEqualTo(200);
        List<Object> members = api.get("/api/members?size=100", TestClient.bearer(token)).list("items").stream()
                .filter(member -> List.of("LV-113", "LV-20", "LV-21", "LV-22", "LV-23").contains(member.get("code")))
                .map(member -> member.get("id")).toList();
        TestClient.Response group = api.post("/api/peer-groups", Map.of("name", "Vidzemes novadi", "members",
                members), TestClient.bearer(token));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        return group.string("id");
    }

    private void memberUser(TestClient api, String token, long member, String username) {
        String email = username + "@" + code + ".example";
        TestClient.Response person = api.post("/api/people", Map.of("memberId", member, "firstName", "Līga",
                "lastName", "Bērziņa", "email", email), TestClient.bearer(token));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        assertThat(api.post("/api/people/" + person.string("id") + "/invitations", Map.of("roles",
                List.of("MEMBER")), TestClient.bearer(token)).status()).isEqualTo(201);
        String invitation = eu.koopera.support.Outbox.invitationToken(eu.koopera.support.Outbox.latestTo(email)
                .orElseThrow().bodyText(), code);
        assertThat(api.post("/api/public/invitations/" + code + "/" + invitation + "/accept", Map.of("username",
                username, "password", PASSWORD)).status()).isEqualTo(201);
    }

    private void openUserMenu() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
    }

    private List<String> cellTexts() {
        return browser.findElements(By.cssSelector("vaadin-grid#members vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    private void screenshot(String name) throws IOException {
        collectConsole();
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
