package org.opencti.desktop.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.opencti.acd.AcdService;
import org.opencti.acd.TransferRequest;

/**
 * Transfers and conference by the agent on the call, always on their own call: the agent is the one the token names.
 * {@code POST /api/v1/agent/transfer {"kind": "blind"|"attended", "queue"|"agent"|"number": "...", "note": "..."}},
 * then, for an attended transfer, {@code /transfer/complete} or {@code /transfer/cancel}; {@code /conference} joins
 * the consulted party with the caller and the agent.
 */
final class TransferRoutes {
    static final int MAX_NOTE = 200;
    private static final List<String> TARGETS = List.of("queue", "agent", "number");

    private final AgentRoutes agents;
    private final AcdService acd;

    TransferRoutes(AgentRoutes agents, AcdService acd) {
        this.agents = agents;
        this.acd = acd;
    }

    void mount(Router router) {
        router.post("/api/v1/agent/transfer").handler(ctx -> agents.asAgent(ctx).ifPresent(s -> {
            TransferRequest request = parse(ctx);
            if (request != null) {
                AgentRoutes.reply(ctx, acd.transfer(s.user().id(), request));
            }
        }));
        router.post("/api/v1/agent/transfer/complete").handler(ctx -> agents.asAgent(ctx).ifPresent(s ->
            AgentRoutes.reply(ctx, acd.completeTransfer(s.user().id()))));
        router.post("/api/v1/agent/transfer/cancel").handler(ctx -> agents.asAgent(ctx).ifPresent(s ->
            AgentRoutes.reply(ctx, acd.cancelTransfer(s.user().id()))));
        router.post("/api/v1/agent/conference").handler(ctx -> agents.asAgent(ctx).ifPresent(s ->
            AgentRoutes.reply(ctx, acd.conference(s.user().id()))));
    }

    /** The request, or null with a 400 naming the field already sent. */
    private static TransferRequest parse(RoutingContext ctx) {
        JsonObject body = AgentRoutes.bodyOf(ctx, true);
        if (body == null) {
            return null;
        }
        Object kind = body.getValue("kind");
        if (!(kind instanceof String k) || !(k.equals("blind") || k.equals("attended"))) {
            ApiError.send(ctx, 400, "kind", "required: \"blind\" or \"attended\"");
            return null;
        }
        String field = null;
        for (String name : TARGETS) {
            if (body.containsKey(name)) {
                if (field != null) {
                    ApiError.send(ctx, 400, name, "give only one of queue, agent and number (also given: " + field + ")");
                    return null;
                }
                field = name;
            }
        }
        if (field == null) {
            ApiError.send(ctx, 400, "queue", "one of queue, agent or number is required");
            return null;
        }
        Object value = body.getValue(field);
        if (!(value instanceof String v) || v.isBlank() || v.length() > 64 || !v.matches("[A-Za-z0-9+_.-]+")) {
            ApiError.send(ctx, 400, field, "must be a name or number of 1 to 64 letters, digits, +, _, . or -");
            return null;
        }
        Object note = body.getValue("note");
        if (note != null && !(note instanceof String n && n.length() <= MAX_NOTE && n.chars().noneMatch(Character::isISOControl))) {
            // The note becomes a channel variable: no line breaks or other control characters may reach the AMI.
            ApiError.send(ctx, 400, "note", "must be a string of at most " + MAX_NOTE + " characters without control characters");
            return null;
        }
        for (String name : body.fieldNames()) {
            if (!name.equals("kind") && !name.equals("note") && !TARGETS.contains(name)) {
                ApiError.send(ctx, 400, name, "unknown field");
                return null;
            }
        }
        TransferRequest.Target.Type type = TransferRequest.Target.Type.valueOf(field.toUpperCase(Locale.ROOT));
        return new TransferRequest(TransferRequest.Kind.valueOf(k.toUpperCase(Locale.ROOT)), new TransferRequest.Target(type, v),
            (String) note);
    }
}
