package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.opencti.dialer.compliance.DialAttempt;
import org.opencti.dialer.compliance.LogPage;
import org.opencti.dialer.compliance.RefusalLog;
import org.opencti.dialer.compliance.RefusalReason;

/**
 * The evidence a compliance audit asks for, per campaign, for whoever oversees it: {@code GET
 * /api/v1/campaigns/{id}/attempts?from&to} (every dial placed, with its outcome and disposition) and {@code GET
 * /api/v1/campaigns/{id}/refusals?from&to&reason} (every dial the rules refused, counted by reason over the range).
 * Both in time order, {@code limit} per page (default 100, at most 1,000), the next page from the answer's {@code next}
 * given as {@code after}. {@code from} is inclusive, {@code to} exclusive, both ISO-8601 instants.
 */
final class CampaignLogRoutes {
    private static final int DEFAULT_LIMIT = 100;

    private final CampaignCalls calls;

    CampaignLogRoutes(CampaignCalls calls) {
        this.calls = calls;
    }

    void mount(Router router) {
        router.get(CampaignRoutes.BASE + "/:id/attempts").handler(this::attempts);
        router.get(CampaignRoutes.BASE + "/:id/refusals").handler(this::refusals);
    }

    /** The range and page a request asks for; null with the 400 sent. */
    private record Range(Instant from, Instant to, LogPage.Cursor after, int limit) {
        static Range of(RoutingContext ctx) {
            Instant from = instant(ctx, "from");
            Instant to = from == null ? null : instant(ctx, "to");
            if (to == null) {
                return null;
            }
            if (!from.isBefore(to)) {
                ApiError.send(ctx, 400, "to", "must come after from (" + from + ")");
                return null;
            }
            String after = ctx.request().getParam("after");
            LogPage.Cursor cursor = null;
            if (after != null) {
                try {
                    cursor = LogPage.Cursor.parse(after);
                } catch (IllegalArgumentException e) {
                    ApiError.send(ctx, 400, "after", e.getMessage());
                    return null;
                }
            }
            String raw = ctx.request().getParam("limit");
            int limit = DEFAULT_LIMIT;
            if (raw != null) {
                limit = raw.matches("\\d{1,4}") ? Integer.parseInt(raw) : 0;
                if (limit < 1 || limit > LogPage.MAX_LIMIT) {
                    ApiError.send(ctx, 400, "limit", "must be a whole number from 1 to " + LogPage.MAX_LIMIT + ", not \"" + raw + "\"");
                    return null;
                }
            }
            return new Range(from, to, cursor, limit);
        }

        private static Instant instant(RoutingContext ctx, String name) {
            String raw = ctx.request().getParam(name);
            try {
                if (raw != null) {
                    return Instant.parse(raw);
                }
            } catch (DateTimeException e) {
                // answered below
            }
            ApiError.send(ctx, 400, name, "required, an ISO-8601 instant such as 2026-03-01T00:00:00Z, not \"" + raw + "\"");
            return null;
        }

        JsonObject answer(long campaignId, LogPage<?> page) {
            return new JsonObject().put("campaignId", campaignId).put("from", from.toString()).put("to", to.toString())
                .put("limit", limit).put("next", page.next() == null ? null : page.next().encode());
        }
    }

    private void attempts(RoutingContext ctx) {
        calls.begin(ctx, false, false, true).ifPresent(call -> {
            Range range = CampaignCalls.onlyParams(ctx, Set.of("from", "to", "after", "limit")) ? Range.of(ctx) : null;
            if (range == null) {
                return;
            }
            calls.run(ctx, () -> {
                call.overseen();
                return call.api().attempts().attempts(call.id(), range.from(), range.to(), range.after(), range.limit());
            }, page -> {
                JsonArray rows = new JsonArray();
                for (DialAttempt a : page.rows()) {
                    rows.add(new JsonObject().put("id", a.id()).put("leadId", a.leadId()).put("number", a.e164())
                        .put("customerId", a.customerId()).put("agentId", a.agentId()).put("startedAt", a.startedAt().toString())
                        .put("outcome", a.outcome() == null ? null : a.outcome().word()).put("disposition", a.disposition())
                        .put("dispositionValue", a.dispositionValue()));
                }
                return range.answer(call.id(), page).put("attempts", rows);
            }, 200);
        });
    }

    private void refusals(RoutingContext ctx) {
        calls.begin(ctx, false, false, true).ifPresent(call -> {
            Range range = CampaignCalls.onlyParams(ctx, Set.of("from", "to", "after", "limit", "reason")) ? Range.of(ctx) : null;
            if (range == null) {
                return;
            }
            String word = ctx.request().getParam("reason");
            RefusalReason reason;
            try {
                reason = word == null ? null : RefusalReason.of(word);
            } catch (IllegalArgumentException e) {
                ApiError.send(ctx, 400, "reason", e.getMessage());
                return;
            }
            calls.run(ctx, () -> {
                call.overseen();
                var log = call.api().refusals();
                return Map.entry(log.countByReason(call.id(), range.from(), range.to()),
                    log.refusals(call.id(), range.from(), range.to(), reason, range.after(), range.limit()));
            }, found -> {
                JsonObject counts = new JsonObject();
                long total = 0;
                for (Map.Entry<RefusalReason, Long> count : found.getKey().entrySet()) {
                    counts.put(count.getKey().word(), count.getValue());
                    total += count.getValue();
                }
                JsonArray rows = new JsonArray();
                for (RefusalLog.Recorded r : found.getValue().rows()) {
                    rows.add(new JsonObject().put("id", r.id()).put("leadId", r.refusal().leadId()).put("number", r.refusal().e164())
                        .put("reason", r.refusal().reason().word()).put("detail", r.refusal().detail())
                        .put("at", r.refusal().at().toString()));
                }
                return range.answer(call.id(), found.getValue()).put("reason", word == null ? null : reason.word())
                    .put("counts", counts).put("total", total).put("refusals", rows);
            }, 200);
        });
    }
}
