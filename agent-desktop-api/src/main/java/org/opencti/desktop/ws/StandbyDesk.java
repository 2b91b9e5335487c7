package org.opencti.desktop.ws;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletionStage;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.cluster.HolderCalls;

/**
 * An agent's socket on a node that does not hold the floor: its ACD starts nothing, so what acts on the ACD is done by the
 * holder through its REST equivalents, with the socket's token (the holder checks it like any request): ready
 * ({@code POST /api/v1/agent/ready}), not ready ({@code .../not-ready}), the desk extension ({@code .../extension}); the
 * hello's state and extension come from the holder's GETs. Refusals come back as error frames, as they would locally.
 */
final class StandbyDesk {
    private final HolderCalls holder;

    StandbyDesk(HolderCalls holder) {
        this.holder = holder;
    }

    /** The hello's desk part from the holder; never fails (without answers the hello goes without a state). */
    CompletionStage<DeskHello> hello(Session s) {
        if (s.user().role() != Role.AGENT) {
            return Future.succeededFuture(DeskHello.empty()).toCompletionStage();
        }
        Future<JsonObject> state = holder.call(HttpMethod.GET, "/api/v1/agent/state", s.token(), null)
            .map(a -> a.ok() ? a.json() : null);
        Future<JsonObject> desk = holder.call(HttpMethod.GET, "/api/v1/agent/extension", s.token(), null)
            .map(a -> a.ok() ? a.json() : null);
        return Future.all(state, desk).map(v -> DeskHello.fromHolder(state.result(), desk.result()))
            .otherwise(DeskHello.empty()).toCompletionStage();
    }

    /** Carries out an agent's ACD command on the holder; a refusal names the holder's field for an extension, else "type". */
    void act(ServerWebSocket ws, Session s, ClientFrame frame) {
        String uri;
        JsonObject body = null;
        boolean holdersField = false;
        switch (frame.type()) {
            case "ready" -> uri = "/api/v1/agent/ready";
            case "notReady" -> {
                uri = "/api/v1/agent/not-ready";
                body = new JsonObject().put("reason", frame.reason());
            }
            case "extension" -> {
                uri = "/api/v1/agent/extension";
                body = new JsonObject().put("extension", frame.extension());
                holdersField = true;
            }
            default -> throw new IllegalArgumentException("not an ACD command: " + frame.type());
        }
        boolean named = holdersField;
        holder.call(HttpMethod.POST, uri, s.token(), body).onSuccess(answer -> {
            if (!answer.ok() && !ws.isClosed()) {
                JsonObject error = answer.json();
                String field = named && error.getValue("field") instanceof String f ? f : "type";
                String message = error.getValue("error") instanceof String m ? m : "the floor holder answered " + answer.status();
                ws.writeTextMessage(new FrameError(field, message).toJson().encode());
            }
        });
    }
}
