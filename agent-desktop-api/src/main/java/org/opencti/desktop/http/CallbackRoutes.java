package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.opencti.acd.AcdService;
import org.opencti.acd.AgentDesk;
import org.opencti.acd.CallbackTime;
import org.opencti.acd.DeskRefusal;
import org.opencti.core.callback.ScheduledCallback;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.auth.User;

/**
 * Callbacks agents schedule. {@code GET /api/v1/callbacks}: an agent's own open ones ("my callbacks"), a supervisor's
 * team's, an admin's all. {@code POST /api/v1/callbacks} (agents, for themselves): {@code number} and/or
 * {@code customerId}, {@code dueAt} ({@code 2026-03-02T14:30} in {@code timeZone}, else the centre's zone; or with an
 * offset), {@code assignTo} {@code me} or {@code queue} (and {@code queue}), {@code note}. {@code PATCH
 * /api/v1/callbacks/{id}} moves one ({@code dueAt}, {@code timeZone}), {@code DELETE} cancels it: its owner, a
 * supervisor of the owner's team or an admin; anyone else 403. 400 names the field, 404 no open callback by that id,
 * 409 being made now or changed meanwhile.
 */
final class CallbackRoutes {
    private final Vertx vertx;
    private final AgentRoutes auth;
    private final AcdService acd;
    private final Supplier<CustomerRoutes.Backend> customers;

    CallbackRoutes(Vertx vertx, AgentRoutes auth, AcdService acd, Supplier<CustomerRoutes.Backend> customers) {
        this.vertx = vertx;
        this.auth = auth;
        this.acd = acd;
        this.customers = customers;
    }

    void mount(Router router) {
        router.get("/api/v1/callbacks").handler(this::list);
        router.post("/api/v1/callbacks").handler(this::schedule);
        router.patch("/api/v1/callbacks/:id").handler(ctx -> withCallback(ctx, (session, callback) -> {
            JsonObject body = AgentRoutes.bodyOf(ctx, true);
            if (body == null) {
                return;
            }
            try {
                CallbackTime due = CallbackTime.parse(text(body, "dueAt"), text(body, "timeZone"), acd.desk().settings().zone());
                reply(ctx, acd.desk().reschedule(callback.id(), due), 200);
            } catch (DeskRefusal r) {
                DeskRoutes.refuse(ctx, r);
            }
        }));
        router.delete("/api/v1/callbacks/:id").handler(ctx -> withCallback(ctx,
            (session, callback) -> reply(ctx, acd.desk().cancel(callback.id()), 200)));
    }

    private void list(RoutingContext ctx) {
        Optional<Session> session = auth.sessionOf(ctx, false);
        if (session.isEmpty()) {
            return;
        }
        User me = session.get().user();
        acd.desk().callbacks().whenComplete((all, failure) -> {
            if (failure != null) {
                DeskRoutes.refuse(ctx, failure);
                return;
            }
            JsonArray out = new JsonArray();
            all.stream().filter(o -> may(me, o)).forEach(o -> out.add(json(o.callback())));
            ctx.json(new JsonObject().put("callbacks", out));
        });
    }

    private void schedule(RoutingContext ctx) {
        Optional<Session> session = auth.sessionOf(ctx, false);
        if (session.isEmpty()) {
            return;
        }
        if (session.get().user().role() != Role.AGENT) {
            ApiError.send(ctx, 403, "Authorization", "agents schedule callbacks (their own); supervisors move or cancel them");
            return;
        }
        JsonObject body = AgentRoutes.bodyOf(ctx, true);
        if (body == null || !DeskRoutes.forThemselves(ctx, session.get(), body)) {
            return;
        }
        CustomerRoutes.Backend backend = customers.get();
        if (backend == null) {
            ApiError.send(ctx, 503, "$", "no customer store on this node");
            return;
        }
        ScheduledCallback.Assignee assignee;
        CallbackTime due;
        String queue;
        String note;
        try {
            assignee = assignee(body.getValue("assignTo"));
            due = CallbackTime.parse(text(body, "dueAt"), text(body, "timeZone"), acd.desk().settings().zone());
            queue = text(body, "queue");
            note = text(body, "note");
        } catch (DeskRefusal r) {
            DeskRoutes.refuse(ctx, r);
            return;
        }
        String me = session.get().user().id();
        CustomerNumbers.resolve(vertx, backend, body.getValue("customerId"), body.getValue("number"))
            .thenCompose(target -> acd.desk().schedule(me, new AgentDesk.CallbackRequest(assignee, queue, target.e164(),
                target.customerId(), due, note)))
            .whenComplete((c, failure) -> {
                if (failure != null) {
                    DeskRoutes.refuse(ctx, failure);
                } else {
                    ctx.response().setStatusCode(201);
                    ctx.json(json(c));
                }
            });
    }

    /** The open callback of the path's id, if this user may change it; else 401/403/404 sent. */
    private void withCallback(RoutingContext ctx, BiConsumer<Session, ScheduledCallback> action) {
        Optional<Session> session = auth.sessionOf(ctx, false);
        if (session.isEmpty()) {
            return;
        }
        String id = ctx.pathParam("id");
        acd.desk().callback(id).whenComplete((found, failure) -> {
            if (failure != null) {
                DeskRoutes.refuse(ctx, failure);
            } else if (found.isEmpty()) {
                ApiError.send(ctx, 404, "id", "no open callback \"" + DeskRoutes.clip(id) + "\"");
            } else if (!may(session.get().user(), found.get())) {
                ApiError.send(ctx, 403, "id", "callback " + DeskRoutes.clip(id) + " is agent " + found.get().callback().agentId()
                    + "'s: only they, a supervisor of their team or an admin may change it");
            } else {
                action.accept(session.get(), found.get().callback());
            }
        });
    }

    /** An agent their own; a supervisor their team's; an admin all. */
    private static boolean may(User user, AgentDesk.OwnedCallback c) {
        return user.role() == Role.AGENT ? user.id().equals(c.callback().agentId()) : user.oversees(c.ownerTeam());
    }

    private static ScheduledCallback.Assignee assignee(Object value) {
        if (value == null || "me".equals(value)) {
            return ScheduledCallback.Assignee.AGENT;
        }
        if ("queue".equals(value)) {
            return ScheduledCallback.Assignee.QUEUE;
        }
        throw new DeskRefusal(DeskRefusal.Kind.INVALID, "assignTo", "must be \"me\" (you make it) or \"queue\" (whoever the queue"
            + " routes it to)");
    }

    private static String text(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v != null && !(v instanceof String)) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, field, "must be a string");
        }
        return (String) v;
    }

    private static void reply(RoutingContext ctx, java.util.concurrent.CompletionStage<ScheduledCallback> result, int status) {
        result.whenComplete((c, failure) -> {
            if (failure != null) {
                DeskRoutes.refuse(ctx, failure);
            } else {
                ctx.response().setStatusCode(status);
                ctx.json(json(c));
            }
        });
    }

    static JsonObject json(ScheduledCallback c) {
        return new JsonObject().put("id", c.id()).put("agentId", c.agentId())
            .put("assignTo", c.assignee() == ScheduledCallback.Assignee.AGENT ? "me" : "queue").put("queue", c.queue())
            .put("number", c.number()).put("customerId", c.customerId()).put("dueAt", c.dueAt().toString())
            .put("localDueAt", LocalDateTime.ofInstant(c.dueAt(), ZoneId.of(c.timeZone())).toString()).put("timeZone", c.timeZone())
            .put("note", c.note()).put("status", c.status().name()).put("createdAt", c.createdAt().toString())
            .put("version", c.version());
    }
}
