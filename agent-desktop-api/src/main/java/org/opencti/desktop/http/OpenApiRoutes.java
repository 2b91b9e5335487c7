package org.opencti.desktop.http;

import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document of this API at {@code GET /api/v1/openapi.json}, for any signed-in user. */
final class OpenApiRoutes {
    static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "openapi/cti-api.json";

    private final AgentRoutes auth;
    private final String document;

    OpenApiRoutes(AgentRoutes auth) {
        this.auth = auth;
        this.document = document();
    }

    void mount(Router router) {
        router.get(PATH).handler(ctx -> {
            if (auth.sessionOf(ctx, false).isEmpty()) {
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(document);
        });
    }

    /** The document as shipped in the jar. */
    static String document() {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
