package org.opencti.desktop.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.campaign.CampaignBoard;
import org.opencti.desktop.campaign.CampaignDesk;
import org.opencti.desktop.ws.CampaignFiguresJson;

/**
 * What an agent does with a running campaign's calls, and the figures supervisors watch. The preview and disposition
 * routes are for agents only, each acting for themself: the agent is the token's, never the body's, and the desk refuses
 * a lead or attempt that is not theirs. Supervisors and admins get 403 there: they do not work campaign calls. The
 * figures are for supervisors (the campaigns they oversee, see {@link CampaignSight}) and admins (all). Bad fields are
 * answered 400 together under {@code errors}; the desk's refusals map as its port says: 400 bad, 409 conflict, 404 unknown.
 */
final class CampaignDeskRoutes {
    static final String BASE = "/api/v1/agent/campaign";
    private static final int MAX_REASON = 200;
    private static final int MAX_CODE = 40;

    private final AgentRoutes auth;
    private final Supplier<CampaignDesk> desk;
    private final CampaignBoard board;

    CampaignDeskRoutes(AgentRoutes auth, Supplier<CampaignDesk> desk, CampaignBoard board) {
        this.auth = auth;
        this.desk = desk;
        this.board = board;
    }

    /** Mount before the campaign API's {@code /api/v1/campaigns/:id}, which would take "figures" for an id. */
    void mount(Router router) {
        router.post(BASE + "/preview/dial").handler(ctx -> asAgent(ctx, Set.of("campaignId", "leadId"), (s, b) -> {
            long campaignId = b.id("campaignId");
            long leadId = b.id("leadId");
            b.failIfBad();
            return desk.get().previewDial(s.user().id(), campaignId, leadId);
        }));
        router.post(BASE + "/preview/skip").handler(ctx -> asAgent(ctx, Set.of("campaignId", "leadId", "reason"), (s, b) -> {
            long campaignId = b.id("campaignId");
            long leadId = b.id("leadId");
            String reason = b.reason();
            b.failIfBad();
            return desk.get().previewSkip(s.user().id(), campaignId, leadId, reason);
        }));
        router.post(BASE + "/disposition").handler(ctx -> asAgent(ctx, Set.of("campaignId", "attemptId", "code", "value",
            "callback"), (s, b) -> {
                long campaignId = b.id("campaignId");
                long attemptId = b.id("attemptId");
                String code = b.code();
                BigDecimal value = b.value();
                Body.Callback callback = b.callback();
                b.failIfBad();
                return desk.get().dispose(s.user().id(), campaignId, attemptId, code, value,
                    callback == null ? null : callback.at(), callback != null && callback.toMe());
            }));
        router.get("/api/v1/campaigns/figures").handler(this::figures);
    }

    private void figures(RoutingContext ctx) {
        Optional<Session> session = auth.sessionOf(ctx, true);
        if (session.isEmpty() || !CampaignCalls.onlyParams(ctx, Set.of())) {
            return;
        }
        board.figures().whenComplete((seen, failure) -> {
            if (failure != null) {
                CampaignCalls.fail(ctx, unwrap(failure));
                return;
            }
            ctx.json(new JsonObject().put("campaigns",
                CampaignFiguresJson.list(CampaignBoard.visibleTo(seen, session.get().user()))));
        });
    }

    /** Agents only (401, 403), a JSON body read by {@code action} (400 naming every bad field), the desk's answer mapped. */
    private void asAgent(RoutingContext ctx, Set<String> fields, Action action) {
        Optional<Session> session = auth.sessionOf(ctx, false);
        if (session.isEmpty()) {
            return;
        }
        if (session.get().user().role() != Role.AGENT) {
            ApiError.send(ctx, 403, "Authorization", "only agents work campaign calls");
            return;
        }
        JsonObject json = CampaignCalls.body(ctx);
        if (json == null) {
            return;
        }
        CompletionStage<Void> done;
        try {
            Body body = new Body(json);
            body.only(json, "", fields);
            done = action.apply(session.get(), body);
        } catch (RuntimeException e) {
            // bad fields, or the desk refusing before it returns a stage: mapped like a failed stage
            CampaignCalls.fail(ctx, e);
            return;
        }
        done.whenComplete((v, failure) -> {
            if (failure != null) {
                CampaignCalls.fail(ctx, unwrap(failure));
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @FunctionalInterface
    private interface Action {
        CompletionStage<Void> apply(Session session, Body body);
    }

    /** One request's body, read field by field; every bad field is noted before {@link #failIfBad()} throws. */
    private static final class Body extends JsonFields {
        record Callback(Instant at, boolean toMe) { }

        private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");
        private final JsonObject json;

        Body(JsonObject json) {
            this.json = json;
        }

        long id(String key) {
            Object value = json.getValue(key);
            if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
                return ((Number) value).longValue();
            }
            bad(key, (value == null ? "required, " : "must be ") + "a positive whole number");
            return 0;
        }

        String reason() {
            String reason = text(json, "reason", "", true, MAX_REASON);
            return reason == null ? null : reason.strip();
        }

        String code() {
            return text(json, "code", "", true, MAX_CODE);
        }

        BigDecimal value() {
            return json.getValue("value") == null ? null : decimal(json, "value", "value", BigDecimal.ZERO, MAX_VALUE, null);
        }

        Callback callback() {
            Object raw = json.getValue("callback");
            if (raw == null) {
                return null;
            }
            JsonObject o = object(raw, "callback", false);
            if (o == null) {
                return null;
            }
            only(o, "callback", Set.of("at", "toMe"));
            Instant at = instant(o.getValue("at"));
            boolean toMe = bool(o, "toMe", "callback.toMe", false);
            return at == null ? null : new Callback(at, toMe);
        }

        private Instant instant(Object value) {
            if (!(value instanceof String s)) {
                return bad("callback.at", (value == null ? "required, " : "must be ") + "an ISO-8601 instant like 2026-03-05T14:30:00Z");
            }
            try {
                return Instant.parse(s.strip());
            } catch (DateTimeParseException e) {
                return bad("callback.at", "an ISO-8601 instant like 2026-03-05T14:30:00Z, not \"" + clip(s) + "\"");
            }
        }
    }
}
