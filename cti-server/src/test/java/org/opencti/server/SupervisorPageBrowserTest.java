package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimSpy;

/**
 * The supervisor page in a real headless Chromium against a whole node with pbx-sim: reached from the agent page, it
 * shows a caller waiting while agent 2001 is not ready, the agent on the call once they go ready, and listening
 * rings supervisor 3001's phone into ChanSpy on the agent's leg. Everything on the page arrives by push.
 */
class SupervisorPageBrowserTest {

    private TestNode node;
    private WebDriver browser;
    private DesktopClient ann;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        node = new TestNode();
        browser = HeadlessChromium.start(1400, 1000);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (ann != null) {
            ann.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return HeadlessChromium.waitUpTo(browser, seconds);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void theSupervisorSeesACallerWaitTheAgentTakeItAndListensIn() throws Exception {
        browser.get("http://127.0.0.1:" + node.httpPort() + "/");
        browser.findElement(By.id("supervisor-page")).click();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("user")).clear();
        browser.findElement(By.id("user")).sendKeys("3001");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("link"), "online"));
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("waiting-billing"), "0"));
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-2001"), "LOGGED_OUT"));
        assertThat(text("queues-2001")).isEqualTo("billing 1, support 1");
        assertThat(browser.findElements(By.cssSelector("#agents tbody tr"))).as("team blue: agent 2001 only").hasSize(1);

        ann = new DesktopClient(node.httpPort());
        ann.connect("2001", "demo");
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-2001"), "NOT_READY"));

        SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
        node.pbx.press(call, "1");
        waitUpTo(20).until(ExpectedConditions.textToBe(By.id("waiting-billing"), "1"));
        assertThat(text("states-billing")).contains("not ready 1");

        ann.send(new JsonObject().put("type", "ready"));
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-2001"), "ON_CALL"));
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("waiting-billing"), "0"));
        assertThat(text("call-2001")).isNotBlank();
        Await.until("caller and agent bridged", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));

        waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("listen-2001"))).click();
        Await.until("pbx-sim has supervisor 3001 in ChanSpy on agent 2001's leg", Duration.ofSeconds(10), () -> {
            List<SimSpy> spies = node.pbx.spies();
            return spies.size() == 1 && spies.get(0).spyer().startsWith("Local/3001@agents-")
                && spies.get(0).spyee().startsWith("Local/2001@agents-") && spies.get(0).options().equals("qE");
        });
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-status"), "listen on 2001's call"));

        // A reload reconnects and resyncs: the same picture comes back without anything changing on the server.
        browser.navigate().refresh();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("link"), "online"));
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-2001"), "ON_CALL"));
        assertThat(text("waiting-billing")).isEqualTo("0");
        // Moving queues is refused while the agent has the call, and done once the call is over.
        browser.findElement(By.id("move-2001")).click();
        browser.findElement(By.id("move-support")).clear();
        browser.findElement(By.id("move-save")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("move-error"), "busy with call"));
        browser.findElement(By.id("move-cancel")).click();
        node.pbx.hangup(call);
        // Wrap-up lasts a second here and frames come at most one a second: the row may skip straight to READY.
        waitUpTo(10).until(ExpectedConditions.or(ExpectedConditions.textToBePresentInElementLocated(By.id("state-2001"), "WRAP_UP"),
            ExpectedConditions.textToBePresentInElementLocated(By.id("state-2001"), "READY")));
        browser.findElement(By.id("move-2001")).click();
        browser.findElement(By.id("move-support")).clear();
        browser.findElement(By.id("move-save")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("queues-2001"), "billing 1"));
        assertThat(node.centre.acd().roster().agents().toCompletableFuture().get().agents().get(0).queues()).containsOnlyKeys("billing");
    }
}
