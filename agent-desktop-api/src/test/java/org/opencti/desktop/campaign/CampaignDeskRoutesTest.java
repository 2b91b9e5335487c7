package org.opencti.desktop.campaign;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;

/**
 * An agent's preview decisions and dispositions reach the campaign desk as the token's agent; supervisors see the
 * figures of the campaigns they oversee, admins all; every bad field is named; the desk's refusals keep their meaning.
 */
class CampaignDeskRoutesTest {
    private static final String DIAL = "/api/v1/agent/campaign/preview/dial";
    private static final String SKIP = "/api/v1/agent/campaign/preview/skip";
    private static final String DISPOSE = "/api/v1/agent/campaign/disposition";
    private static final String FIGURES = "/api/v1/campaigns/figures";
    private CampaignFixture fixture;
    private final RecordingCampaignDesk desk = new RecordingCampaignDesk();
    private String ann;
    private String supervisor;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        fixture = new CampaignFixture();
        fixture.desktop.server().setCampaignDesk(desk);
        ann = fixture.desktop.login("2001");
        supervisor = fixture.desktop.login("3001");
        admin = fixture.desktop.login("4001");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private TestDesktop.Reply post(String path, String token, String body) throws Exception {
        return fixture.call(POST, path, token, body);
    }

    @Test
    void theAgentDialsSkipsAndDisposesAsThemselfWhateverTheBodySays() throws Exception {
        assertThat(post(DIAL, ann, "{\"campaignId\": 7, \"leadId\": 42}").status()).isEqualTo(204);
        assertThat(post(SKIP, ann, "{\"campaignId\": 7, \"leadId\": 43, \"reason\": \" called yesterday \"}").status()).isEqualTo(204);
        assertThat(post(DISPOSE, ann, "{\"campaignId\": 7, \"attemptId\": 900, \"code\": \"sale\", \"value\": 12.5}").status())
            .isEqualTo(204);
        assertThat(post(DISPOSE, ann, "{\"campaignId\": 7, \"attemptId\": 901, \"code\": \"callback\","
            + " \"callback\": {\"at\": \"2026-03-05T14:30:00Z\", \"toMe\": true}}").status()).isEqualTo(204);
        // another agent's id in the body is an unknown field, never who acts
        TestDesktop.Reply forBob = post(DISPOSE, ann, "{\"campaignId\": 7, \"attemptId\": 902, \"code\": \"sale\", \"agentId\": \"2002\"}");
        assertThat(forBob.status()).isEqualTo(400);
        assertThat(forBob.body().getString("field")).isEqualTo("agentId");

        assertThat(desk.asked).containsExactly("dial 2001 7 42", "skip 2001 7 43 called yesterday",
            "dispose 2001 7 900 sale 12.50 null false", "dispose 2001 7 901 callback null 2026-03-05T14:30:00Z true");
    }

    @Test
    void withoutATokenNothingIsAskedAndSupervisorsDoNotWorkCampaignCalls() throws Exception {
        String body = "{\"campaignId\": 7, \"leadId\": 42}";
        assertThat(post(DIAL, null, body).status()).isEqualTo(401);
        assertThat(post(DIAL, "forged", body).status()).isEqualTo(401);
        assertThat(fixture.call(GET, FIGURES, null, (String) null).status()).isEqualTo(401);
        TestDesktop.Reply bySupervisor = post(DIAL, supervisor, body);
        assertThat(bySupervisor.status()).isEqualTo(403);
        assertThat(bySupervisor.body().getString("field")).isEqualTo("Authorization");
        assertThat(post(DISPOSE, admin, "{\"campaignId\": 7, \"attemptId\": 1, \"code\": \"sale\"}").status()).isEqualTo(403);
        assertThat(fixture.call(GET, FIGURES, ann, (String) null).status()).as("figures are for supervisors").isEqualTo(403);
        assertThat(desk.asked).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAndNothingReachesTheDesk() throws Exception {
        JsonObject dial = post(DIAL, ann, "{\"campaignId\": 0, \"leadId\": \"42\"}").body();
        assertThat(dial.getJsonObject("errors").fieldNames()).containsExactlyInAnyOrder("campaignId", "leadId");
        JsonObject skip = post(SKIP, ann, "{\"campaignId\": 7, \"leadId\": 42, \"reason\": \"   \"}").body();
        assertThat(skip.getString("field")).isEqualTo("reason");
        assertThat(post(SKIP, ann, "{\"campaignId\": 7, \"leadId\": 42}").body().getString("field")).isEqualTo("reason");
        assertThat(post(SKIP, ann, new JsonObject().put("campaignId", 7).put("leadId", 42).put("reason", "x".repeat(201)).encode())
            .body().getString("field")).isEqualTo("reason");
        JsonObject dispose = post(DISPOSE, ann, "{\"campaignId\": -1, \"code\": 5, \"value\": \"lots\","
            + " \"callback\": {\"at\": \"tomorrow\", \"toMe\": \"yes\", \"when\": 1}}").body();
        assertThat(dispose.getJsonObject("errors").fieldNames()).containsExactlyInAnyOrder("campaignId", "attemptId", "code", "value",
            "callback.at", "callback.toMe", "callback.when");
        assertThat(post(DISPOSE, ann, "{\"campaignId\": 7, \"attemptId\": 1, \"code\": \"sale\", \"value\": 1.234}").body()
            .getString("field")).isEqualTo("value");
        assertThat(post(DISPOSE, ann, "{\"campaignId\": 7, \"attemptId\": 1, \"code\": \"cb\", \"callback\": {}}").body()
            .getString("field")).isEqualTo("callback.at");
        assertThat(post(DISPOSE, ann, "{\"campaignId\": 7, \"attemptId\": 1, \"code\": \"cb\", \"callback\": 3}").body()
            .getString("field")).isEqualTo("callback");
        TestDesktop.Reply notJson = post(DIAL, ann, "[1]");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().getString("field")).isEqualTo("$");
        assertThat(post(DIAL, ann, null).status()).isEqualTo(400);
        assertThat(desk.asked).isEmpty();
    }

    @Test
    void theDesksRefusalsAreMappedToTheirStatus() throws Exception {
        String body = "{\"campaignId\": 7, \"leadId\": 42}";
        desk.failNext = new IllegalStateException("the preview of lead 42 was withdrawn");
        TestDesktop.Reply conflict = post(DIAL, ann, body);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().getString("error")).contains("withdrawn");
        desk.failNext = new NoSuchElementException("no lead 42 previewed to 2001");
        assertThat(post(DIAL, ann, body).status()).isEqualTo(404);
        desk.failNext = new IllegalArgumentException("code: no disposition \"nope\" in campaign 7");
        TestDesktop.Reply bad = post(DISPOSE, ann, "{\"campaignId\": 7, \"attemptId\": 1, \"code\": \"nope\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().getString("error")).contains("code");
        desk.failNext = new UnsupportedOperationException("boom");
        assertThat(post(DIAL, ann, body).status()).isEqualTo(500);
    }

    @Test
    void withoutACampaignDeskPreviewsAreConflicts() throws Exception {
        fixture.desktop.server().setCampaignDesk(CampaignDesk.NONE);
        assertThat(post(DIAL, ann, "{\"campaignId\": 7, \"leadId\": 42}").status()).isEqualTo(409);
        assertThat(fixture.call(GET, FIGURES, admin, (String) null).body().getJsonArray("campaigns")).isEmpty();
    }

    @Test
    void aSupervisorSeesTheFiguresOfTheCampaignsTheyOverseeAnAdminAll() throws Exception {
        long blue = fixture.call(POST, "/api/v1/campaigns", supervisor, CampaignFixture.full("Blue", "billing")).body().getLong("id");
        long green = fixture.call(POST, "/api/v1/campaigns", admin, CampaignFixture.full("Green", "support")).body().getLong("id");
        desk.figures = List.of(RecordingCampaignDesk.row(blue, "Blue", 10), RecordingCampaignDesk.row(green, "Green", 20),
            RecordingCampaignDesk.row(9_999, "Gone", 30));

        JsonObject sue = fixture.call(GET, FIGURES, supervisor, (String) null).body();
        assertThat(sue.getJsonArray("campaigns").stream().map(c -> ((JsonObject) c).getString("name"))).containsExactly("Blue");
        JsonObject row = sue.getJsonArray("campaigns").getJsonObject(0);
        assertThat(row.getLong("campaignId")).isEqualTo(blue);
        assertThat(row.getLong("dials")).isEqualTo(10);
        assertThat(row.getDouble("abandonRateUk")).isEqualTo(4.0);
        assertThat(row.getInteger("agentsWorking")).isEqualTo(2);
        JsonObject ada = fixture.call(GET, FIGURES, admin, (String) null).body();
        assertThat(ada.getJsonArray("campaigns").stream().map(c -> ((JsonObject) c).getString("name")))
            .containsExactly("Blue", "Green", "Gone");
        assertThat(fixture.call(GET, FIGURES + "?team=green", supervisor, (String) null).body().getString("field")).isEqualTo("team");
    }
}
