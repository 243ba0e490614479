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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
 * The whole path in a real browser: Debian's headless Chromium, driven through its own chromedriver (nothing is
 * downloaded). An association administrator signs in, creates a member, finds it in the grid, switches to Latvian
 * looks at the networks list and a network's page, and the events list and an event's page in Latvian, and signs
 * out; a screenshot of each step lands in {@code target/screenshots}. The UI's Content-Security-Policy is in force
 * throughout, and the browser's console must report no violation of it.
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

    private WebDriver browser;
    private WebDriverWait wait;
    private String tenantName;
    private String code;
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
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
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
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void administratorSignsInCreatesAMemberSwitchesToLatvianAndSignsOut() throws IOException {
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

        openUserMenu();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form")));
        screenshot("10-signed-out");

        browser.get("http://127.0.0.1:" + ui.port() + "/members");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form")));
        assertThat(browser.getCurrentUrl()).doesNotContain("/members");
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
