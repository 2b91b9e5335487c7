package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.opencti.dialer.lead.ImportResult;
import org.opencti.dialer.lead.Rejection;

/**
 * {@code POST /api/v1/campaigns/{id}/lists?name=...}: a CSV lead file (text/csv body) becomes a new list of the campaign;
 * the answer is {@code {listId, accepted, rejected: [{line, field, reason}]}}. Admins, and supervisors for a campaign
 * they oversee ({@link CampaignStaff}). Mounted ahead of the server's 16 KB body handler: this route reads its own
 * body, up to {@link #MAX_BODY_BYTES}, and runs the import (JDBC) on a worker.
 */
final class LeadListRoutes {
    static final String PATH = "/api/v1/campaigns/:id/lists";
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final int MAX_NAME = 100;

    private final CampaignCalls calls;

    LeadListRoutes(CampaignCalls calls) {
        this.calls = calls;
    }

    void mount(Router router) {
        router.post(PATH).handler(this::importList);
    }

    private void importList(RoutingContext ctx) {
        // everything up to setting the body handlers (CsvUpload.read) is synchronous, so no chunk can arrive before them
        Optional<CampaignCalls.Call> call = calls.begin(ctx, false, false, true);
        if (call.isEmpty()) {
            return;
        }
        String name = ctx.request().getParam("name");
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            ApiError.send(ctx, 400, "name", "list name must be 1-" + MAX_NAME + " characters");
            return;
        }
        String listName = name != null ? name : "import by " + call.get().user().id() + " at " + call.get().api().clock().instant();
        CsvUpload.read(ctx, MAX_BODY_BYTES, "a lead file", csv -> calls.run(ctx, () -> {
            call.get().overseen();
            return call.get().api().leadImporter().importCsv(call.get().id(), listName,
                new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        }, LeadListRoutes::json, 201));
    }

    static JsonObject json(ImportResult result) {
        return new JsonObject().put("listId", result.listId()).put("accepted", result.accepted())
            .put("rejected", rejections(result.rejected()));
    }

    static JsonArray rejections(java.util.List<Rejection> rejected) {
        JsonArray out = new JsonArray();
        for (Rejection r : rejected) {
            out.add(new JsonObject().put("line", r.line()).put("field", r.field()).put("reason", r.reason()));
        }
        return out;
    }
}
