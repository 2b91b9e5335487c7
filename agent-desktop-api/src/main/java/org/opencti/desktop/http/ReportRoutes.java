package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.opencti.core.report.AgentReport;
import org.opencti.core.report.CampaignReport;
import org.opencti.core.report.Interval;
import org.opencti.core.report.ReportRange;
import org.opencti.core.report.Reports;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.auth.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The historical reports (from the stored history and the queue_log) for supervisors and admins:
 * {@code GET /api/v1/reports/queues|agents|fcr|satisfaction-history|agent-states|campaigns?from=&to=&interval=&zone=},
 * JSON by default, CSV with {@code Accept: text/csv} or {@code format=csv}. Bins follow the wall clock of {@code zone}
 * (an IANA zone, default the centre's), so a day bin across a daylight-saving change has 23 or 25 hours; {@code from} and
 * {@code to} are instants, or local date-times or dates in that zone. A supervisor sees only their team's agents (agent
 * reports, and the agent rows of the others). Reports read the database: they run on a worker, never on the event loop.
 */
final class ReportRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRoutes.class);
    /** The agent and FCR reports have no bins; they may cover at most this long. */
    static final Duration MAX_UNBINNED = Duration.ofDays(92);
    static final String UNAVAILABLE = "the historical reports need PostgreSQL (set postgres in the configuration)";

    /** A bad query parameter: answered 400 naming it. */
    static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    private final Vertx vertx;
    private final AgentRoutes auth;
    private final Reports reports;
    private final Function<String, Set<String>> agentsOfTeam;
    private final ZoneId centreZone;

    /**
     * {@code reports} null: the reports answer 503 (no database); {@code agentsOfTeam}: a team's agent ids;
     * {@code centreZone}: the bins' zone when the request names none.
     */
    ReportRoutes(Vertx vertx, AgentRoutes auth, Reports reports, Function<String, Set<String>> agentsOfTeam, ZoneId centreZone) {
        this.vertx = vertx;
        this.auth = auth;
        this.reports = reports;
        this.agentsOfTeam = agentsOfTeam;
        this.centreZone = centreZone;
    }

    /** Mount before the live reports' {@code /api/v1/reports/:name}, which would take these paths otherwise. */
    void mount(Router router) {
        router.get("/api/v1/reports/queues").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, true, centreZone);
            Duration threshold = Duration.ofSeconds(integer(q, "serviceLevelSeconds", 20, 1, 3600));
            return ReportTables.queues(reports.queues(range, threshold));
        }));
        router.get("/api/v1/reports/agents").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, false, centreZone);
            String table = q.getOrDefault("table", "agents");
            if (!table.equals("agents") && !table.equals("states")) {
                throw new BadParameter("table", "table must be agents or states, not \"" + table + "\"");
            }
            AgentReport report = reports.agents(range, team(user));
            return table.equals("agents") ? ReportTables.agents(report.agents()) : ReportTables.states(report.states());
        }));
        router.get("/api/v1/reports/fcr").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, false, centreZone);
            Duration window = Duration.ofHours(integer(q, "windowHours", 24, 1, 24 * 90));
            Set<String> team = team(user);
            return ReportTables.fcr(reports.firstContactResolution(range, window).stream()
                .filter(r -> team == null || !r.dimension().equals("agent") || team.contains(r.key())).toList());
        }));
        router.get("/api/v1/reports/satisfaction-history").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, true, centreZone);
            Set<String> team = team(user);
            return ReportTables.satisfaction(reports.satisfaction(range).stream()
                .filter(r -> team == null || !r.dimension().equals("agent") || team.contains(r.key())).toList());
        }));
        router.get("/api/v1/reports/agent-states").handler(ctx -> serve(ctx, (user, q) ->
            ReportTables.agentStates(reports.agentStates(range(q, true, centreZone), team(user)))));
        router.get("/api/v1/reports/campaigns").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, true, centreZone);
            String table = q.getOrDefault("table", "campaigns");
            if (!table.equals("campaigns") && !table.equals("dispositions")) {
                throw new BadParameter("table", "table must be campaigns or dispositions, not \"" + table + "\"");
            }
            CampaignReport report = reports.campaigns(range);
            return table.equals("campaigns") ? ReportTables.campaigns(report.campaigns())
                : ReportTables.dispositions(report.dispositions());
        }));
    }

    private void serve(RoutingContext ctx, BiFunction<User, Map<String, String>, ReportTable> report) {
        Optional<Session> session = auth.sessionOf(ctx, true);
        if (session.isEmpty()) {
            return;
        }
        Map<String, String> query = new HashMap<>();
        ctx.queryParams().forEach((k, v) -> query.putIfAbsent(k, v));
        boolean csv;
        try {
            csv = wantsCsv(ctx, query.get("format"));
        } catch (BadParameter e) {
            ApiError.send(ctx, 400, e.parameter, e.getMessage());
            return;
        }
        if (reports == null) {
            ApiError.send(ctx, 503, "$", UNAVAILABLE);
            return;
        }
        User user = session.get().user();
        vertx.<ReportTable>executeBlocking(() -> report.apply(user, query), false).onComplete(ar -> {
            if (ar.succeeded()) {
                send(ctx, ar.result(), csv);
            } else if (ar.cause() instanceof BadParameter e) {
                ApiError.send(ctx, 400, e.parameter, e.getMessage());
            } else if (ar.cause() instanceof IllegalArgumentException e) {
                ApiError.send(ctx, 400, "$", e.getMessage());
            } else {
                // the database's message may name tables and hosts: it goes to the log, not to the client
                LOG.warn("report {} failed", ctx.request().path(), ar.cause());
                ApiError.send(ctx, 503, "$", "the report could not be read from the database; try again");
            }
        });
    }

    private static void send(RoutingContext ctx, ReportTable table, boolean csv) {
        if (csv) {
            String name = ctx.request().path().substring(ctx.request().path().lastIndexOf('/') + 1);
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
                .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").end(table.csv());
        } else {
            ctx.json(new JsonObject().put("rows", table.json()));
        }
    }

    private static boolean wantsCsv(RoutingContext ctx, String format) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new BadParameter("format", "format must be csv or json, not \"" + format + "\"");
            };
        }
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains("text/csv");
    }

    /** The agents a supervisor may see (their team's), or null for an admin (everyone). */
    private Set<String> team(User user) {
        if (user.role() == Role.ADMIN) {
            return null;
        }
        return user.team() == null ? Set.of() : agentsOfTeam.apply(user.team());
    }

    static ReportRange range(Map<String, String> q, boolean binned, ZoneId centreZone) {
        ZoneId zone = zone(q, centreZone);
        Instant from = instant(q, "from", zone);
        Instant to = instant(q, "to", zone);
        if (!from.isBefore(to)) {
            throw new BadParameter("to", "to (" + to + ") must be after from (" + from + ")");
        }
        if (!binned) {
            if (from.plus(MAX_UNBINNED).isBefore(to)) {
                throw new BadParameter("to", "this report covers at most " + MAX_UNBINNED.toDays() + " days");
            }
            return new ReportRange(from, to, Interval.DAY, zone);
        }
        Interval interval;
        try {
            interval = Interval.parse(q.getOrDefault("interval", "1h"));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("interval", e.getMessage());
        }
        if (from.plus(interval.maxRange()).isBefore(to)) {
            throw new BadParameter("to", "at interval " + interval.label() + " a report covers at most "
                + interval.maxRange().toDays() + " days");
        }
        return new ReportRange(from, to, interval, zone);
    }

    private static ZoneId zone(Map<String, String> q, ZoneId centreZone) {
        String text = q.get("zone");
        if (text == null || text.isBlank()) {
            return centreZone;
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new BadParameter("zone", "zone must be an IANA time zone such as Europe/London, not \"" + text + "\"");
        }
    }

    /** An instant ({@code ...Z} or with an offset), or a local date-time or date on the zone's wall clock. */
    private static Instant instant(Map<String, String> q, String name, ZoneId zone) {
        String text = q.get(name);
        if (text == null || text.isBlank()) {
            throw new BadParameter(name, name + " is required (an ISO-8601 instant such as 2026-03-02T00:00:00Z, or a local"
                + " date-time or date such as 2026-03-02)");
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new BadParameter(name, name + " must be an ISO-8601 instant such as 2026-03-02T00:00:00Z, or a"
                        + " local date-time or date such as 2026-03-02, not \"" + text + "\"");
                }
            }
        }
    }

    private static int integer(Map<String, String> q, String name, int fallback, int min, int max) {
        String text = q.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the parameter
        }
        throw new BadParameter(name, name + " must be a whole number from " + min + " to " + max + ", not \"" + text + "\"");
    }
}
