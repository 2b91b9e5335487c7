package org.opencti.desktop.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.opencti.core.report.AgentReport;
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
 * {@code GET /api/v1/reports/queues|agents|fcr|satisfaction-history?from=&to=&interval=}, JSON by default, CSV with
 * {@code Accept: text/csv} or {@code format=csv}. A supervisor sees only their team's agents (agent report, and the
 * agent rows of the others). Reports read the database: they run on a worker, never on the event loop.
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

    /** {@code reports} null: the reports answer 503 (no database); {@code agentsOfTeam}: a team's agent ids. */
    ReportRoutes(Vertx vertx, AgentRoutes auth, Reports reports, Function<String, Set<String>> agentsOfTeam) {
        this.vertx = vertx;
        this.auth = auth;
        this.reports = reports;
        this.agentsOfTeam = agentsOfTeam;
    }

    /** Mount before the live reports' {@code /api/v1/reports/:name}, which would take these paths otherwise. */
    void mount(Router router) {
        router.get("/api/v1/reports/queues").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, true);
            Duration threshold = Duration.ofSeconds(integer(q, "serviceLevelSeconds", 20, 1, 3600));
            return ReportTables.queues(reports.queues(range, threshold));
        }));
        router.get("/api/v1/reports/agents").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, false);
            String table = q.getOrDefault("table", "agents");
            if (!table.equals("agents") && !table.equals("states")) {
                throw new BadParameter("table", "table must be agents or states, not \"" + table + "\"");
            }
            AgentReport report = reports.agents(range, team(user));
            return table.equals("agents") ? ReportTables.agents(report.agents()) : ReportTables.states(report.states());
        }));
        router.get("/api/v1/reports/fcr").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, false);
            Duration window = Duration.ofHours(integer(q, "windowHours", 24, 1, 24 * 90));
            Set<String> team = team(user);
            return ReportTables.fcr(reports.firstContactResolution(range, window).stream()
                .filter(r -> team == null || !r.dimension().equals("agent") || team.contains(r.key())).toList());
        }));
        router.get("/api/v1/reports/satisfaction-history").handler(ctx -> serve(ctx, (user, q) -> {
            ReportRange range = range(q, true);
            Set<String> team = team(user);
            return ReportTables.satisfaction(reports.satisfaction(range).stream()
                .filter(r -> team == null || !r.dimension().equals("agent") || team.contains(r.key())).toList());
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

    static ReportRange range(Map<String, String> q, boolean binned) {
        Instant from = instant(q, "from");
        Instant to = instant(q, "to");
        if (!from.isBefore(to)) {
            throw new BadParameter("to", "to (" + to + ") must be after from (" + from + ")");
        }
        if (!binned) {
            if (from.plus(MAX_UNBINNED).isBefore(to)) {
                throw new BadParameter("to", "this report covers at most " + MAX_UNBINNED.toDays() + " days");
            }
            return new ReportRange(from, to, Interval.DAY);
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
        return new ReportRange(from, to, interval);
    }

    private static Instant instant(Map<String, String> q, String name) {
        String text = q.get(name);
        if (text == null || text.isBlank()) {
            throw new BadParameter(name, name + " is required (an ISO-8601 instant such as 2026-03-02T00:00:00Z)");
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, name + " must be an ISO-8601 instant such as 2026-03-02T00:00:00Z, not \""
                + text + "\"");
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
