package org.opencti.desktop.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.opencti.acd.AcdService;
import org.opencti.acd.AgentRoster;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.ws.WallboardJson;

/**
 * The agents a supervisor oversees and moving them between queues. {@code GET /api/v1/agents}: the agents of the
 * supervisor's team (an admin's: everyone) with state, reason, since, call and queues. {@code POST
 * /api/v1/agents/{agentId}/queues} with {@code {"queues": {"billing": 1, "support": 2}}} (queue to priority, 1 = highest)
 * makes the agent serve exactly those queues: 400 naming the bad queue, 409 while the agent has a call. Agents 403, no
 * token 401, an agent of another team 403, an unknown agent 404.
 */
final class RosterRoutes {
    private static final int MAX_QUEUES = 50;

    private final AgentRoutes auth;
    private final AcdService acd;
    private final SupervisorRoutes supervisors;

    RosterRoutes(AgentRoutes auth, AcdService acd, SupervisorRoutes supervisors) {
        this.auth = auth;
        this.acd = acd;
        this.supervisors = supervisors;
    }

    void mount(Router router) {
        router.get("/api/v1/agents").handler(this::list);
        router.post("/api/v1/agents/:agentId/queues").handler(this::move);
    }

    private void list(RoutingContext ctx) {
        Optional<Session> session = auth.sessionOf(ctx, true);
        if (session.isEmpty()) {
            return;
        }
        acd.roster().agents().whenComplete((roster, failure) -> {
            if (failure != null) {
                ApiError.send(ctx, 500, "$", "the agents are unavailable");
                return;
            }
            ctx.json(new JsonObject().put("at", roster.at().toString())
                .put("agents", WallboardJson.agents(roster, session.get().user())));
        });
    }

    private void move(RoutingContext ctx) {
        // Who may act on this agent first: a supervisor of another team learns nothing from the body's checks.
        supervisors.withAgent(ctx, (session, line) -> {
            Map<String, Integer> queues = queuesOf(ctx);
            if (queues == null) {
                return;
            }
            acd.roster().move(line.agentId(), queues).whenComplete((entry, failure) -> {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof AgentRoster.BadQueue bad) {
                    ApiError.send(ctx, 400, bad.queue().isEmpty() ? "queues" : "queues." + clip(bad.queue()), bad.getMessage());
                } else if (cause != null) {
                    SupervisorRoutes.fail(ctx, cause);
                } else {
                    ctx.json(WallboardJson.agent(entry));
                }
            });
        });
    }

    /** The body's queue priorities, or null with the 400 sent. */
    private static Map<String, Integer> queuesOf(RoutingContext ctx) {
        String text = ctx.body().asString();
        JsonObject body;
        try {
            body = text == null || text.isBlank() ? null : new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            ApiError.send(ctx, 400, "$", "a JSON object body is required: {\"queues\": {\"billing\": 1}}");
            return null;
        }
        if (!(body.getValue("queues") instanceof JsonObject given)) {
            ApiError.send(ctx, 400, "queues", "required, an object of queue name to priority (1 = highest)");
            return null;
        }
        if (given.isEmpty() || given.size() > MAX_QUEUES) {
            ApiError.send(ctx, 400, "queues", "an agent must serve 1 to " + MAX_QUEUES + " queues");
            return null;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String queue : given.fieldNames()) {
            Object priority = given.getValue(queue);
            if (!(priority instanceof Integer p) || p < 1 || p > AgentRoster.LOWEST_PRIORITY) {
                ApiError.send(ctx, 400, "queues." + clip(queue), "priority must be a whole number, 1 (highest) to "
                    + AgentRoster.LOWEST_PRIORITY);
                return null;
            }
            out.put(queue, p);
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
