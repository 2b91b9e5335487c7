package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignStates;
import org.opencti.dialer.campaign.ContactCap;
import org.opencti.dialer.campaign.Disposition;
import org.opencti.dialer.campaign.RetryRule;
import org.opencti.dialer.campaign.TimeWindow;
import org.opencti.dialer.lead.ListStatus;

/** A campaign as the API answers it: the fields {@link CampaignForm} reads, then its id, state and lead lists. */
final class CampaignJson {
    private CampaignJson() {
    }

    static JsonObject campaign(Campaign c, CampaignStates.Status status, List<ListStatus> lists) {
        JsonObject assignment = new JsonObject().put("agents", new JsonArray(c.assignment().agents().stream().sorted().toList()));
        if (c.assignment().skill() != null) {
            assignment.put("skill", c.assignment().skill());
        }
        JsonArray retries = new JsonArray();
        for (RetryRule r : c.retryRules()) {
            retries.add(new JsonObject().put("outcome", r.outcome().word()).put("maxAttempts", r.maxAttempts())
                .put("delay", CampaignForm.period(r.delay())));
        }
        JsonArray dispositions = new JsonArray();
        for (Disposition d : c.dispositions()) {
            dispositions.add(new JsonObject().put("code", d.code()).put("label", d.label()).put("value", d.value())
                .put("flags", new JsonArray(d.flags().stream().map(Disposition.Flag::word).sorted().toList())));
        }
        JsonArray caps = new JsonArray();
        for (ContactCap cap : c.caps()) {
            caps.add(new JsonObject().put("scope", cap.scope().word()).put("maxAttempts", cap.maxAttempts())
                .put("period", CampaignForm.period(cap.period())));
        }
        JsonArray listArray = new JsonArray();
        lists.forEach(l -> listArray.add(list(l)));
        return new JsonObject().put("id", c.id()).put("name", c.name()).put("state", status.state().word())
            .put("stateChangedAt", status.changedAt() == null ? null : status.changedAt().toString())
            .put("stateChangedBy", status.changedBy())
            .put("mode", c.mode().word()).put("assignment", assignment).put("callerId", c.callerId())
            .put("schedule", new JsonObject().put("timeZone", c.schedule().zone().getId())
                .put("days", new JsonArray(CampaignForm.dayNames(c.schedule().days()))).put("hours", window(c.schedule().hours())))
            .put("callingHours", new JsonObject().put("leadLocal", window(c.callingHours().leadLocal()))
                .put("unknownZone", window(c.callingHours().unknownZone())))
            .put("abandonLimitPercent", c.abandonLimitPercent()).put("retryRules", retries).put("amd", c.amd())
            .put("safeHarbourMessage", c.safeHarbourMessage()).put("script", c.script()).put("dispositions", dispositions)
            .put("caps", caps)
            .put("eligibility", new JsonObject().put("recentOrderDays", c.eligibility().recentOrderDays())
                .put("skipOpenComplaints", c.eligibility().skipOpenComplaints())
                .put("requireVoiceConsent", c.eligibility().requireVoiceConsent()))
            .put("listLowThreshold", c.listLowThreshold()).put("lists", listArray);
    }

    static JsonObject list(ListStatus l) {
        return new JsonObject().put("id", l.listId()).put("name", l.name()).put("total", l.total()).put("dialable", l.dialable())
            .put("inProgress", l.inProgress()).put("done", l.done()).put("low", l.low())
            .put("lowSince", l.lowSince() == null ? null : l.lowSince().toString());
    }

    /** What an agent working the campaign reads: its name, state and script. */
    static JsonObject script(Campaign c, CampaignStates.Status status) {
        return new JsonObject().put("id", c.id()).put("name", c.name()).put("state", status.state().word()).put("script", c.script());
    }

    private static String window(TimeWindow w) {
        return w.toString();
    }
}
