package org.opencti.desktop.campaign;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignState;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.campaign.Disposition;
import org.opencti.dialer.campaign.RetryRule;

/** The campaign API over HTTP: who may do what, every field in and out, every bad field named, the dialer's hook. */
class CampaignRoutesTest {
    private CampaignFixture desk;
    private String agent;
    private String supervisor;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        desk = new CampaignFixture();
        agent = desk.desktop.login("2001");
        supervisor = desk.desktop.login("3001");
        admin = desk.desktop.login("4001");
    }

    @AfterEach
    void stop() throws Exception {
        desk.close();
    }

    private long create(String token, JsonObject body) throws Exception {
        TestDesktop.Reply reply = desk.call(POST, "/api/v1/campaigns", token, body);
        assertThat(reply.status()).as(reply.body().encode()).isEqualTo(201);
        return reply.body().getLong("id");
    }

    @Test
    void aCampaignIsCreatedWithEveryFieldAndReadsBackAsSent() throws Exception {
        long id = create(supervisor, CampaignFixture.full("Winter renewals", "billing"));

        Campaign stored = desk.campaigns.find(id).orElseThrow();
        assertThat(stored.mode()).isEqualTo(DialMode.PREDICTIVE);
        assertThat(stored.callerId()).as("normalised").isEqualTo("+12025550100");
        assertThat(stored.schedule().days()).hasSize(3);
        assertThat(stored.callingHours().unknownZone().start()).hasToString("10:00");
        assertThat(stored.abandonLimitPercent()).isEqualByComparingTo("2.50");
        assertThat(stored.retryRules()).containsExactly(new RetryRule(CallOutcome.BUSY, 4, Duration.ofMinutes(10)),
            new RetryRule(CallOutcome.MACHINE, 2, Duration.ofHours(6)));
        assertThat(stored.disposition("sale").orElseThrow().value()).isEqualByComparingTo(new BigDecimal("120.50"));
        assertThat(stored.disposition("dnc").orElseThrow().has(Disposition.Flag.DNC_REQUEST)).isTrue();
        assertThat(stored.caps().get(0).period()).isEqualTo(Duration.ofDays(7));
        assertThat(stored.eligibility().requireVoiceConsent()).isTrue();
        assertThat(stored.listLowThreshold()).isEqualTo(25);

        JsonObject read = desk.call(GET, "/api/v1/campaigns/" + id, supervisor, (String) null).body();
        assertThat(read.getString("state")).isEqualTo("draft");
        assertThat(read.getJsonArray("lists")).isEmpty();
        assertThat(read.getJsonObject("schedule").getJsonArray("days")).containsExactly("monday", "wednesday", "friday");
        assertThat(read.getJsonArray("caps").getJsonObject(0).getString("period")).isEqualTo("P7D");
        // what was read goes back unchanged, read-only fields and all
        assertThat(desk.call(PUT, "/api/v1/campaigns/" + id, supervisor, read).status()).isEqualTo(200);
        assertThat(desk.campaigns.find(id)).contains(stored);
        assertThat(desk.control.told).as("a draft's edit is not the dialer's business").isEmpty();
    }

    @Test
    void absentOptionalFieldsTakeTheDefaults() throws Exception {
        JsonObject minimal = new JsonObject().put("name", "Plain").put("mode", "preview").put("callerId", "+15551230000")
            .put("assignment", new JsonObject().put("agents", new JsonArray(List.of("2001"))))
            .put("schedule", new JsonObject().put("timeZone", "UTC").put("days", new JsonArray(List.of("mon"))).put("hours", "09:00-17:00"))
            .put("safeHarbourMessage", "Sorry, this was Acme.");

        Campaign stored = desk.campaigns.find(create(admin, minimal)).orElseThrow();

        Campaign draft = Campaign.draft("Plain", "+15551230000", stored.schedule(), stored.assignment());
        assertThat(stored.retryRules()).isEqualTo(draft.retryRules());
        assertThat(stored.dispositions()).isEqualTo(Disposition.standardSet());
        assertThat(stored.abandonLimitPercent()).isEqualByComparingTo("3");
        assertThat(stored.callingHours()).isEqualTo(draft.callingHours());
        assertThat(stored.listLowThreshold()).isEqualTo(100);
    }

    @Test
    void everyBadFieldIsNamedByItsPathAndNothingIsStored() throws Exception {
        JsonObject bad = CampaignFixture.full("Broken", "billing", "2999");
        bad.put("mode", "aggressive").put("callerId", "call me").put("colour", "red").put("abandonLimitPercent", 2.555)
            .put("listLowThreshold", -1).put("amd", "yes");
        bad.getJsonObject("schedule").put("days", new JsonArray(List.of("funday", "monday", "mon"))).put("timeZone", "Mars/Base");
        bad.getJsonArray("retryRules").getJsonObject(1).put("delay", "soon");
        bad.getJsonArray("retryRules").add(new JsonObject().put("outcome", "busy").put("maxAttempts", 0).put("delay", "PT1M"));
        bad.getJsonArray("dispositions").getJsonObject(0).put("code", "Sale!");
        bad.getJsonObject("eligibility").put("recentOrderDays", "thirty");

        TestDesktop.Reply reply = desk.call(POST, "/api/v1/campaigns", admin, bad);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().getJsonObject("errors").fieldNames()).containsExactlyInAnyOrder("mode", "callerId", "colour",
            "abandonLimitPercent", "schedule.days[0]", "schedule.days[2]", "schedule.timeZone", "retryRules[1].delay",
            "retryRules[2].maxAttempts", "dispositions[0].code", "eligibility.recentOrderDays", "assignment.agents[0]",
            "listLowThreshold", "amd");
        assertThat(reply.body().getJsonObject("errors").getString("retryRules[1].delay")).contains("ISO-8601");
        assertThat(reply.body().getJsonObject("errors").getString("assignment.agents[0]")).contains("2999");
        assertThat(desk.campaigns.all()).isEmpty();
        JsonObject twice = CampaignFixture.full("Twice", "billing");
        twice.getJsonArray("retryRules").add(new JsonObject().put("outcome", "busy").put("maxAttempts", 1).put("delay", "PT1M"));
        assertThat(desk.call(POST, "/api/v1/campaigns", admin, twice).body().getJsonObject("errors").fieldNames())
            .containsExactly("retryRules[2].outcome");
        assertThat(desk.call(POST, "/api/v1/campaigns", admin, "{not json").body().getString("field")).isEqualTo("$");
        assertThat(desk.call(POST, "/api/v1/campaigns", admin, new JsonObject().put("name", "Empty")).body()
            .getJsonObject("errors").fieldNames()).contains("mode", "assignment", "callerId", "schedule", "safeHarbourMessage");
        assertThat(desk.campaigns.all()).isEmpty();
    }

    @Test
    void whoMayDoWhat() throws Exception {
        long blue = create(supervisor, CampaignFixture.full("Blue team's", "billing"));
        long green = create(admin, CampaignFixture.full("Green team's", null, "2101"));
        long nobody = create(admin, CampaignFixture.full("Sales, nobody has it", "sales"));

        assertThat(desk.call(GET, "/api/v1/campaigns", null, (String) null).status()).isEqualTo(401);
        assertThat(desk.call(POST, "/api/v1/campaigns/" + blue + "/start", null, (String) null).status()).isEqualTo(401);
        assertThat(desk.call(GET, "/api/v1/campaigns", agent, (String) null).status()).isEqualTo(403);
        assertThat(desk.call(GET, "/api/v1/campaigns/" + blue, agent, (String) null).status()).isEqualTo(403);
        assertThat(desk.call(POST, "/api/v1/campaigns", agent, CampaignFixture.full("Mine", "billing")).status()).isEqualTo(403);
        assertThat(desk.call(POST, "/api/v1/campaigns/" + blue + "/start", agent, (String) null).status()).isEqualTo(403);

        assertThat(desk.call(GET, "/api/v1/campaigns", supervisor, (String) null).body().getJsonArray("campaigns").stream()
            .map(c -> ((JsonObject) c).getString("name"))).containsExactly("Blue team's");
        assertThat(desk.call(GET, "/api/v1/campaigns", admin, (String) null).body().getJsonArray("campaigns")).hasSize(3);
        for (long other : List.of(green, nobody)) {
            assertThat(desk.call(GET, "/api/v1/campaigns/" + other, supervisor, (String) null).status()).isEqualTo(403);
            assertThat(desk.call(POST, "/api/v1/campaigns/" + other + "/start", supervisor, (String) null).status()).isEqualTo(403);
        }
        TestDesktop.Reply steal = desk.call(PUT, "/api/v1/campaigns/" + blue, supervisor,
            CampaignFixture.full("Blue team's", null, "2101"));
        assertThat(steal.status()).isEqualTo(403);
        assertThat(steal.body().getString("field")).isEqualTo("assignment");
        assertThat(desk.call(POST, "/api/v1/campaigns", supervisor, CampaignFixture.full("Reach", "support")).status()).isEqualTo(403);
        assertThat(desk.call(POST, "/api/v1/campaigns/" + green + "/start", admin, (String) null).status()).isEqualTo(200);
        assertThat(desk.call(GET, "/api/v1/campaigns/77", admin, (String) null).status()).isEqualTo(404);
        assertThat(desk.call(GET, "/api/v1/campaigns/x1", admin, (String) null).body().getString("field")).isEqualTo("id");

        assertThat(desk.call(GET, "/api/v1/campaigns/" + blue + "/script", agent, (String) null).body().getString("script"))
            .isEqualTo("Hello, this is {agent} from Acme.");
        assertThat(desk.call(GET, "/api/v1/campaigns/" + green + "/script", agent, (String) null).status()).isEqualTo(403);
        assertThat(desk.campaigns.all()).hasSize(3);
    }

    @Test
    void startPauseAndStopChangeTheStoredStateAndTellTheDialer() throws Exception {
        long id = create(supervisor, CampaignFixture.full("Spring", "billing"));
        String base = "/api/v1/campaigns/" + id;

        TestDesktop.Reply started = desk.call(POST, base + "/start", supervisor, (String) null);
        TestDesktop.Reply again = desk.call(POST, base + "/start", supervisor, (String) null);
        desk.call(POST, base + "/pause", supervisor, (String) null);
        desk.call(POST, base + "/start", supervisor, (String) null);
        desk.call(POST, base + "/stop", admin, (String) null);
        TestDesktop.Reply pauseStopped = desk.call(POST, base + "/pause", supervisor, (String) null);

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body().getString("state")).isEqualTo("running");
        assertThat(started.body().getString("stateChangedBy")).isEqualTo("3001");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().getString("error")).contains("running");
        assertThat(pauseStopped.status()).isEqualTo(409);
        assertThat(desk.control.told).containsExactly("started " + id + " draft", "paused " + id, "started " + id + " paused",
            "stopped " + id);
        assertThat(desk.states.status(id).orElseThrow().state()).isEqualTo(CampaignState.STOPPED);
        assertThat(desk.states.status(id).orElseThrow().changedBy()).isEqualTo("4001");
    }

    @Test
    void whenTheDialerRefusesOrFailsTheChangeIsUndone() throws Exception {
        long id = create(supervisor, CampaignFixture.full("Refused", "billing"));
        String base = "/api/v1/campaigns/" + id;

        desk.control.failNext = new IllegalStateException("nobody is logged in to work it");
        TestDesktop.Reply refused = desk.call(POST, base + "/start", supervisor, (String) null);
        desk.control.failNext = new RuntimeException("runner crashed");
        TestDesktop.Reply failed = desk.call(POST, base + "/start", supervisor, (String) null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().getString("error")).contains("nobody is logged in");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(desk.states.status(id).orElseThrow().state()).isEqualTo(CampaignState.DRAFT);

        assertThat(desk.call(POST, base + "/start", supervisor, (String) null).status()).isEqualTo(200);
        desk.control.failNext = new IllegalStateException("cannot switch to preview while dialing");
        JsonObject edit = CampaignFixture.full("Refused, renamed", "billing").put("mode", "preview");
        assertThat(desk.call(PUT, base, supervisor, edit).status()).isEqualTo(409);
        assertThat(desk.campaigns.find(id).orElseThrow().name()).as("the edit was undone").isEqualTo("Refused");
        assertThat(desk.call(PUT, base, supervisor, edit).status()).isEqualTo(200);
        assertThat(desk.control.told).endsWith("changed " + id + " Refused, renamed running");
    }

    @Test
    void aNameIsTakenOnceAndTheListsShowTheirLevels() throws Exception {
        long id = create(supervisor, CampaignFixture.full("Autumn", "billing"));

        TestDesktop.Reply taken = desk.call(POST, "/api/v1/campaigns", supervisor, CampaignFixture.full("autumn", "billing"));
        desk.upload("/api/v1/campaigns/" + id + "/lists?name=October", supervisor, "text/csv", "phone\n2025550143\n2025550144\n");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().getString("field")).isEqualTo("name");
        JsonObject list = desk.call(GET, "/api/v1/campaigns/" + id, supervisor, (String) null).body().getJsonArray("lists")
            .getJsonObject(0);
        assertThat(list.getString("name")).isEqualTo("October");
        assertThat(list.getInteger("total")).isEqualTo(2);
        assertThat(list.getInteger("dialable")).isEqualTo(2);
        assertThat(list.getBoolean("low")).isFalse();
    }
}
