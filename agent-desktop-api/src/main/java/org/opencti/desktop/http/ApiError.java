package org.opencti.desktop.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every REST error has the same shape: {@code {"error": "...", "field": "..."}}. */
final class ApiError {
    private ApiError() {
    }

    static void send(RoutingContext ctx, int status, String field, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("error", message).put("field", field).encode());
    }
}
