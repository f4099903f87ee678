package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.policy.DriftMonitor;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A drift report page, as the monitoring pipeline writes it, opened in headless Chromium: the policy's decision on
 * top, every category label drawn, and a full-page screenshot under {@code target/screenshots/drift-report.png}.
 * Skipped without Chromium and chromedriver, as {@link TrackingUiBrowserIT}.
 */
class DriftReportBrowserIT {

    @Test
    void driftReportShowsTheDecisionOnTopAndEveryCategoryLabel(@TempDir Path folder) throws IOException {
        boolean installed = Files.isExecutable(Path.of(TrackingUiBrowserIT.CHROMIUM))
                && Files.isExecutable(Path.of(TrackingUiBrowserIT.CHROMEDRIVER));
        Assumptions.assumeTrue(installed || "true".equals(System.getenv("CI")),
                "Chromium or chromedriver is not installed; browser tests skipped");
        Random random = new Random(7);
        Table reference = table(random, 3000, 0, 0);
        Table current = table(random, 2000, 3000, 4);
        DriftReport report = DataDrift.builder().build().run(reference, current);
        PolicyDecision decision = DriftMonitor.builder().actions(ActionKind.RETRAIN, "log")
                .actions(ActionKind.ESCALATE, "log").build().decide(reference, current, report, Map.of());
        Path page = Files.writeString(folder.resolve("drift_report.html"), report.toHtml(decision));

        System.setProperty("webdriver.chrome.driver", TrackingUiBrowserIT.CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(TrackingUiBrowserIT.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1100,4200",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(TrackingUiBrowserIT.CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(page.toUri().toString());
            WebElement banner = browser.findElement(By.id("decision"));
            assertTrue(banner.getText().startsWith("Policy decision: " + decision.action().key()
                    .toUpperCase(java.util.Locale.ROOT)), banner.getText());
            List<String> labels = browser.findElements(By.cssSelector("svg text")).stream()
                    .map(WebElement::getText).toList();
            for (String bin : report.column("lead_source").orElseThrow().distribution().bins()) {
                assertTrue(labels.contains(bin), () -> bin + " drawn in " + labels);
            }
            assertEquals(report.columns().size(), browser.findElements(By.cssSelector("section svg")).size());
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve("drift-report.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
            service.stop();
        }
    }

    private static Table table(Random random, int n, double shift, int tilt) {
        double[] income = new double[n];
        double[] visits = new double[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            income[i] = 52_000 + 11_000 * random.nextGaussian() + shift;
            visits[i] = Math.floor(Math.abs(random.nextGaussian()) * (3 + tilt / 4.0));
            int k = (int) Math.min(24, Math.floor(Math.abs(random.nextGaussian()) * (5 + tilt)));
            sources[i] = "source " + (char) ('A' + k);
        }
        return Table.of(NumericColumn.of("income", income), NumericColumn.of("total_visits", visits),
                CategoricalColumn.of("lead_source", sources));
    }
}
