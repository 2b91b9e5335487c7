package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.pacing.AbandonRate;
import org.opencti.dialer.pacing.OnlineEstimates;
import org.opencti.dialer.run.RunnerSettings;

/**
 * A page whose WebSocket drops and comes back is shown its open campaign preview, or its campaign call waiting for a
 * disposition, again right after the hello; once the preview is decided or the call disposed, it is not.
 */
class CampaignResyncEndToEndTest {
    private static final String PERSON = "+12025550111";
    private static final RunnerSettings DIALER = new RunnerSettings("e2e", Duration.ofMinutes(10), Duration.ofMinutes(30),
        Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(5), false, 0, AbandonRate.Rule.US_TSR,
        OnlineEstimates.Priors.outboundDefaults());

    private static long campaign(DesktopClient admin, String mode) throws Exception {
        JsonObject body = CampaignDialingEndToEndTest.campaign("Resync " + mode, mode, false).put("assignment",
            new JsonObject().put("agents", new JsonArray(List.of("2001"))));
        DesktopClient.Reply created = admin.post("/api/v1/campaigns", body);
        assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
        long id = created.body().getLong("id");
        admin.postCsv("/api/v1/campaigns/" + id + "/lists?name=One", "phone,first_name\n" + PERSON + ",Alice\n");
        return id;
    }

    private static List<String> types(List<DesktopClient.Frame> frames) {
        return frames.stream().map(DesktopClient.Frame::type).toList();
    }

    @Test
    void anOpenPreviewIsShownAgainAfterAReconnectUntilTheAgentSkipsIt() throws Exception {
        try (TestNode node = new TestNode("", DIALER); DesktopClient admin = new DesktopClient(node.httpPort());
             DesktopClient ann = new DesktopClient(node.httpPort())) {
            admin.login("9001", "demo");
            long id = campaign(admin, "preview");
            ann.connect("2001", "demo");
            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitState("READY");
            assertThat(admin.post("/api/v1/campaigns/" + id + "/start").body().getString("state")).isEqualTo("running");
            JsonObject preview = ann.awaitType("campaignPreview").json();

            List<DesktopClient.Frame> again = ann.reconnect();

            assertThat(again).as("%s", types(again)).filteredOn(f -> f.type().equals("campaignPreview")).singleElement().satisfies(f -> {
                assertThat(f.json().getJsonObject("lead")).isEqualTo(preview.getJsonObject("lead"));
                assertThat(f.json().getString("answerBy")).as("the same countdown").isEqualTo(preview.getString("answerBy"));
            });
            DesktopClient.Reply skipped = ann.post("/api/v1/agent/campaign/preview/skip", new JsonObject().put("campaignId", id)
                .put("leadId", preview.getJsonObject("lead").getLong("leadId")).put("reason", "wrong person"));
            assertThat(skipped.status()).as(skipped.body().encode()).isEqualTo(204);
            assertThat(types(ann.reconnect())).doesNotContain("campaignPreview");
        }
    }

    @Test
    void aConnectedCallIsShownAgainAfterAReconnectUntilItIsDisposed() throws Exception {
        try (TestNode node = new TestNode("", DIALER); DesktopClient admin = new DesktopClient(node.httpPort());
             DesktopClient ann = new DesktopClient(node.httpPort())) {
            node.pbx.phone(PERSON).person();
            admin.login("9001", "demo");
            long id = campaign(admin, "progressive");
            ann.connect("2001", "demo");
            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitState("READY");
            assertThat(admin.post("/api/v1/campaigns/" + id + "/start").body().getString("state")).isEqualTo("running");
            JsonObject connected = ann.awaitType("campaignConnected").json();

            List<DesktopClient.Frame> again = ann.reconnect();

            assertThat(again).as("%s", types(again)).filteredOn(f -> f.type().equals("campaignConnected")).singleElement().satisfies(f -> {
                assertThat(f.json().getLong("attemptId")).isEqualTo(connected.getLong("attemptId"));
                assertThat(f.json().getJsonArray("dispositions")).isEqualTo(connected.getJsonArray("dispositions"));
            });
            DesktopClient.Reply disposed = ann.post("/api/v1/agent/campaign/disposition", new JsonObject().put("campaignId", id)
                .put("attemptId", connected.getLong("attemptId")).put("code", "no-interest"));
            assertThat(disposed.status()).as(disposed.body().encode()).isEqualTo(204);
            assertThat(types(ann.reconnect())).doesNotContain("campaignConnected");
            node.pbx.customerHangsUp(PERSON);
        }
    }
}
