package org.opencti.desktop.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.opencti.acd.AcdService;
import org.opencti.acd.AgentLine;
import org.opencti.acd.SupervisorActions;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.port.SpyMode;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.auth.User;

/**
 * A supervisor acts on an agent: {@code POST /api/v1/agents/{agentId}/listen | whisper | barge} rings the
 * supervisor's own phone into the agent's call; {@code .../not-ready} ({@code {"reason": "..."}}, optional) and
 * {@code .../logout} force the agent's state. Supervisors only for agents of their own team, admins for any agent,
 * agents never (403); no token 401; an unknown agent 404.
 */
final class SupervisorRoutes {
    private final AgentRoutes auth;
    private final AcdService acd;
    private final Supplier<SupervisorActions> supervision;

    /** {@code supervision} may give {@code null}: this node cannot ring supervisors' phones (503 for listen/whisper/barge). */
    SupervisorRoutes(AgentRoutes auth, AcdService acd, Supplier<SupervisorActions> supervision) {
        this.auth = auth;
        this.acd = acd;
        this.supervision = supervision;
    }

    void mount(Router router) {
        router.post("/api/v1/agents/:agentId/listen").handler(ctx -> spy(ctx, SpyMode.LISTEN));
        router.post("/api/v1/agents/:agentId/whisper").handler(ctx -> spy(ctx, SpyMode.WHISPER));
        router.post("/api/v1/agents/:agentId/barge").handler(ctx -> spy(ctx, SpyMode.BARGE));
        router.post("/api/v1/agents/:agentId/not-ready").handler(this::notReady);
        router.post("/api/v1/agents/:agentId/logout").handler(ctx -> withAgent(ctx, (session, line) ->
            replyStatus(ctx, acd.logout(line.agentId()))));
    }

    private void spy(RoutingContext ctx, SpyMode mode) {
        withAgent(ctx, (session, line) -> {
            SupervisorActions actions = supervision.get();
            if (actions == null) {
                ApiError.send(ctx, 503, "$", "supervisors' phones are not set up on this node");
                return;
            }
            User user = session.user();
            actions.spy(user.id(), user.name(), line.agentId(), mode).whenComplete((spy, failure) -> {
                if (failure != null) {
                    fail(ctx, failure);
                    return;
                }
                ctx.json(new JsonObject().put("agentId", spy.agentId()).put("mode", spy.mode().name())
                    .put("agentLegChannel", spy.agentLegChannel()).put("supervisorChannel", spy.supervisorChannel()));
            });
        });
    }

    private void notReady(RoutingContext ctx) {
        String reason;
        String text = ctx.body().asString();
        try {
            JsonObject body = text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
            Object value = body.getValue("reason");
            if (value != null && !(value instanceof String r && r.length() <= 100)) {
                ApiError.send(ctx, 400, "reason", "must be a string of at most 100 characters");
                return;
            }
            reason = (String) value;
        } catch (DecodeException | ClassCastException e) {
            ApiError.send(ctx, 400, "$", "body is not a JSON object");
            return;
        }
        String given = reason == null || reason.isBlank() ? "set by supervisor" : reason;
        withAgent(ctx, (session, line) -> replyStatus(ctx, acd.notReady(line.agentId(), given)));
    }

    /** The signed-in supervisor or admin and the agent of the path, once both are known and allowed; else the error is sent. */
    void withAgent(RoutingContext ctx, BiConsumer<Session, AgentLine> action) {
        Optional<Session> session = auth.sessionOf(ctx, true);
        if (session.isEmpty()) {
            return;
        }
        String agentId = ctx.pathParam("agentId");
        acd.agentLine(agentId).whenComplete((line, failure) -> {
            if (failure != null) {
                fail(ctx, failure);
            } else if (line.isEmpty()) {
                ApiError.send(ctx, 404, "agentId", "unknown agent \"" + agentId + "\"");
            } else if (!allowed(session.get().user(), line.get())) {
                ApiError.send(ctx, 403, "Authorization", "agent " + agentId + " is not in your team");
            } else {
                action.accept(session.get(), line.get());
            }
        });
    }

    /** Admins act on anyone; a supervisor on the agents of their own team. */
    static boolean allowed(User user, AgentLine agent) {
        return user.oversees(agent.team());
    }

    private static void replyStatus(RoutingContext ctx, CompletionStage<AgentStatus> result) {
        result.whenComplete((st, failure) -> {
            if (failure != null) {
                fail(ctx, failure);
                return;
            }
            ctx.json(new JsonObject().put("agentId", st.agentId()).put("state", st.state().name()).put("reason", st.reason())
                .put("since", st.since().toString()).put("callId", st.callId()));
        });
    }

    static void fail(RoutingContext ctx, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof NoSuchElementException) {
            ApiError.send(ctx, 404, "agentId", cause.getMessage());
        } else if (cause instanceof SupervisorActions.PhoneNotAnswered) {
            ApiError.send(ctx, 502, "phone", cause.getMessage());
        } else if (cause instanceof IllegalStateException) {
            ApiError.send(ctx, 409, "state", cause.getMessage());
        } else if (cause instanceof IllegalArgumentException) {
            ApiError.send(ctx, 400, "agentId", cause.getMessage());
        } else {
            ApiError.send(ctx, 500, "$", "could not act on the agent: " + cause.getMessage());
        }
    }
}
