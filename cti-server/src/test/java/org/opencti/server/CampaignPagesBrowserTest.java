package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencti.core.desktop.CampaignLead;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DispositionChoice;
import org.opencti.desktop.campaign.CampaignDesk;
import org.opencti.desktop.campaign.CampaignFigures;

/**
 * The campaign parts of both pages in a real headless Chromium against a whole node whose campaign desk is a recording
 * fake: a preview pushed through the node's desktop notifier shows the lead and the script (as text), Dial reaches the
 * desk for the signed-in agent; a connected campaign call's disposition form posts the chosen code; the supervisor page
 * shows the figures of the campaign their team works.
 */
class CampaignPagesBrowserTest {
    private TestNode node;
    private WebDriver browser;
    private final RecordingDesk desk = new RecordingDesk();

    /** Records what it is asked ("dial 2001 7 42"); answers with {@link #figures}. */
    static final class RecordingDesk implements CampaignDesk {
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile List<CampaignFigures> figures = List.of();

        @Override
        public CompletionStage<Void> previewDial(String agentId, long campaignId, long leadId) {
            asked.add("dial " + agentId + " " + campaignId + " " + leadId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> previewSkip(String agentId, long campaignId, long leadId, String reason) {
            asked.add("skip " + agentId + " " + campaignId + " " + leadId + " " + reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> dispose(String agentId, long campaignId, long attemptId, String code, BigDecimal value,
                                             Instant callbackAt, boolean callbackToMe) {
            asked.add("dispose " + agentId + " " + campaignId + " " + attemptId + " " + code + " " + value + " " + callbackAt);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<List<CampaignFigures>> figures() {
            return CompletableFuture.completedFuture(figures);
        }
    }

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        node = new TestNode();
        node.useCampaignDesk(desk);
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

    private WebDriverWait waitUpTo(int seconds) {
        return HeadlessChromium.waitUpTo(browser, seconds);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void signIn(String page, String user) {
        browser.get("http://127.0.0.1:" + node.httpPort() + "/" + page);
        browser.findElement(By.id("user")).clear();
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("link"), "online"));
    }

    /** A campaign worked by billing (agent 2001 of team blue alone), created by blue's supervisor 3001. */
    private long campaignOfTeamBlue() throws Exception {
        try (DesktopClient sam = new DesktopClient(node.httpPort())) {
            sam.login("3001", "demo");
            DesktopClient.Reply created = sam.post("/api/v1/campaigns", new JsonObject().put("name", "Spring renewals")
                .put("mode", "preview").put("callerId", "(202) 555-0100").put("assignment", new JsonObject().put("skill", "billing"))
                .put("schedule", new JsonObject().put("timeZone", "America/New_York").put("days", new JsonArray(List.of("mon")))
                    .put("hours", "09:00-17:00"))
                .put("safeHarbourMessage", "This was Acme about your renewal. We will call again."));
            assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
            return created.body().getLong("id");
        }
    }

    @Test
    void theAgentDialsAPreviewAndDisposesTheCallAndTheSupervisorSeesTheCampaign() throws Exception {
        long id = campaignOfTeamBlue();
        desk.figures = List.of(new CampaignFigures(id, "Spring renewals", "preview", "running", Instant.now(), 120, 48, 2, 3.4, 1.2,
            9, 38.5, 22.0, 410, 1), new CampaignFigures(id + 1000, "Not blue's", "predictive", "running", Instant.now(), 1, 0, 0, 0,
            0, 0, 0, 0, 5, 1));
        signIn("", "2001");
        // the hello: the socket is authenticated, so the node routes 2001's events to it
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "connected as 2001"));

        CampaignLead lead = new CampaignLead(42, "+12025550143", "Alice", "<b>Moreno</b>", null);
        String script = "Hello {firstName} {lastName}, this is Acme.<script>document.title='owned'</script>";
        node.centre.desktops().notify(new DesktopEvent.CampaignPreview("2001", Instant.now(), id, "Spring renewals", lead, null,
            script, Instant.now().plus(Duration.ofSeconds(30))));
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-dial")));
        assertThat(text("campaign-script")).isEqualTo("Hello Alice <b>Moreno</b>, this is Acme.<script>document.title='owned'</script>");
        assertThat(browser.findElements(By.cssSelector("#campaign b, #campaign-script script"))).as("text, not HTML").isEmpty();
        assertThat(text("campaign-lead")).contains("+12025550143");
        assertThat(text("preview-countdown")).matches("[0-9]+ s");
        browser.findElement(By.id("preview-dial")).click();
        Await.until("the desk is asked to dial lead 42 for 2001", Duration.ofSeconds(10),
            () -> desk.asked.contains("dial 2001 " + id + " 42"));
        waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("campaign")));

        node.centre.desktops().notify(new DesktopEvent.CampaignConnected("2001", Instant.now(), id, "Spring renewals", "100.1", 900,
            lead, script, List.of(new DispositionChoice("sale", "Sale", true, false, false),
                new DispositionChoice("later", "Call back", false, true, false),
                new DispositionChoice("dnc", "Do not call", false, false, true))));
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("disposition-submit")));
        assertThat(text("campaign-status")).isEqualTo("connected");
        Select choice = new Select(browser.findElement(By.id("disposition-code")));
        choice.selectByVisibleText("Do not call");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("disposition-dnc")));
        choice.selectByVisibleText("Call back");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("disposition-callback-at")));
        choice.selectByVisibleText("Sale (sale)");
        browser.findElement(By.id("disposition-value")).sendKeys("99.5");
        browser.findElement(By.id("disposition-submit")).click();
        Await.until("the desk gets the sale for attempt 900", Duration.ofSeconds(10),
            () -> desk.asked.contains("dispose 2001 " + id + " 900 sale 99.50 null"));
        assertThat(desk.asked).hasSize(2);
        browser.findElement(By.id("logout")).click();

        signIn("supervisor.html", "3001");
        By row = By.id("campaign-" + id);
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.findElement(row).getText()).contains("Spring renewals", "preview", "running", "120", "48", "3.4 %",
            "1.2 %", "38.5", "22.0 %", "410");
        assertThat(browser.findElement(row).findElement(By.className("abandon-us")).getAttribute("class")).contains("over");
        assertThat(browser.findElement(row).findElement(By.className("abandon-uk")).getAttribute("class")).doesNotContain("over");
        assertThat(browser.findElements(By.cssSelector("#campaigns tbody tr"))).as("only team blue's campaign").hasSize(1);
    }

    @Test
    void aReloadedPageShowsTheCallToDisposeAgainAndNotAPreviewThatEndedMeanwhile() throws Exception {
        long id = campaignOfTeamBlue();
        signIn("", "2001");
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "connected as 2001"));
        CampaignLead lead = new CampaignLead(42, "+12025550143", "Alice", "Moreno", null);
        node.centre.desktops().notify(new DesktopEvent.CampaignPreview("2001", Instant.now(), id, "Spring renewals", lead, null,
            "Hello {firstName}", Instant.now().plus(Duration.ofSeconds(30))));
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-dial")));
        // while the page is away the preview is dialed and answered: the node keeps the call to dispose, as CampaignFloor does
        node.centre.campaigns().openFrames().shown(new DesktopEvent.CampaignConnected("2001", Instant.now(), id, "Spring renewals",
            "100.1", 900, lead, "Hello {firstName}", List.of(new DispositionChoice("sale", "Sale", true, false, false))));

        browser.navigate().refresh();

        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("disposition-submit")));
        assertThat(text("campaign-status")).isEqualTo("connected");
        assertThat(text("campaign-script")).isEqualTo("Hello Alice");
        assertThat(browser.findElement(By.id("campaign-preview")).isDisplayed()).as("the preview is over").isFalse();
        browser.findElement(By.id("disposition-submit")).click();
        Await.until("the desk gets the disposition of attempt 900", Duration.ofSeconds(10),
            () -> desk.asked.contains("dispose 2001 " + id + " 900 sale null null"));
    }
}
