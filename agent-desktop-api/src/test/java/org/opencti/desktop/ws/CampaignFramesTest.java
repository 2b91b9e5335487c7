package org.opencti.desktop.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.desktop.CampaignLead;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DispositionChoice;

/** The campaign frames carry what the agent page needs: the lead, the script, the deadline and the wrap-up choices. */
class CampaignFramesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final CampaignLead LEAD = new CampaignLead(42, "+15552000001", "Ana", null, null);

    @Test
    void aPreviewNamesTheLeadTheScriptAndWhenTheDecisionIsDue() {
        JsonObject json = DesktopEventJson.toJson(new DesktopEvent.CampaignPreview("2001", T0, 7, "Spring", LEAD, null,
            "Hello {firstName}", T0.plusSeconds(30)));

        assertThat(json.getString("type")).isEqualTo("campaignPreview");
        assertThat(json.getString("agentId")).isEqualTo("2001");
        assertThat(json.getLong("campaignId")).isEqualTo(7L);
        assertThat(json.getJsonObject("lead").getString("phone")).isEqualTo("+15552000001");
        assertThat(json.getJsonObject("lead").getString("lastName")).isEmpty();
        assertThat(json.getJsonObject("lead").getValue("customerId")).isNull();
        assertThat(json.getString("script")).isEqualTo("Hello {firstName}");
        assertThat(json.getString("answerBy")).isEqualTo("2026-11-22T09:00:30Z");
    }

    @Test
    void aConnectedCallOffersTheCampaignsDispositions() {
        JsonObject json = DesktopEventJson.toJson(new DesktopEvent.CampaignConnected("2001", T0, 7, "Spring", "out-9", 9,
            new CampaignLead(42, "+15552000001", "Ana", "Ruiz", 5L), "Script",
            List.of(new DispositionChoice("sale", "Sale", true, false, false), new DispositionChoice("dnc", "", false, false, true))));

        assertThat(json.getString("type")).isEqualTo("campaignConnected");
        assertThat(json.getLong("attemptId")).isEqualTo(9L);
        assertThat(json.getString("callId")).isEqualTo("out-9");
        assertThat(json.getJsonObject("lead").getLong("customerId")).isEqualTo(5L);
        assertThat(json.getJsonArray("dispositions").getJsonObject(0).getBoolean("sale")).isTrue();
        assertThat(json.getJsonArray("dispositions").getJsonObject(1).getString("label")).isEqualTo("dnc");
        assertThat(json.getJsonArray("dispositions").getJsonObject(1).getBoolean("dncRequest")).isTrue();
    }

    @Test
    void withdrawnAndCallbackDueFramesNameTheirLead() {
        JsonObject gone = DesktopEventJson.toJson(new DesktopEvent.CampaignPreviewWithdrawn("2001", T0, 7, 42, "timeout"));
        JsonObject due = DesktopEventJson.toJson(new DesktopEvent.CampaignCallbackDue("2001", T0, 7, 3, LEAD, T0, true));

        assertThat(gone.getString("type")).isEqualTo("campaignPreviewWithdrawn");
        assertThat(gone.getLong("leadId")).isEqualTo(42L);
        assertThat(due.getString("type")).isEqualTo("campaignCallbackDue");
        assertThat(due.getLong("callbackId")).isEqualTo(3L);
        assertThat(due.getBoolean("toAgent")).isTrue();
    }
}
