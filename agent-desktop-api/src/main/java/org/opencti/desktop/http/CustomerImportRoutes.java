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
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencti.core.customer.Actor;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/customers/import}: customers from a CRM in bulk, {@code text/csv} or JSON lines
 * ({@code application/x-ndjson}, {@code application/jsonl}), at most {@link #MAX_BODY_BYTES} and
 * {@link CustomerImport#MAX_ROWS} rows; see {@link CustomerImport}. Admins only. The answer (200) counts the rows created,
 * invalid and duplicate and gives each row's outcome; every customer created is audited with the admin and the time.
 * Mounted ahead of the server's 16 KB body handler: it reads its own body, and imports on a worker.
 */
final class CustomerImportRoutes {
    static final String PATH = "/api/v1/customers/import";
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CustomerImportRoutes.class);
    private static final List<String> JSON_LINES = List.of("application/x-ndjson", "application/jsonl", "application/jsonlines");

    private final Vertx vertx;
    private final AgentRoutes auth;
    private final Supplier<CustomerRoutes.Backend> backend;

    CustomerImportRoutes(Vertx vertx, AgentRoutes auth, Supplier<CustomerRoutes.Backend> backend) {
        this.vertx = vertx;
        this.auth = auth;
        this.backend = backend;
    }

    void mount(Router router) {
        router.post(PATH).handler(this::importCustomers);
    }

    private void importCustomers(RoutingContext ctx) {
        // everything up to setting the body handlers below is synchronous, so no chunk can arrive before them
        HttpServerRequest request = ctx.request();
        Optional<Session> session = auth.sessionOf(ctx, true);
        if (session.isEmpty()) {
            return;
        }
        if (session.get().user().role() != Role.ADMIN) {
            ApiError.send(ctx, 403, "Authorization", "administrators only");
            return;
        }
        CustomerRoutes.Backend using = backend.get();
        if (using == null) {
            ApiError.send(ctx, 503, "$", "no customer store on this node");
            return;
        }
        String type = request.getHeader("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean csv = mediaType.equals("text/csv");
        if (!csv && !JSON_LINES.contains(mediaType)) {
            ApiError.send(ctx, 415, "Content-Type", "the body must be text/csv or JSON lines (application/x-ndjson), not " + type);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY_BYTES) {
            ApiError.send(ctx, 413, "body", "an import may have at most " + MAX_BODY_BYTES + " bytes; split it");
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] tooBig = {false};
        request.handler(chunk -> {
            if (tooBig[0]) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                tooBig[0] = true;
                ApiError.send(ctx, 413, "body", "an import may have at most " + MAX_BODY_BYTES + " bytes; split it");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!tooBig[0]) {
                run(ctx, using, session.get(), csv, body.getBytes());
            }
        });
    }

    private void run(RoutingContext ctx, CustomerRoutes.Backend using, Session session, boolean csv, byte[] bytes) {
        Actor actor = new Actor(session.user().id(), using.clock().instant());
        vertx.<List<CustomerImport.Outcome>>executeBlocking(() -> {
            Reader in = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            List<CustomerImport.Row> rows = csv ? CustomerImport.csv(in) : CustomerImport.jsonLines(in);
            return CustomerImport.run(rows, using.records(), using.numbers(), actor);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                JsonObject answer = json(ar.result());
                LOG.info("customer import by {}: {} rows, {} created, {} invalid, {} duplicate", actor.userId(),
                    ar.result().size(), answer.getInteger("created"), answer.getInteger("invalid"), answer.getInteger("duplicates"));
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(answer.encode());
            } else if (ar.cause() instanceof CustomerImport.FileRefused e) {
                ApiError.send(ctx, e.getMessage().startsWith("at most") ? 413 : 400, e.field, e.getMessage());
            } else {
                // the store's own failure (database down...): logged here, not handed to the client; rows before it are stored
                LOG.warn("customer import by {} failed", actor.userId(), ar.cause());
                ApiError.send(ctx, 500, "$", "the customer store failed during the import; rows already created stay created");
            }
        });
    }

    static JsonObject json(List<CustomerImport.Outcome> outcomes) {
        JsonArray rows = new JsonArray();
        int created = 0;
        int invalid = 0;
        int duplicates = 0;
        for (CustomerImport.Outcome o : outcomes) {
            rows.add(o.json());
            switch (o.status()) {
                case "created" -> created++;
                case "invalid" -> invalid++;
                default -> duplicates++;
            }
        }
        return new JsonObject().put("rows", outcomes.size()).put("created", created).put("invalid", invalid)
            .put("duplicates", duplicates).put("results", rows);
    }
}
