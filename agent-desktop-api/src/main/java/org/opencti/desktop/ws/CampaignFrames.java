package org.opencti.desktop.ws;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.opencti.core.desktop.CampaignLead;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DispositionChoice;

/** The wire form of the outbound campaign's desktop events (the frames {@code campaign*} of the OpenAPI document). */
final class CampaignFrames {
    private CampaignFrames() {
    }

    static void put(JsonObject json, DesktopEvent event) {
        if (event instanceof DesktopEvent.CampaignPreview e) {
            json.put("type", "campaignPreview").put("campaignId", e.campaignId()).put("campaignName", e.campaignName())
                .put("lead", lead(e.lead())).put("callbackId", e.callbackId()).put("script", e.script())
                .put("answerBy", e.answerBy().toString());
        } else if (event instanceof DesktopEvent.CampaignPreviewWithdrawn e) {
            json.put("type", "campaignPreviewWithdrawn").put("campaignId", e.campaignId()).put("leadId", e.leadId())
                .put("reason", e.reason());
        } else if (event instanceof DesktopEvent.CampaignConnected e) {
            JsonArray choices = new JsonArray();
            e.dispositions().forEach(d -> choices.add(choice(d)));
            json.put("type", "campaignConnected").put("campaignId", e.campaignId()).put("campaignName", e.campaignName())
                .put("callId", e.callId()).put("attemptId", e.attemptId()).put("lead", lead(e.lead())).put("script", e.script())
                .put("dispositions", choices);
        } else if (event instanceof DesktopEvent.CampaignCallbackDue e) {
            json.put("type", "campaignCallbackDue").put("campaignId", e.campaignId()).put("callbackId", e.callbackId())
                .put("lead", lead(e.lead())).put("dueAt", e.dueAt().toString()).put("toAgent", e.toAgent());
        }
    }

    private static JsonObject lead(CampaignLead lead) {
        return new JsonObject().put("leadId", lead.leadId()).put("phone", lead.phone()).put("firstName", lead.firstName())
            .put("lastName", lead.lastName()).put("customerId", lead.customerId());
    }

    private static JsonObject choice(DispositionChoice choice) {
        return new JsonObject().put("code", choice.code()).put("label", choice.label()).put("sale", choice.sale())
            .put("callback", choice.callback()).put("dncRequest", choice.dncRequest());
    }
}
