package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.opencti.core.customer.InvalidFieldsException;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.auth.User;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.compliance.NationalRegisterImporter;
import org.opencti.dialer.lead.LeadFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the campaign, do-not-call and compliance routes share: who is calling (401, 403), the campaign API being set up
 * on this node (503), the path's campaign id (400), work on a worker, and one mapping of failures to answers: 400 bad
 * fields (every one under {@code errors}), 403 not theirs, 404 unknown, 409 refused as things stand, 500 logged.
 */
final class CampaignCalls {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignCalls.class);
    private static final Pattern ID = Pattern.compile("^[1-9][0-9]{0,17}$");

    /** A request refused with this status, naming the field at fault: 403 not the caller's, 409 a conflict. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String field;

        Refused(int status, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
        }

        static Refused notYours(String field, String message) {
            return new Refused(403, field, message);
        }
    }

    /** A request that passed authentication, with the API and the path's campaign id (0 when the path has none). */
    record Call(Session session, CampaignApi api, long id) {
        User user() {
            return session.user();
        }

        /** The campaign, if this user oversees it; else NoSuchElementException or Refused (403). Blocks: on a worker. */
        Campaign overseen() {
            Campaign c = api.campaigns().find(id).orElseThrow(() -> new NoSuchElementException("no campaign " + id));
            if (!api.staff().oversees(user(), c.assignment())) {
                throw Refused.notYours("id", "campaign " + id + " is not yours to act on: its agents are not all in your team");
            }
            return c;
        }
    }

    private final Vertx vertx;
    private final AgentRoutes auth;
    private final Supplier<CampaignApi> api;

    CampaignCalls(Vertx vertx, AgentRoutes auth, Supplier<CampaignApi> api) {
        this.vertx = vertx;
        this.auth = auth;
        this.api = api;
    }

    /**
     * Authenticates (401), refuses agents unless {@code agents} (403), admits only admins when {@code adminOnly} (403),
     * needs the campaign API (503) and, with {@code withId}, a campaign id in the path (400).
     */
    Optional<Call> begin(RoutingContext ctx, boolean agents, boolean adminOnly, boolean withId) {
        Optional<Session> session = auth.sessionOf(ctx, !agents);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (adminOnly && session.get().user().role() != Role.ADMIN) {
            ApiError.send(ctx, 403, "Authorization", "administrators only");
            return Optional.empty();
        }
        CampaignApi using = api.get();
        if (using == null) {
            ApiError.send(ctx, 503, "$", "campaigns are not set up on this node");
            return Optional.empty();
        }
        long id = 0;
        if (withId) {
            String raw = ctx.pathParam("id");
            if (raw == null || !ID.matcher(raw).matches()) {
                ApiError.send(ctx, 400, "id", "a campaign id is a positive whole number, not \"" + raw + "\"");
                return Optional.empty();
            }
            id = Long.parseLong(raw);
        }
        return Optional.of(new Call(session.get(), using, id));
    }

    <T> void run(RoutingContext ctx, Callable<T> work, Function<T, JsonObject> answer, int status) {
        vertx.<T>executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                fail(ctx, ar.cause());
                return;
            }
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer.apply(ar.result()).encode());
        });
    }

    static void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof InvalidFieldsException e) {
            String first = e.errors().keySet().iterator().next();
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("error", e.getMessage()).put("field", first).put("errors", new JsonObject(Map.copyOf(e.errors()))).encode());
        } else if (failure instanceof Refused e) {
            ApiError.send(ctx, e.status, e.field, e.getMessage());
        } else if (failure instanceof CampaignRoutes.DialerFailed e) {
            LOG.warn("campaign API: {}", e.getMessage(), e.getCause());
            ApiError.send(ctx, 500, "$", e.getMessage());
        } else if (failure instanceof LeadFileException || failure instanceof NationalRegisterImporter.RegisterFileException) {
            ApiError.send(ctx, 400, "body", failure.getMessage());
        } else if (failure instanceof NoSuchElementException e) {
            ApiError.send(ctx, 404, "id", e.getMessage());
        } else if (failure instanceof IllegalStateException e) {
            ApiError.send(ctx, 409, "state", e.getMessage());
        } else if (failure instanceof IllegalArgumentException e) {
            ApiError.send(ctx, 400, "$", e.getMessage());
        } else {
            // the store's own failure (database down...): logged here, not handed to the client
            LOG.warn("campaign API: the store failed", failure);
            ApiError.send(ctx, 500, "$", "the campaign store failed; try again");
        }
    }

    /** The body as a JSON object, or null with the 400 sent. */
    static JsonObject body(RoutingContext ctx) {
        String text = ctx.body().asString();
        try {
            JsonObject body = text == null || text.isBlank() ? null : new JsonObject(text);
            if (body != null) {
                return body;
            }
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        ApiError.send(ctx, 400, "$", "the body must be a JSON object");
        return null;
    }

    /** Refuses, by name, any query parameter outside {@code allowed}; false when refused. */
    static boolean onlyParams(RoutingContext ctx, Set<String> allowed) {
        for (String name : ctx.queryParams().names()) {
            if (!allowed.contains(name)) {
                ApiError.send(ctx, 400, name, "unknown query parameter; expected " + String.join(", ", new java.util.TreeSet<>(allowed)));
                return false;
            }
        }
        return true;
    }
}
