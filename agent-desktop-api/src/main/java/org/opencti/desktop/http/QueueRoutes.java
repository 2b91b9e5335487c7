package org.opencti.desktop.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.opencti.acd.AcdService;
import org.opencti.desktop.ws.WallboardJson;

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
            ctx.json(new JsonObject().put("queues", WallboardJson.queues(snapshots)));
        });
    }
}
