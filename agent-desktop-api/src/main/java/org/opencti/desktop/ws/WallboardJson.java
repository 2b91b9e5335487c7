package org.opencti.desktop.ws;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.opencti.acd.AgentRoster;
import org.opencti.acd.RosterEntry;
import org.opencti.acd.stats.Figures;
import org.opencti.acd.stats.QueueSnapshot;
import org.opencti.acd.stats.TierSnapshot;
import org.opencti.desktop.auth.User;

/**
 * The wire form of what a supervisor watches: queue snapshots ({@code GET /api/v1/queues}), the agents they oversee
 * ({@code GET /api/v1/agents}) and the {@code wallboard} frame that carries both. One writer for REST and WebSocket,
 * so the page reads the same shape from either.
 */
public final class WallboardJson {
    private WallboardJson() {
    }

    /** The {@code wallboard} frame for one supervisor: every queue, and only the agents {@code viewer} oversees. */
    public static JsonObject frame(List<QueueSnapshot> queues, AgentRoster.Listing roster, User viewer) {
        return new JsonObject().put("type", "wallboard").put("at", roster.at().toString())
            .put("queues", queues(queues)).put("agents", agents(roster, viewer));
    }

    public static JsonArray queues(List<QueueSnapshot> snapshots) {
        JsonArray out = new JsonArray();
        snapshots.forEach(s -> out.add(queue(s)));
        return out;
    }

    /** The agents of the roster that {@code viewer} may see: a supervisor's own team, everyone for an admin. */
    public static JsonArray agents(AgentRoster.Listing roster, User viewer) {
        JsonArray out = new JsonArray();
        roster.agents().stream().filter(a -> viewer.oversees(a.team())).forEach(a -> out.add(agent(a)));
        return out;
    }

    public static JsonObject agent(RosterEntry a) {
        JsonObject queues = new JsonObject();
        a.queues().forEach(queues::put);
        return new JsonObject().put("agentId", a.agentId()).put("name", a.name()).put("team", a.team())
            .put("state", a.state().name()).put("reason", a.reason()).put("since", a.since().toString())
            .put("callId", a.callId()).put("queues", queues).put("extension", a.extension());
    }

    public static JsonObject queue(QueueSnapshot s) {
        JsonObject tiers = new JsonObject();
        s.tiers().forEach((name, t) -> tiers.put(name, tier(t)));
        JsonObject states = new JsonObject();
        s.agentsByState().forEach(states::put);
        return new JsonObject().put("queue", s.queue()).put("at", s.at().toString()).put("callsWaiting", s.callsWaiting())
            .put("longestWaitSeconds", s.longestWait().toSeconds()).put("window", figures(s.window()))
            .put("today", figures(s.today())).put("agentsByState", states).put("tiers", tiers);
    }

    private static JsonObject tier(TierSnapshot t) {
        return new JsonObject().put("targetSeconds", t.target().toSeconds()).put("targetPercent", t.targetPercent())
            .put("callsWaiting", t.callsWaiting()).put("longestWaitSeconds", t.longestWait().toSeconds())
            .put("window", figures(t.window())).put("today", figures(t.today())).put("targetMet", t.targetMet());
    }

    private static JsonObject figures(Figures f) {
        return new JsonObject().put("offered", f.offered()).put("answered", f.answered())
            .put("answeredWithinTarget", f.answeredWithinTarget()).put("abandoned", f.abandoned())
            .put("overflowedOut", f.overflowedOut()).put("handled", f.handled())
            .put("serviceLevelPercent", value(f.serviceLevelPercent())).put("abandonRatePercent", value(f.abandonRatePercent()))
            .put("asaSeconds", seconds(f.averageSpeedOfAnswer())).put("ahtSeconds", seconds(f.averageHandleTime()))
            .put("averageTalkSeconds", seconds(f.averageTalkTime()));
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static Double seconds(Optional<Duration> d) {
        return d.map(x -> x.toMillis() / 1000.0).orElse(null);
    }
}
