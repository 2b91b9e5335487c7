package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.opencti.desktop.auth.Session;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.lead.ImportResult;
import org.opencti.dialer.lead.LeadFileException;
import org.opencti.dialer.lead.LeadImporter;
import org.opencti.dialer.lead.Rejection;

/**
 * {@code POST /api/v1/campaigns/{id}/lists?name=...}: a CSV lead file (text/csv body) becomes a new list of the campaign;
 * the answer is {@code {listId, accepted, rejected: [{line, field, reason}]}}. Supervisors and admins only. Mounted ahead
 * of the server's 16 KB body handler: this route reads its own body, up to {@link #MAX_BODY_BYTES}, and runs the import
 * (JDBC) on a worker.
 */
final class CampaignRoutes {
    static final String PATH = "/api/v1/campaigns/:id/lists";
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final int MAX_NAME = 100;

    /** What the route needs from the dialer: where campaigns are, and the importer. */
    record LeadImports(CampaignStore campaigns, LeadImporter importer) {
    }

    private final Vertx vertx;
    private final AgentRoutes auth;
    private volatile LeadImports imports;

    CampaignRoutes(Vertx vertx, AgentRoutes auth) {
        this.vertx = vertx;
        this.auth = auth;
    }

    void set(LeadImports leadImports) {
        this.imports = leadImports;
    }

    void mount(Router router) {
        router.post(PATH).handler(this::importList);
    }

    private void importList(RoutingContext ctx) {
        // everything up to setting the body handlers below is synchronous, so no chunk can arrive before them
        HttpServerRequest request = ctx.request();
        Optional<Session> session = auth.sessionOf(ctx, true);
        if (session.isEmpty()) {
            return;
        }
        LeadImports using = imports;
        if (using == null) {
            ApiError.send(ctx, 503, "$", "campaigns are not set up on this node");
            return;
        }
        long campaignId;
        try {
            campaignId = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            campaignId = -1;
        }
        if (campaignId <= 0) {
            ApiError.send(ctx, 400, "id", "campaign id must be a positive number, not \"" + ctx.pathParam("id") + "\"");
            return;
        }
        String type = request.getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            ApiError.send(ctx, 415, "Content-Type", "the body must be text/csv, not " + type);
            return;
        }
        String name = request.getParam("name");
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            ApiError.send(ctx, 400, "name", "list name must be 1-" + MAX_NAME + " characters");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY_BYTES) {
            ApiError.send(ctx, 413, "body", "a lead file may have at most " + MAX_BODY_BYTES + " bytes; split it");
            return;
        }
        String listName = name != null ? name : "import by " + session.get().user().id() + " at " + java.time.Instant.now();
        long campaign = campaignId;
        Buffer body = Buffer.buffer();
        boolean[] tooBig = {false};
        request.handler(chunk -> {
            if (tooBig[0]) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                tooBig[0] = true;
                ApiError.send(ctx, 413, "body", "a lead file may have at most " + MAX_BODY_BYTES + " bytes; split it");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!tooBig[0]) {
                run(ctx, using, campaign, listName, body.getBytes());
            }
        });
    }

    private void run(RoutingContext ctx, LeadImports using, long campaignId, String listName, byte[] csv) {
        vertx.<ImportResult>executeBlocking(() -> {
            if (using.campaigns().find(campaignId).isEmpty()) {
                throw new NoSuchElementException("no campaign " + campaignId);
            }
            return using.importer().importCsv(campaignId, listName,
                new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(json(ar.result()).encode());
            } else if (ar.cause() instanceof NoSuchElementException e) {
                ApiError.send(ctx, 404, "id", e.getMessage());
            } else if (ar.cause() instanceof LeadFileException e) {
                ApiError.send(ctx, 400, "body", e.getMessage());
            } else if (ar.cause() instanceof IllegalArgumentException e) {
                ApiError.send(ctx, 400, "$", e.getMessage());
            } else {
                ApiError.send(ctx, 500, "$", "the lead file could not be stored: " + ar.cause().getMessage());
            }
        });
    }

    static JsonObject json(ImportResult result) {
        JsonArray rejected = new JsonArray();
        for (Rejection r : result.rejected()) {
            rejected.add(new JsonObject().put("line", r.line()).put("field", r.field()).put("reason", r.reason()));
        }
        return new JsonObject().put("listId", result.listId()).put("accepted", result.accepted()).put("rejected", rejected);
    }
}
