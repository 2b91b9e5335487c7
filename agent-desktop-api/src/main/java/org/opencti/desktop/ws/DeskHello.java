package org.opencti.desktop.ws;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.acd.AcdService;
import org.opencti.core.agent.AgentStatus;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.User;

/**
 * What the hello frame tells an agent about their desk: their state, the extension they are at (null: their own phone)
 * and the one they were at last time, so the page can offer it again. Read from this node's ACD, or on a standby from the
 * floor holder's answers ({@link #fromHolder}).
 */
final class DeskHello {
    String extension;
    String lastExtension;
    /** {@code state}, {@code reason}, {@code callId} as the hello carries them; null when the state is unknown. */
    JsonObject state;

    private DeskHello() {
    }

    /** Never fails: without the desk's answer the hello goes out without these fields. */
    static CompletionStage<DeskHello> of(AcdService acd, User user) {
        DeskHello hello = new DeskHello();
        if (user.role() != Role.AGENT) {
            return CompletableFuture.completedFuture(hello);
        }
        return acd.desk().extension(user.id()).thenCombine(acd.desk().lastExtension(user.id()), (now, last) -> {
            hello.extension = now.orElse(null);
            hello.lastExtension = last.orElse(null);
            return hello;
        }).exceptionally(failure -> hello);
    }

    /** From the holder's {@code GET /api/v1/agent/state} and {@code GET /api/v1/agent/extension} (null: not answered). */
    static DeskHello fromHolder(JsonObject state, JsonObject desk) {
        DeskHello hello = new DeskHello();
        if (state != null && state.getValue("state") instanceof String s) {
            hello.state = new JsonObject().put("state", s).put("reason", state.getValue("reason"))
                .put("callId", state.getValue("callId"));
        }
        if (desk != null) {
            hello.extension = desk.getValue("extension") instanceof String e ? e : null;
            hello.lastExtension = desk.getValue("lastExtension") instanceof String e ? e : null;
        }
        return hello;
    }

    static DeskHello empty() {
        return new DeskHello();
    }

    DeskHello with(Optional<AgentStatus> agentStatus) {
        agentStatus.ifPresent(st -> state = new JsonObject().put("state", st.state().name()).put("reason", st.reason())
            .put("callId", st.callId()));
        return this;
    }

    void addTo(JsonObject hello) {
        if (state != null) {
            hello.mergeIn(state);
        }
        if (extension != null || lastExtension != null) {
            hello.put("extension", extension).put("lastExtension", lastExtension);
        }
    }
}
