package org.opencti.desktop.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.opencti.desktop.cluster.FloorAccess;
import org.opencti.desktop.cluster.HolderCalls;

/**
 * On a node that does not hold the floor, every {@code /api/v1/...} request goes to the holder and its answer comes back
 * as it was (status, content type, body): the holder's ACD is the one that decides, and one place answers every request
 * the same way. Not forwarded: login and logout (tokens are valid on every node), the OpenAPI document and the events
 * socket. The token is checked here first (a request without a valid one costs the holder nothing) and again there.
 */
final class ForwardToHolder implements Handler<RoutingContext> {
    private static final Set<String> LOCAL = Set.of("/api/v1/login", "/api/v1/logout", "/api/v1/openapi.json", "/api/v1/events");

    private final FloorAccess floor;
    private final HolderCalls holder;
    private final AgentRoutes auth;

    ForwardToHolder(FloorAccess floor, HolderCalls holder, AgentRoutes auth) {
        this.floor = floor;
        this.holder = holder;
        this.auth = auth;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (floor.holdsFloor() || LOCAL.contains(ctx.request().path())) {
            ctx.next();
            return;
        }
        if (auth.sessionOf(ctx, false).isEmpty()) {
            return;
        }
        if (ctx.request().getHeader(HolderCalls.FORWARDED) != null) {
            // forwarded to us, who do not hold the floor either: the floor is moving; passing it on could loop
            ApiError.send(ctx, 503, "floor", "the floor is changing hands; try again in a few seconds");
            return;
        }
        holder.forward(ctx.request()).onSuccess(answer -> AgentRoutes.send(ctx, answer));
    }
}
