package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.registry.FileModelRegistryProvider;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tracking UI in a real browser: headless Chromium driven through Selenium and the system's chromedriver. It
 * clicks through the pages a user would, checks what they show, and saves a screenshot of each under
 * {@code target/screenshots/}.
 *
 * <p>Needs {@value #CHROMIUM} and {@value #CHROMEDRIVER} (Debian's {@code chromium} and {@code chromium-driver}
 * packages). Without them the test is skipped, except when the environment variable {@code CI} is {@code true}: then
 * it fails, so that a CI machine missing the browser is noticed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingUiBrowserIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path screenshots = Path.of("target", "screenshots");

    private TrackingClient tracking;
    private ModelRegistry registry;
    private UiFixture fixture;
    private TrackingUiServer server;
    private ChromeDriverService service;
    private WebDriver browser;

    @BeforeAll
    void start(@TempDir Path folder) throws IOException {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " for the browser "
                    + "tests: install the Debian packages chromium and chromium-driver.");
        }
        if (!installed) {
            return; // each test is skipped with the reason by requireBrowser()
        }
        tracking = TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns")));
        registry = FileModelRegistryProvider.open(folder.resolve("mlruns"));
        fixture = UiFixture.log(tracking, registry);
        server = TrackingUi.builder().trackingClient(tracking).modelRegistry(registry).port(0).build().start();

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("chromium-profile")));
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(screenshots);
    }

    /**
     * Skips each test, with the reason, when there is no browser: an assumption in {@code @BeforeAll} left the report
     * at "Tests run: 0" with no reason.
     */
    @BeforeEach
    void requireBrowser() {
        Assumptions.assumeTrue(browser != null, "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER
                + ") is not installed; browser tests skipped: install the Debian packages chromium and "
                + "chromium-driver");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (tracking != null) {
            tracking.close();
        }
    }

    /** Clicks an element that leads to another page and waits until that page has replaced this one. */
    private void navigateBy(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        awaitNewPage(page);
    }

    /** Submits a form field's form and waits until the answer has replaced this page. */
    private void submitAndWait(WebElement field) {
        WebElement page = browser.findElement(By.tagName("html"));
        field.submit();
        awaitNewPage(page);
    }

    private void awaitNewPage(WebElement oldPage) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(oldPage));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    @Test
    void experimentsPageLoadsAndLeadsToTheRunsTheTestLogged() throws IOException {
        open("/");
        assertTrue(browser.getTitle().startsWith("Experiments"), browser.getTitle());
        navigateBy(By.linkText(UiFixture.EXPERIMENT));
        assertEquals(List.of(fixture.lr, fixture.rf, fixture.xgb, fixture.script).stream().sorted().toList(),
                rowIds().stream().sorted().toList());
        assertTrue(browser.findElement(By.id("runs")).getText().contains("random-forest"));
        screenshot("runs-table");
    }

    @Test
    void clickingAMetricHeadingSortsTheRunsAndClickingAgainReversesThem() throws IOException {
        open("/experiments/" + fixture.experiment.experimentId());
        navigateBy(By.cssSelector("th[data-sort-key='metrics.auc'] a"));
        assertEquals(List.of(fixture.rf, fixture.xgb, fixture.lr, fixture.script), rowIds());
        assertTrue(browser.findElement(By.cssSelector("th[data-sort-key='metrics.auc']")).getText().endsWith("\u25bc"));
        screenshot("runs-sorted-by-auc");
        navigateBy(By.cssSelector("th[data-sort-key='metrics.auc'] a"));
        assertEquals(List.of(fixture.script, fixture.lr, fixture.xgb, fixture.rf), rowIds());
    }

    @Test
    void theFilterBoxNarrowsTheRowsAndShowsTheErrorOfAnInvalidFilter() throws IOException {
        open("/experiments/" + fixture.experiment.experimentId());
        WebElement box = browser.findElement(By.id("filter"));
        box.clear();
        box.sendKeys("metrics.auc > 0.85 and params.model != 'xgb'");
        submitAndWait(box);
        assertEquals(List.of(fixture.rf), rowIds());
        screenshot("runs-filtered");

        box = browser.findElement(By.id("filter"));
        box.clear();
        box.sendKeys("metrics.auc >> 0.85");
        submitAndWait(box);
        WebElement error = browser.findElement(By.id("filter-error"));
        assertTrue(error.isDisplayed());
        assertTrue(error.getText().contains("Invalid search filter"), error.getText());
        assertTrue(rowIds().isEmpty());
        screenshot("runs-invalid-filter");
    }

    @Test
    void aRunNamedLikeAScriptIsShownAsTextAndRunsNothing() throws IOException {
        open("/experiments/" + fixture.experiment.experimentId());
        navigateBy(By.linkText(UiFixture.SCRIPT_NAME));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        WebElement title = browser.findElement(By.id("run-name"));
        assertTrue(title.isDisplayed());
        assertEquals(UiFixture.SCRIPT_NAME, title.getText());
        assertTrue(browser.findElement(By.id("params")).getText().contains("<b>bold</b>"));
        screenshot("run-named-script");
    }

    @Test
    void runPageDrawsMetricChartsAndFramesTheHtmlReport() throws IOException {
        open("/runs/" + fixture.rf);
        WebElement chart = browser.findElement(By.cssSelector("#metric-charts svg[aria-label='loss']"));
        assertTrue(chart.isDisplayed());
        assertEquals(1, chart.findElements(By.tagName("polyline")).size());
        WebElement evaluation = browser.findElement(By.cssSelector("iframe.report[src$='/evaluation.html']"));
        assertEquals("", evaluation.getDomAttribute("sandbox"));
        browser.switchTo().frame(evaluation);
        assertEquals("Model evaluation: rf on converted", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.tagName("svg")).size() >= 4, "the model evaluation's charts are drawn");
        assertTrue(browser.findElement(By.tagName("svg")).isDisplayed());
        browser.switchTo().defaultContent();
        WebElement frame = browser.findElement(By.cssSelector("iframe.report[src$='/report.html']"));
        assertEquals("", frame.getDomAttribute("sandbox"));
        browser.switchTo().frame(frame);
        assertEquals("Evaluation of random-forest", browser.findElement(By.tagName("h1")).getText());
        browser.switchTo().defaultContent();
        screenshot("run-detail");
    }

    @Test
    void tickedRunsAreComparedWithTheirDifferencesMarked() throws IOException {
        open("/experiments/" + fixture.experiment.experimentId());
        browser.findElement(By.cssSelector("tr[data-run-id='" + fixture.lr + "'] input[type=checkbox]")).click();
        browser.findElement(By.cssSelector("tr[data-run-id='" + fixture.rf + "'] input[type=checkbox]")).click();
        navigateBy(By.cssSelector("#compare-form button[type=submit]"));
        assertTrue(browser.getTitle().startsWith("Compare runs"), browser.getTitle());
        assertEquals("diff", browser.findElement(By.cssSelector("tr[data-param='model']")).getDomAttribute("class"));
        assertEquals(2, browser.findElements(By.cssSelector("#compare-charts svg[aria-label='loss'] polyline"))
                .size());
        screenshot("compare");
    }

    @Test
    void registryPagesShowTheVersionLineage() throws IOException {
        open("/models");
        navigateBy(By.linkText(UiFixture.MODEL));
        navigateBy(By.linkText("Version 1"));
        assertEquals(UiFixture.FINGERPRINT, browser.findElement(By.id("data-fingerprint")).getText());
        assertTrue(browser.findElement(By.id("input-schema")).getText().contains("lead_source"));
        screenshot("model-version");
        navigateBy(By.id("source-run"));
        assertEquals("random-forest", browser.findElement(By.id("run-name")).getText());
    }

    @Test
    void monitoringPageShowsDriftOverTimeAndTheLatestReport() throws IOException {
        open("/monitoring");
        navigateBy(By.linkText(UiFixture.MODEL));
        List<WebElement> charts = browser.findElements(By.cssSelector("#monitoring-charts svg"));
        assertEquals(4, charts.size(), "drift share, max deviation, deviation per column, model quality");
        assertEquals(UiFixture.DRIFT_SHARES.length, charts.get(0).findElements(By.tagName("circle")).size());
        assertEquals(UiFixture.DRIFT_SHARES.length, browser.findElements(By.cssSelector("#windows tr[data-run-id]"))
                .size());
        assertEquals("ESCALATE", browser.findElement(By.cssSelector("#windows tr[data-run-id] td.action")).getText());
        browser.switchTo().frame(browser.findElement(By.cssSelector("#latest-report iframe")));
        assertEquals("window 5", browser.findElement(By.tagName("p")).getText());
        browser.switchTo().defaultContent();
        screenshot("monitoring");
    }

    @Test
    void aPathTraversalDownloadIsRefused() throws IOException {
        open("/artifacts/" + fixture.rf + "/..%2f..%2f..%2f..%2fetc%2fpasswd");
        assertTrue(browser.findElement(By.id("error-message")).getText().contains("Refused artifact path"));
        assertFalse(browser.getPageSource().contains("root:"));
        screenshot("traversal-refused");
    }

    private void open(String path) {
        browser.get(server.url().resolve(path).toString());
    }

    private List<String> rowIds() {
        return browser.findElements(By.cssSelector("#runs tr[data-run-id]")).stream()
                .map(row -> row.getDomAttribute("data-run-id")).toList();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
