package org.opencti.desktop.ws;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.screenpop.ScreenPop;

/** The wire form of desktop events: one JSON object per event, {@code type} first. Written by hand so the schema is explicit. */
public final class DesktopEventJson {
    private DesktopEventJson() {
    }

    public static JsonObject toJson(DesktopEvent event) {
        JsonObject json = new JsonObject();
        if (event instanceof DesktopEvent.AgentStateChanged e) {
            json.put("type", "agentState").put("state", e.state().name()).put("reason", e.reason());
        } else if (event instanceof DesktopEvent.CallOffered e) {
            json.put("type", "callOffered").put("callId", e.callId()).put("callerNumber", e.callerNumber()).put("queue", e.queue());
        } else if (event instanceof DesktopEvent.ScreenPopped e) {
            json.put("type", "screenPop").put("callId", e.callId()).put("pop", pop(e.pop()))
                .put("callData", new JsonObject(new LinkedHashMap<String, Object>(e.callData())));
        } else if (event instanceof DesktopEvent.CallConnected e) {
            json.put("type", "callConnected").put("callId", e.callId());
        } else if (event instanceof DesktopEvent.CallEnded e) {
            json.put("type", "callEnded").put("callId", e.callId()).put("outcome", e.outcome());
        } else if (event instanceof DesktopEvent.CallbacksChanged) {
            json.put("type", "callbacks"); // the page reads its callbacks again
        } else {
            CampaignFrames.put(json, event);
        }
        return json.put("agentId", event.agentId()).put("at", event.at().toString());
    }

    static JsonObject pop(ScreenPop pop) {
        JsonObject json = new JsonObject()
            .put("callerNumber", pop.callerNumber())
            .put("e164", pop.e164())
            .put("outcome", pop.outcome().name())
            .put("lookupMillis", pop.lookupMillis());
        pop.customer().ifPresent(p -> json.put("customer", CustomerJson.profile(p)));
        return json;
    }
}
