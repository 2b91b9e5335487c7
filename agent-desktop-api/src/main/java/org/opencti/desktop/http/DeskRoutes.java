package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.opencti.acd.AcdService;
import org.opencti.acd.DeskRefusal;
import org.opencti.core.agent.AgentStatus;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;

/**
 * The agent at the desk: the desk extension they are at ({@code GET|POST /api/v1/agent/extension}) and click-to-dial
 * ({@code POST /api/v1/agent/dial}). Agents only, each for themselves: a body naming another agent is 403. A dial takes
 * a customer's number from their record ({@code customerId}, and {@code number} when they have several) or, with manual
 * dialing on, a typed {@code number}. Refusals name the field: 400 bad input, 403 not allowed (typed without manual
 * dialing, a do-not-call number), 404 no such customer, 409 not now (not ready, extension taken).
 */
final class DeskRoutes {
    private final Vertx vertx;
    private final AgentRoutes auth;
    private final AcdService acd;
    private final Supplier<CustomerRoutes.Backend> customers;

    DeskRoutes(Vertx vertx, AgentRoutes auth, AcdService acd, Supplier<CustomerRoutes.Backend> customers) {
        this.vertx = vertx;
        this.auth = auth;
        this.acd = acd;
        this.customers = customers;
    }

    void mount(Router router) {
        router.get("/api/v1/agent/extension").handler(ctx -> agent(ctx).ifPresent(s -> {
            String me = s.user().id();
            acd.desk().extension(me).thenCombine(acd.desk().lastExtension(me), (now, last) -> new JsonObject()
                    .put("extension", now.orElse(null)).put("lastExtension", last.orElse(null)))
                .whenComplete((json, failure) -> {
                    if (failure != null) {
                        refuse(ctx, failure);
                    } else {
                        ctx.json(json);
                    }
                });
        }));
        router.post("/api/v1/agent/extension").handler(ctx -> agent(ctx).ifPresent(s -> {
            JsonObject body = AgentRoutes.bodyOf(ctx, true);
            if (body == null || !forThemselves(ctx, s, body)) {
                return;
            }
            String extension;
            try {
                extension = extension(body.getValue("extension"), acd);
            } catch (DeskRefusal r) {
                refuse(ctx, r);
                return;
            }
            if (extension == null) {
                ApiError.send(ctx, 400, "extension", "required: the desk extension you sit at");
                return;
            }
            reply(ctx, acd.desk().login(s.user().id(), extension), extension);
        }));
        router.post("/api/v1/agent/dial").handler(this::dial);
    }

    private void dial(RoutingContext ctx) {
        Optional<Session> session = agent(ctx);
        if (session.isEmpty()) {
            return;
        }
        JsonObject body = AgentRoutes.bodyOf(ctx, true);
        if (body == null || !forThemselves(ctx, session.get(), body)) {
            return;
        }
        CustomerRoutes.Backend backend = customers.get();
        if (backend == null) {
            ApiError.send(ctx, 503, "$", "no customer store on this node");
            return;
        }
        CustomerNumbers.resolve(vertx, backend, body.getValue("customerId"), body.getValue("number"))
            .thenCompose(target -> acd.desk().dial(session.get().user().id(), target.e164(), target.customerId())
                .thenApply(st -> json(st).put("number", target.e164()).put("customerId", target.customerId())))
            .whenComplete((json, failure) -> {
                if (failure != null) {
                    refuse(ctx, failure);
                } else {
                    ctx.response().setStatusCode(202);
                    ctx.json(json);
                }
            });
    }

    /** The signed-in agent, or 401/403 sent. */
    private Optional<Session> agent(RoutingContext ctx) {
        Optional<Session> s = auth.sessionOf(ctx, false);
        if (s.isPresent() && s.get().user().role() != Role.AGENT) {
            ApiError.send(ctx, 403, "Authorization", "agents only: this is the agent's own desk");
            return Optional.empty();
        }
        return s;
    }

    /** A body may name the agent (CRM integrations do), but only the signed-in one; else 403 sent. */
    static boolean forThemselves(RoutingContext ctx, Session s, JsonObject body) {
        Object agent = body.getValue("agent");
        if (agent != null && !s.user().id().equals(agent)) {
            ApiError.send(ctx, 403, "agent", "an agent acts for themselves only, not for agent " + clip(String.valueOf(agent)));
            return false;
        }
        return true;
    }

    /** The extension in a body (null when absent), checked against the centre's desk extensions. */
    static String extension(Object value, AcdService acd) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "extension", "must be a string, the desk extension you sit at");
        }
        return acd.desk().settings().extensions().check(s);
    }

    private static void reply(RoutingContext ctx, CompletionStage<AgentStatus> result, String extension) {
        result.whenComplete((st, failure) -> {
            if (failure != null) {
                refuse(ctx, failure);
            } else {
                ctx.json(json(st).put("extension", extension));
            }
        });
    }

    static JsonObject json(AgentStatus st) {
        return new JsonObject().put("agentId", st.agentId()).put("state", st.state().name()).put("reason", st.reason())
            .put("since", st.since().toString()).put("callId", st.callId());
    }

    /** A refusal with its status and field; anything else the desk did not expect is a 500 without details. */
    static void refuse(RoutingContext ctx, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof DeskRefusal r) {
            ApiError.send(ctx, r.kind().status(), r.field(), r.getMessage());
        } else if (cause instanceof IllegalStateException) {
            ApiError.send(ctx, 409, "state", cause.getMessage());
        } else {
            ApiError.send(ctx, 500, "$", "the desk could not do that now");
        }
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
