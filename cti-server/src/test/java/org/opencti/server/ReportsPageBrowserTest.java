package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencti.core.adapter.postgres.PostgresInteractionLog;
import org.opencti.core.customer.InteractionRecord;

/** The reports page in a real headless Chromium, against a whole node on PostgreSQL. */
class ReportsPageBrowserTest {
    private static final String ODD_QUEUE = "<img src=x onerror=alert(1)>";

    private TestNode node;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        node = new TestNode();
        PostgresInteractionLog history = new PostgresInteractionLog(node.database.dataSource());
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        history.record(new InteractionRecord("r1", null, "+12025550143", "voice", "billing", "2001", t, t.plusSeconds(12),
            t.plusSeconds(312), "answered", "c-r1", "Gold", 0L));
        // a queue name that would run script if the page ever wrote cells as HTML
        history.record(new InteractionRecord("r2", null, "+12025550144", "voice", ODD_QUEUE, null, t, null,
            t.plusSeconds(30), "abandoned", "c-r2", "Gold", null));
        browser = HeadlessChromium.start(1400, 1000);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aSupervisorPicksARangeAndSeesTheTables() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://127.0.0.1:" + node.httpPort() + "/reports.html");
        browser.findElement(By.id("user")).sendKeys("3001");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run")));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('from').value = '2026-03-02T00:00';"
            + "document.getElementById('to').value = '2026-03-03T00:00';"
            + "document.getElementById('interval').value = '1d';");
        browser.findElement(By.id("run")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-satisfaction p.empty")));
        String queues = browser.findElement(By.id("report-queues")).getText();
        assertThat(queues).contains("billing", "Gold", "2026-03-02T00:00:00Z", ODD_QUEUE);
        assertThat(browser.findElements(By.cssSelector("#report-queues img"))).as("the cell is text, not markup").isEmpty();
        assertThat(browser.findElement(By.id("report-agents")).getText()).contains("2001");
        assertThat(browser.findElement(By.id("report-fcr")).getText()).contains("resolved");
        assertThat(browser.findElement(By.id("report-error")).getText()).isEmpty();
        Files.write(Path.of("target", "reports-page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // a range too long for 15-minute bins is refused with the parameter named
        ((JavascriptExecutor) browser).executeScript("document.getElementById('from').value = '2025-01-01T00:00';"
            + "document.getElementById('interval').value = '15m';");
        browser.findElement(By.id("run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-error"), "to: "));
    }
}
