package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.opencti.acd.AcdService;
import org.opencti.acd.stats.Figures;
import org.opencti.acd.stats.QueueSnapshot;
import org.opencti.acd.stats.TierSnapshot;

/** Live queue statistics for wallboards: supervisors and admins only. */
final class QueueRoutes {
    private final AgentRoutes auth;
    private final AcdService acd;

    QueueRoutes(AgentRoutes auth, AcdService acd) {
        this.auth = auth;
        this.acd = acd;
    }

    void mount(Router router) {
        router.get("/api/v1/queues").handler(this::queues);
    }

    private void queues(RoutingContext ctx) {
        if (auth.sessionOf(ctx, true).isEmpty()) {
            return;
        }
        acd.queueSnapshots().whenComplete((snapshots, failure) -> {
            if (failure != null) {
                ApiError.send(ctx, 500, "$", "statistics unavailable");
                return;
            }
            JsonArray out = new JsonArray();
            snapshots.forEach(s -> out.add(json(s)));
            ctx.json(new JsonObject().put("queues", out));
        });
    }

    static JsonObject json(QueueSnapshot s) {
        JsonObject tiers = new JsonObject();
        s.tiers().forEach((name, t) -> tiers.put(name, json(t)));
        JsonObject states = new JsonObject();
        s.agentsByState().forEach(states::put);
        return new JsonObject().put("queue", s.queue()).put("at", s.at().toString()).put("callsWaiting", s.callsWaiting())
            .put("longestWaitSeconds", s.longestWait().toSeconds()).put("window", json(s.window())).put("today", json(s.today()))
            .put("agentsByState", states).put("tiers", tiers);
    }

    private static JsonObject json(TierSnapshot t) {
        return new JsonObject().put("targetSeconds", t.target().toSeconds()).put("targetPercent", t.targetPercent())
            .put("callsWaiting", t.callsWaiting()).put("longestWaitSeconds", t.longestWait().toSeconds())
            .put("window", json(t.window())).put("today", json(t.today())).put("targetMet", t.targetMet());
    }

    private static JsonObject json(Figures f) {
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
