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
 * What the hello frame tells an agent about their desk: the extension they are at (null: their own phone) and the one
 * they were at last time, so the page can offer it again.
 */
final class DeskHello {
    String extension;
    String lastExtension;
    /** The agent's state, read beside it by the hub. */
    Optional<AgentStatus> status = Optional.empty();

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

    DeskHello with(Optional<AgentStatus> agentStatus) {
        this.status = agentStatus;
        return this;
    }

    void addTo(JsonObject hello) {
        if (extension != null || lastExtension != null) {
            hello.put("extension", extension).put("lastExtension", lastExtension);
        }
    }
}
