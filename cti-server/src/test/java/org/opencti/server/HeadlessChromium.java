package org.opencti.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium driven headless through its chromedriver, for the page tests. */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the test (an assumption) on a machine without Chromium; call first, before starting anything else. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
    }

    static WebDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** A wait that looks every 10 ms, so what a test measures is the page, not the polling. */
    static WebDriverWait waitUpTo(WebDriver browser, int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(10));
        return wait;
    }
}
