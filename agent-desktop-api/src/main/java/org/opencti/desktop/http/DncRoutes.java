package org.opencti.desktop.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.opencti.desktop.auth.Role;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.compliance.DncChange;
import org.opencti.dialer.compliance.DncLists;
import org.opencti.dialer.compliance.DncStatus;

/**
 * Do-not-call administration. {@code POST /api/v1/dnc/national?registry=NAME} (admins; a regulator's file as text/csv,
 * replacing that register whole; bad rows by line), {@code POST /api/v1/dnc} (supervisors and admins; a number on the
 * internal list, with the reason; the regulator's source is for admins, since no one may take such an entry off again),
 * {@code DELETE /api/v1/dnc/{number}?reason=} (admins; refused for the regulator's and erasures' entries),
 * {@code GET /api/v1/dnc/{number}?campaign=} (supervisors and admins: is it blocked, by which list, and its trail) and
 * {@code POST /api/v1/campaigns/{id}/dnc} (the campaign's own list, for whoever oversees the campaign). Numbers in any
 * format of the centre's region; every change is audited with the signed-in user.
 */
final class DncRoutes {
    static final String NATIONAL = "/api/v1/dnc/national";
    static final int MAX_REGISTER_BYTES = 32 * 1024 * 1024;
    private static final Set<String> BY_HAND = Set.of("request", "import", "regulator");

    private final CampaignCalls calls;

    DncRoutes(CampaignCalls calls) {
        this.calls = calls;
    }

    /** The register upload reads its own body: mount it before the body handler. */
    void mountUpload(Router router) {
        router.post(NATIONAL).handler(this::importRegister);
    }

    void mount(Router router) {
        router.post("/api/v1/dnc").handler(this::add);
        router.get("/api/v1/dnc/:number").handler(this::status);
        router.delete("/api/v1/dnc/:number").handler(this::remove);
        router.post(CampaignRoutes.BASE + "/:id/dnc").handler(this::addToCampaign);
    }

    private void importRegister(RoutingContext ctx) {
        Optional<CampaignCalls.Call> call = calls.begin(ctx, false, true, false);
        if (call.isEmpty() || !CampaignCalls.onlyParams(ctx, Set.of("registry"))) {
            return;
        }
        String registry = ctx.request().getParam("registry");
        if (registry == null || !DncLists.REGISTRY.matcher(registry).matches()) {
            ApiError.send(ctx, 400, "registry", "required: the register's name, 1-64 letters, digits, spaces, '.', '_' or '-'"
                + " (e.g. US-DNC); the file replaces what was imported under that name");
            return;
        }
        CsvUpload.read(ctx, MAX_REGISTER_BYTES, "a register file", csv -> calls.run(ctx,
            () -> call.get().api().registers().importCsv(registry, call.get().user().id(),
                new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)),
            r -> new JsonObject().put("registry", r.registry()).put("rows", r.rows()).put("loaded", r.loaded())
                .put("duplicates", r.duplicates()).put("rejectedCount", r.rejectedCount())
                .put("rejected", LeadListRoutes.rejections(r.rejected())), 200));
    }

    private void add(RoutingContext ctx) {
        calls.begin(ctx, false, false, false).ifPresent(call -> {
            JsonObject body = CampaignCalls.body(ctx);
            Entry entry = body == null ? null : Entry.read(body, call, true);
            if (entry == null) {
                return;
            }
            entry.failIfBad(ctx);
            if (ctx.response().ended()) {
                return;
            }
            if ("regulator".equals(entry.source) && call.user().role() != Role.ADMIN) {
                ApiError.send(ctx, 403, "source", "only administrators add the regulator's entries (no one can remove them)");
                return;
            }
            calls.run(ctx, () -> {
                CampaignApi api = call.api();
                boolean added = api.dnc().addInternal(entry.e164, entry.source, call.user().id(), entry.reason, api.clock().instant());
                return status(call, api.dnc().status(entry.e164), null).put("added", added);
            }, j -> {
                ctx.response().setStatusCode(j.getBoolean("added") ? 201 : 200);
                return j;
            }, 201);
        });
    }

    private void remove(RoutingContext ctx) {
        calls.begin(ctx, false, true, false).ifPresent(call -> {
            if (!CampaignCalls.onlyParams(ctx, Set.of("reason"))) {
                return;
            }
            String e164 = number(ctx, call);
            String reason = ctx.request().getParam("reason");
            if (e164 == null) {
                return;
            }
            if (reason == null || reason.isBlank() || reason.length() > DncLists.MAX_REASON) {
                ApiError.send(ctx, 400, "reason", "required: why the number may be called again (1-" + DncLists.MAX_REASON
                    + " characters)");
                return;
            }
            calls.run(ctx, () -> {
                CampaignApi api = call.api();
                try {
                    if (!api.dnc().removeInternal(e164, call.user().id(), reason, api.clock().instant())) {
                        throw new CampaignCalls.Refused(404, "number", e164 + " is not on the internal do-not-call list");
                    }
                } catch (DncLists.ProtectedEntryException e) {
                    throw new CampaignCalls.Refused(409, "number", e.getMessage());
                }
                return status(call, api.dnc().status(e164), null);
            }, j -> j, 200);
        });
    }

    private void status(RoutingContext ctx) {
        calls.begin(ctx, false, false, false).ifPresent(call -> {
            if (!CampaignCalls.onlyParams(ctx, Set.of("campaign"))) {
                return;
            }
            String e164 = number(ctx, call);
            if (e164 == null) {
                return;
            }
            String raw = ctx.request().getParam("campaign");
            if (raw != null && !raw.matches("[1-9][0-9]{0,17}")) {
                ApiError.send(ctx, 400, "campaign", "a campaign id is a positive whole number, not \"" + raw + "\"");
                return;
            }
            Long campaign = raw == null ? null : Long.valueOf(raw);
            calls.run(ctx, () -> {
                if (campaign != null) {
                    new CampaignCalls.Call(call.session(), call.api(), campaign).overseen();
                }
                return status(call, call.api().dnc().status(e164), campaign);
            }, j -> j, 200);
        });
    }

    private void addToCampaign(RoutingContext ctx) {
        calls.begin(ctx, false, false, true).ifPresent(call -> {
            JsonObject body = CampaignCalls.body(ctx);
            Entry entry = body == null ? null : Entry.read(body, call, false);
            if (entry == null) {
                return;
            }
            entry.failIfBad(ctx);
            if (ctx.response().ended()) {
                return;
            }
            calls.run(ctx, () -> {
                call.overseen();
                CampaignApi api = call.api();
                boolean added = api.dnc().addToCampaign(call.id(), entry.e164, call.user().id(), api.clock().instant());
                return new JsonObject().put("campaignId", call.id()).put("number", entry.e164).put("added", added);
            }, j -> {
                ctx.response().setStatusCode(j.getBoolean("added") ? 201 : 200);
                return j;
            }, 201);
        });
    }

    private static String number(RoutingContext ctx, CampaignCalls.Call call) {
        String raw = ctx.pathParam("number");
        Optional<String> e164 = raw == null ? Optional.empty() : call.api().numbers().toE164(raw);
        if (e164.isEmpty()) {
            ApiError.send(ctx, 400, "number", "not a phone number: \"" + raw + "\"");
            return null;
        }
        return e164.get();
    }

    /** The number's answer; for a supervisor, only the campaigns they oversee show. Blocks: on a worker. */
    private static JsonObject status(CampaignCalls.Call call, DncStatus s, Long campaign) {
        CampaignApi api = call.api();
        Set<Long> mine = new HashSet<>();
        for (Campaign c : api.campaigns().all()) {
            if (api.staff().oversees(call.user(), c.assignment())) {
                mine.add(c.id());
            }
        }
        Predicate<Long> shown = id -> id == null || mine.contains(id);
        JsonObject blockedBy = null;
        boolean blocked = s.blockedEverywhere();
        if (campaign != null) {
            Optional<DncLists.Hit> hit = api.dnc().find(campaign, s.e164());
            blocked = hit.isPresent();
            blockedBy = hit.map(h -> new JsonObject().put("list", h.list().name().toLowerCase(java.util.Locale.ROOT))
                .put("source", h.source())).orElse(null);
        } else if (s.internal() != null) {
            blockedBy = new JsonObject().put("list", "internal").put("source", s.internal().source());
        } else if (!s.national().isEmpty()) {
            blockedBy = new JsonObject().put("list", "national").put("source", s.national().get(0).registry());
        }
        JsonArray national = new JsonArray();
        s.national().forEach(n -> national.add(new JsonObject().put("registry", n.registry())
            .put("importedAt", n.importedAt().toString())));
        JsonArray history = new JsonArray();
        for (DncChange c : s.history()) {
            if (shown.test(c.campaignId())) {
                history.add(new JsonObject().put("action", c.action().word()).put("campaignId", c.campaignId()).put("source", c.source())
                    .put("reason", c.reason()).put("by", c.by()).put("at", c.at().toString()));
            }
        }
        DncStatus.Internal in = s.internal();
        return new JsonObject().put("number", s.e164()).put("campaign", campaign).put("blocked", blocked).put("blockedBy", blockedBy)
            .put("internal", in == null ? null : new JsonObject().put("source", in.source()).put("reason", in.reason())
                .put("addedBy", in.addedBy()).put("addedAt", in.addedAt().toString()))
            .put("national", national).put("campaigns", new JsonArray(s.campaigns().stream().filter(shown).toList()))
            .put("history", history);
    }

    /** A body naming a number, and for the internal list the source (default request) and the reason (required). */
    private static final class Entry extends JsonFields {
        private String e164;
        private String source;
        private String reason;

        static Entry read(JsonObject body, CampaignCalls.Call call, boolean internal) {
            Entry e = new Entry();
            e.only(body, "", internal ? Set.of("number", "source", "reason") : Set.of("number", "reason"));
            String raw = e.text(body, "number", "number", true, 64);
            if (raw != null) {
                e.e164 = call.api().numbers().toE164(raw).orElseGet(() -> e.bad("number", "not a phone number: \"" + clip(raw) + "\""));
            }
            e.reason = e.text(body, "reason", "reason", internal, DncLists.MAX_REASON);
            if (internal) {
                e.source = e.word(body, "source", "source", word -> {
                    if (word == null || !BY_HAND.contains(word)) {
                        throw new IllegalArgumentException("must be one of import, regulator, request, not \"" + word + "\"");
                    }
                    return word;
                }, "request");
            }
            return e;
        }

        /** Sends the 400 naming every bad field, if any (then the response has ended). */
        void failIfBad(RoutingContext ctx) {
            try {
                failIfBad();
            } catch (IllegalArgumentException bad) {
                CampaignCalls.fail(ctx, bad);
            }
        }
    }
}
