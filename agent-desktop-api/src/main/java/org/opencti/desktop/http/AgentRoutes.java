package org.opencti.desktop.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import org.opencti.acd.AcdService;
import org.opencti.acd.DeskRefusal;
import org.opencti.acd.TransferRequest;
import org.opencti.core.agent.AgentStatus;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.cluster.FloorAccess;
import org.opencti.desktop.cluster.HolderCalls;

/** Sign-in and the agent's own state. Every route but login needs a bearer token. */
final class AgentRoutes {
    private final Vertx vertx;
    private final AuthService auth;
    private final AcdService acd;
    private FloorAccess floor = FloorAccess.ALONE;
    private HolderCalls holder;

    AgentRoutes(Vertx vertx, AuthService auth, AcdService acd) {
        this.vertx = vertx;
        this.auth = auth;
        this.acd = acd;
    }

    /** On a node that may not hold the floor, a login's desk step goes to the holder. Before the routes serve. */
    void joinCluster(FloorAccess floorAccess, HolderCalls holderCalls) {
        this.floor = floorAccess;
        this.holder = holderCalls;
    }

    void mount(Router router) {
        router.post("/api/v1/login").handler(this::login);
        router.post("/api/v1/logout").handler(ctx -> sessionOf(ctx, false).ifPresent(s -> {
            auth.logout(s.token());
            ctx.response().setStatusCode(204).end();
        }));
        router.post("/api/v1/agent/login").handler(this::deskLogin);
        router.get("/api/v1/agent/state").handler(ctx -> asAgent(ctx).ifPresent(s -> reply(ctx, acd.status(s.user().id())
            .thenApply(st -> st.orElseThrow()))));
        router.post("/api/v1/agent/ready").handler(ctx -> asAgent(ctx).ifPresent(s -> reply(ctx, acd.ready(s.user().id()))));
        router.post("/api/v1/agent/not-ready").handler(ctx -> asAgent(ctx).ifPresent(s -> {
            JsonObject body = bodyOf(ctx, false);
            if (body == null) {
                return;
            }
            Object reason = body.getValue("reason");
            if (reason != null && !(reason instanceof String r && r.length() <= 100)) {
                ApiError.send(ctx, 400, "reason", "must be a string of at most 100 characters");
                return;
            }
            reply(ctx, acd.notReady(s.user().id(), (String) reason));
        }));
        router.post("/api/v1/agent/wrap-up/extend").handler(ctx -> asAgent(ctx).ifPresent(s -> {
            JsonObject body = bodyOf(ctx, true);
            if (body == null) {
                return;
            }
            Object seconds = body.getValue("seconds");
            if (!(seconds instanceof Integer n) || n < 1 || n > 3600) {
                ApiError.send(ctx, 400, "seconds", "must be a whole number of seconds, 1 to 3600");
                return;
            }
            reply(ctx, acd.extendWrapUp(s.user().id(), Duration.ofSeconds(n)));
        }));
        router.post("/api/v1/agent/hold").handler(ctx -> asAgent(ctx).ifPresent(s -> reply(ctx, acd.hold(s.user().id()))));
        router.post("/api/v1/agent/resume").handler(ctx -> asAgent(ctx).ifPresent(s -> reply(ctx, acd.resume(s.user().id()))));
        router.post("/api/v1/agent/wrap-up/finish").handler(ctx -> asAgent(ctx).ifPresent(s -> reply(ctx,
            acd.finishWrapUp(s.user().id()))));
    }

    private void login(RoutingContext ctx) {
        JsonObject body = bodyOf(ctx, true);
        if (body == null) {
            return;
        }
        Object user = body.getValue("user");
        Object password = body.getValue("password");
        if (!(user instanceof String u) || u.isBlank()) {
            ApiError.send(ctx, 400, "user", "required, a string");
            return;
        }
        if (!(password instanceof String p) || p.isEmpty()) {
            ApiError.send(ctx, 400, "password", "required, a string");
            return;
        }
        String extension; // the desk phone the agent sits at (optional): checked before the password costs anything
        try {
            extension = DeskRoutes.extension(body.getValue("extension"), acd);
        } catch (DeskRefusal r) {
            ApiError.send(ctx, r.kind().status(), r.field(), r.getMessage());
            return;
        }
        // bcrypt is slow on purpose: never on the event loop.
        vertx.<Session>executeBlocking(() -> auth.login(u, p), false).onComplete(ar -> {
            if (ar.failed()) {
                boolean limited = ar.cause() instanceof AuthService.LoginRefused r && r.rateLimited();
                ApiError.send(ctx, limited ? 429 : 401, "password", ar.cause().getMessage());
                return;
            }
            Session s = ar.result();
            JsonObject answer = new JsonObject().put("token", s.token()).put("expiresAt", s.expiresAt().toString())
                .put("user", new JsonObject().put("id", s.user().id()).put("name", s.user().name())
                    .put("role", s.user().role().name()).put("team", s.user().team()));
            if (s.user().role() != Role.AGENT) {
                ctx.json(answer);
                return;
            }
            atTheDesk(s, extension).onComplete(refused -> {
                if (refused.result() != null) { // e.g. another agent is at that extension: no session either
                    auth.logout(s.token());
                    send(ctx, refused.result());
                    return;
                }
                answer.getJsonObject("user").put("extension", extension);
                ctx.json(answer);
            });
        });
    }

    /**
     * Signs the agent in to the ACD at their phone or {@code extension}: here when this node holds the floor, else on the
     * holder ({@code POST /api/v1/agent/login} with the new token). Completes with the refusal to pass on, or null.
     */
    private Future<HolderCalls.Answer> atTheDesk(Session s, String extension) {
        if (!floor.holdsFloor()) {
            return holder.call(HttpMethod.POST, "/api/v1/agent/login", s.token(), new JsonObject().put("extension", extension))
                .map(a -> a.ok() ? null : a);
        }
        Promise<HolderCalls.Answer> done = Promise.promise();
        acd.desk().login(s.user().id(), extension).whenComplete((st, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            done.complete(cause instanceof DeskRefusal r ? new HolderCalls.Answer(r.kind().status(), MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json"), new JsonObject().put("error", r.getMessage()).put("field", r.field())
                .toBuffer()) : null);
        });
        return done.future();
    }

    /** The token's agent signs in to the ACD (what a login does after the password); how a standby's login reaches the floor. */
    private void deskLogin(RoutingContext ctx) {
        asAgent(ctx).ifPresent(s -> {
            JsonObject body = bodyOf(ctx, false);
            if (body == null) {
                return;
            }
            for (String field : body.fieldNames()) {
                if (!field.equals("extension")) {
                    ApiError.send(ctx, 400, DeskRoutes.clip(field), "unknown field; only extension may be given");
                    return;
                }
            }
            String extension;
            try {
                extension = DeskRoutes.extension(body.getValue("extension"), acd);
            } catch (DeskRefusal r) {
                ApiError.send(ctx, r.kind().status(), r.field(), r.getMessage());
                return;
            }
            acd.desk().login(s.user().id(), extension).whenComplete((st, failure) -> {
                if (failure != null) {
                    DeskRoutes.refuse(ctx, failure);
                } else {
                    ctx.json(DeskRoutes.json(st).put("extension", extension));
                }
            });
        });
    }

    /** The holder's answer (or a refusal standing for it) as this request's answer. */
    static void send(RoutingContext ctx, HolderCalls.Answer a) {
        ctx.response().setStatusCode(a.status());
        HolderCalls.ANSWER_HEADERS.forEach(h -> {
            String v = a.headers().get(h);
            if (v != null) {
                ctx.response().putHeader(h, v);
            }
        });
        ctx.response().end(a.body());
    }

    static JsonObject bodyOf(RoutingContext ctx, boolean required) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            if (required) {
                ApiError.send(ctx, 400, "$", "a JSON object body is required");
                return null;
            }
            return new JsonObject();
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            ApiError.send(ctx, 400, "$", "body is not a JSON object");
            return null;
        }
    }

    /** The caller's session, or a 401/403 already sent. */
    Optional<Session> sessionOf(RoutingContext ctx, boolean privileged) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        Optional<Session> session = auth.authenticate(token);
        if (session.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ApiError.send(ctx, 401, "Authorization", token == null ? "a bearer token is required" : "unknown or expired token");
            return Optional.empty();
        }
        if (privileged && session.get().user().role() == Role.AGENT) {
            ApiError.send(ctx, 403, "Authorization", "supervisors and admins only");
            return Optional.empty();
        }
        return session;
    }

    Optional<Session> asAgent(RoutingContext ctx) {
        Optional<Session> s = sessionOf(ctx, false);
        if (s.isPresent() && s.get().user().role() != Role.AGENT) {
            ApiError.send(ctx, 403, "Authorization", "only agents have a state");
            return Optional.empty();
        }
        return s;
    }

    /** The agent's new state; a refusal is 409 when the state does not allow it, else 400 naming the field at fault. */
    static void reply(RoutingContext ctx, CompletionStage<AgentStatus> result) {
        result.whenComplete((st, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                String field = cause instanceof TransferRequest.BadField bad ? bad.field() : "state";
                ApiError.send(ctx, cause instanceof IllegalStateException ? 409 : 400, field, cause.getMessage());
                return;
            }
            ctx.json(new JsonObject().put("agentId", st.agentId()).put("state", st.state().name()).put("reason", st.reason())
                .put("since", st.since().toString()).put("callId", st.callId()));
        });
    }
}
