package org.opencti.desktop.ws;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencti.desktop.campaign.CampaignFigures;

/** The wire form of campaign figures: {@code GET /api/v1/campaigns/figures} and the {@code campaigns} frame share it. */
public final class CampaignFiguresJson {
    private CampaignFiguresJson() {
    }

    public static JsonArray list(List<CampaignFigures> figures) {
        JsonArray out = new JsonArray();
        figures.forEach(f -> out.add(of(f)));
        return out;
    }

    public static JsonObject of(CampaignFigures f) {
        return new JsonObject().put("campaignId", f.campaignId()).put("name", f.name()).put("mode", f.mode())
            .put("state", f.state()).put("at", f.at() == null ? null : f.at().toString()).put("dials", f.dials())
            .put("connects", f.connects()).put("abandons", f.abandons()).put("abandonRateUs", finite(f.abandonRateUs()))
            .put("abandonRateUk", finite(f.abandonRateUk())).put("machines", f.machines())
            .put("talkMinutesPerAgentHour", finite(f.talkMinutesPerAgentHour())).put("penetration", finite(f.penetration()))
            .put("leadsLeft", f.leadsLeft()).put("agentsWorking", f.agentsWorking());
    }

    /** A rate of nothing (0 / 0) is unknown, not NaN, which JSON cannot carry. */
    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
