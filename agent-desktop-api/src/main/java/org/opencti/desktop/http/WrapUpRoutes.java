package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.opencti.acd.AcdService;
import org.opencti.acd.WrapUpEntry;
import org.opencti.acd.WrapUpForm;

/**
 * The agent's wrap-up form: {@code GET /api/v1/agent/wrap-up} (their last call, its queue's disposition codes, what was
 * entered), {@code POST /api/v1/agent/wrap-up} {@code {callId?, disposition?, notes?, finish?}} (written to that call's
 * history row; with {@code finish} the wrap-up ends). Agents only, for their own last call; the ACD checks the codes
 * against the queue's and the notes' length.
 */
final class WrapUpRoutes {
    static final String PATH = "/api/v1/agent/wrap-up";
    private static final Set<String> FIELDS = Set.of("callId", "disposition", "notes", "finish");
    /** Longer than any code, and long enough to see what was meant in the error. */
    private static final int MAX_CODE = 64;
    private static final int MAX_CALL_ID = 200;

    private final AgentRoutes auth;
    private final AcdService acd;

    WrapUpRoutes(AgentRoutes auth, AcdService acd) {
        this.auth = auth;
        this.acd = acd;
    }

    void mount(Router router) {
        router.get(PATH).handler(ctx -> auth.asAgent(ctx).ifPresent(s -> acd.wrapUpForm(s.user().id())
            .whenComplete((form, failure) -> {
                if (failure != null) {
                    ApiError.send(ctx, 500, "$", "the wrap-up form could not be read");
                } else if (form.isEmpty()) {
                    ApiError.send(ctx, 404, "callId", "no call to wrap up");
                } else {
                    ctx.json(json(form.get()));
                }
            })));
        router.post(PATH).handler(ctx -> auth.asAgent(ctx).ifPresent(s -> {
            JsonObject body = AgentRoutes.bodyOf(ctx, true);
            if (body == null) {
                return;
            }
            for (String name : body.fieldNames()) {
                if (!FIELDS.contains(name)) {
                    ApiError.send(ctx, 400, name, "unknown field; expected callId, disposition, notes, finish");
                    return;
                }
            }
            // notes are checked for length and characters by the ACD, which names the field; only the type is checked here
            if (!stringOrNull(ctx, body, "callId", MAX_CALL_ID) || !stringOrNull(ctx, body, "disposition", MAX_CODE)
                || !stringOrNull(ctx, body, "notes", Integer.MAX_VALUE)) {
                return;
            }
            Object finish = body.getValue("finish");
            if (finish != null && !(finish instanceof Boolean)) {
                ApiError.send(ctx, 400, "finish", "must be true or false");
                return;
            }
            WrapUpEntry entry = new WrapUpEntry(body.getString("callId"), body.getString("disposition"), body.getString("notes"),
                Boolean.TRUE.equals(finish));
            AgentRoutes.reply(ctx, acd.wrapUp(s.user().id(), entry));
        }));
    }

    /** True when the field is absent, null or a string of at most {@code max}; else false, with a 400 naming it sent. */
    private static boolean stringOrNull(RoutingContext ctx, JsonObject body, String name, int max) {
        Object value = body.getValue(name);
        if (value == null || value instanceof String s && s.length() <= max) {
            return true;
        }
        ApiError.send(ctx, 400, name, max == Integer.MAX_VALUE ? "must be a string"
            : "must be a string of at most " + max + " characters");
        return false;
    }

    static JsonObject json(WrapUpForm form) {
        JsonArray codes = new JsonArray();
        form.dispositions().forEach(d -> codes.add(new JsonObject().put("code", d.code()).put("label", d.label())));
        return new JsonObject().put("callId", form.callId()).put("queue", form.queue()).put("dispositions", codes)
            .put("wrappingUp", form.wrappingUp()).put("wrapUpEnds", form.wrapUpEnds() == null ? null : form.wrapUpEnds().toString())
            .put("disposition", form.disposition()).put("notes", form.notes());
    }
}
