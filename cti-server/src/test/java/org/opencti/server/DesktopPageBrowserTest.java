package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.LocalDateTime;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimRecord;

/** The agent desktop page in a real headless Chromium, against a whole node with pbx-sim. */
class DesktopPageBrowserTest {

    private TestNode node;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        node = new TestNode();
        browser = HeadlessChromium.start(1200, 900);
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

    private WebDriverWait waitUpTo(int seconds) {
        return HeadlessChromium.waitUpTo(browser, seconds);
    }

    @Test
    void anAgentLogsInGoesReadyAndSeesTheCallersRecordBeforeAnswering() {
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("login-error"), "wrong user or password"));

        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("state"), "NOT_READY"));
        browser.findElement(By.id("ready")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("state"), "READY"));

        node.pbx.phone("2001").answerOnRelease();
        SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
        node.pbx.press(call, "1");
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop"), "Ms Alice Moreno"));
        Instant popShown = Instant.now();
        assertThat(browser.findElement(By.id("pop")).getText()).contains("Gold", "100234", "+12025550143", "VIP",
            "Lifetime value 4820.00", "Speaks en", "1 open complaint", "Charged twice for the October invoice");
        assertThat(browser.findElement(By.id("queue")).getText()).isEqualTo("billing");
        assertThat(node.pbx.history()).extracting(SimRecord::kind).doesNotContain(SimRecord.Kind.AGENT_ANSWERED);
        Instant queued = node.pbx.history().stream().filter(r -> r.kind() == SimRecord.Kind.ENTERED_HOLD).findFirst()
            .orElseThrow().at();
        // A figure, not an assertion: CI machines are shared and noisy.
        System.out.printf("caller queued -> pop on the page: %d ms%n", Duration.between(queued, popShown).toMillis());

        node.pbx.phone("2001").release();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("call-status"), "connected"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("ON_CALL");
        Await.until("bridged", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));

        browser.findElement(By.id("hold")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("state"), "ON_HOLD"));
        Await.until("the customer hears music in cti-onhold", Duration.ofSeconds(10), () -> !node.pbx.isBridged(call)
            && node.pbx.channel(call.channel()).map(c -> c.context().equals("cti-onhold")).orElse(false));
        browser.findElement(By.id("resume")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("state"), "ON_CALL"));
        Await.until("bridged again", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));

        // The transfer controls reach the API and show its refusals; the call stays as it was.
        new Select(browser.findElement(By.id("transfer-kind"))).selectByValue("attended");
        new Select(browser.findElement(By.id("transfer-to"))).selectByValue("agent");
        browser.findElement(By.id("transfer-target")).sendKeys("9999");
        browser.findElement(By.id("transfer")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("desk-error"), "unknown agent \"9999\""));
        browser.findElement(By.id("transfer-complete")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("desk-error"), "agent 2001 is not consulting anyone"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("ON_CALL");
        assertThat(node.pbx.isBridged(call)).isTrue();
        node.pbx.hangup(call);
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-status"), "ended"));

        // The wrap-up form offers billing's codes; what the agent picks and writes is stored with the call.
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("wrap-up-form")));
        new Select(browser.findElement(By.id("wrap-up-disposition"))).selectByVisibleText("Refund issued");
        browser.findElement(By.id("wrap-up-notes")).sendKeys("Refund for the double charge");
        screenshot("desktop-wrap-up.png");
        browser.findElement(By.id("wrap-up-save-ready")).click();
        waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("wrap-up-form")));
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("state"), "READY"));
        String callId = browser.findElement(By.id("call-id")).getText();
        Await.until("the disposition and notes are stored with the call", Duration.ofSeconds(10), () -> count(
            "select count(*) from interactions where call_id = '" + callId + "' and disposition = 'refund-issued'"
                + " and notes = 'Refund for the double charge' and recording = '" + callId + ".wav'") == 1);
        // billing records: MixMonitor started once, and not again when the agent's leg came back from hold
        assertThat(node.pbx.history()).filteredOn(r -> r.kind() == SimRecord.Kind.RECORDING_STARTED).singleElement()
            .extracting(SimRecord::detail).isEqualTo(callId + ".wav");
    }

    private long count(String query) {
        try {
            return node.count(query);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(String name) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", name),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAgentLogsInAtADeskPhoneDialsACustomerFromTheirRecordAndPlansACallback() {
        String alice = "+12025550143";
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("extension")).sendKeys("2101");
        browser.findElement(By.id("login")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("my-extension"), "desk 2101"));
        browser.findElement(By.id("ready")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("state"), "READY"));

        browser.findElement(By.id("find")).sendKeys("Moreno");
        browser.findElement(By.id("find-go")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("found"), "Ms Alice Moreno"));
        node.pbx.phone(alice).answerAfter(Duration.ofMillis(50));
        browser.findElement(By.xpath("//ul[@id='found']//button[text()='Call " + alice + "']")).click();
        waitUpTo(20).until(ExpectedConditions.textToBe(By.id("call-status"), "connected"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("ON_CALL");
        assertThat(browser.findElement(By.id("pop")).getText()).contains("Ms Alice Moreno");
        assertThat(node.pbx.history()).as("the desk phone first, then the customer")
            .filteredOn(r -> r.kind() == SimRecord.Kind.AGENT_ANSWERED || r.kind() == SimRecord.Kind.CUSTOMER_ANSWERED)
            .extracting(SimRecord::subject).containsExactly("2101", alice);

        // A callback for later, from the record on screen: the number is filled in; the time is the agent's.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('cb-due').value = arguments[0];",
            LocalDateTime.now().plusDays(1).withSecond(0).withNano(0).toString());
        browser.findElement(By.id("cb-note")).sendKeys("send the contract");
        browser.findElement(By.id("cb-schedule")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("callbacks"), "send the contract"));
        assertThat(browser.findElement(By.id("callbacks")).getText()).contains(alice, "to me");

        node.pbx.customerHangsUp(alice);
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-status"), "ended"));
        Await.until("the call is in the history as outbound", Duration.ofSeconds(10), () -> {
            try {
                return node.count("select count(*) from interactions where channel = 'outbound' and agent_id = '2001'") == 1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        browser.findElement(By.xpath("//ul[@id='callbacks']//button[text()='Cancel']")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("callbacks"), ""));
    }

    @Test
    void thePageReconnectsByItselfAndResyncsItsState() {
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("link"), "online"));
        browser.navigate().refresh();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("link"), "online"));
        assertThat(browser.findElement(By.id("desk-panel")).isDisplayed()).as("still signed in after a reload").isTrue();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("state"), "NOT_READY"));
    }
}
