package org.opencti.desktop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.report.AgentReport;
import org.opencti.core.report.AgentRow;
import org.opencti.core.report.AgentStateIntervalRow;
import org.opencti.core.report.CampaignDispositionRow;
import org.opencti.core.report.CampaignIntervalRow;
import org.opencti.core.report.CampaignReport;
import org.opencti.core.report.AgentStateRow;
import org.opencti.core.report.FcrRow;
import org.opencti.core.report.Interval;
import org.opencti.core.report.QueueIntervalRow;
import org.opencti.core.report.ReportRange;
import org.opencti.core.report.Reports;
import org.opencti.core.report.SatisfactionRow;
import org.opencti.desktop.TestDesktop;

/**
 * The historical report routes over real HTTP, on reports that answer fixed rows (the figures themselves are
 * tested against PostgreSQL in cti-core): who may read what, CSV, and parameter errors.
 */
class ReportRoutesTest {
    private static final String RANGE = "from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00Z";
    private static final Instant D1 = Instant.parse("2026-03-02T00:00:00Z");

    /** Answers fixed rows and remembers what it was asked. */
    private static final class FixedReports implements Reports {
        final List<Object> asked = new CopyOnWriteArrayList<>();

        @Override
        public List<QueueIntervalRow> queues(ReportRange range, Duration threshold) {
            asked.add(range);
            asked.add(threshold);
            return List.of(new QueueIntervalRow(D1, "sales, \"north\"", "gold", 4, 3, 1, 0, 2, 50.0, 12.5, 300.0, null, 1),
                new QueueIntervalRow(D1, "=cmd", "standard", 1, 0, 1, 0, 0, 0.0, null, null, null, 0));
        }

        @Override
        public AgentReport agents(ReportRange range, Set<String> onlyAgents) {
            asked.add(onlyAgents == null ? "everyone" : new java.util.TreeSet<>(onlyAgents));
            return new AgentReport(List.of(new AgentRow("2001", 2, 720, 180, 90, 495.0, 29_100, 3_600, 3.88, 3, 4.0, 75.0)),
                List.of(new AgentStateRow("2001", "paused:lunch", 3_600)));
        }

        @Override
        public List<FcrRow> firstContactResolution(ReportRange range, Duration window) {
            asked.add(window);
            return List.of(new FcrRow("agent", "2001", 4, 4, 2, 50.0, 0, 0, 0.0),
                new FcrRow("agent", "2999", 4, 3, 1, 33.3, 1, 1, 25.0), new FcrRow("all", "*", 8, 7, 3, 42.9, 1, 1, 12.5));
        }

        @Override
        public List<SatisfactionRow> satisfaction(ReportRange range) {
            asked.add(range);
            return List.of(new SatisfactionRow(D1, "agent", "2999", 1, 2.0), new SatisfactionRow(D1, "queue", "billing", 3, 4.0));
        }

        @Override
        public List<AgentStateIntervalRow> agentStates(ReportRange range, Set<String> onlyAgents) {
            asked.add(range);
            asked.add(onlyAgents == null ? "everyone" : new java.util.TreeSet<>(onlyAgents));
            return List.of(new AgentStateIntervalRow(D1, "2001", "NOT_READY", "lunch", 90),
                new AgentStateIntervalRow(D1, "2001", "READY", null, 3_510));
        }

        @Override
        public CampaignReport campaigns(ReportRange range) {
            asked.add(range);
            return new CampaignReport(List.of(new CampaignIntervalRow(D1, 1, "=Spring sale", 6, 3, 0, 1, 1, 1, 0, 0, 50.0, 3,
                new BigDecimal("250.00"))), List.of(new CampaignDispositionRow(D1, 1, "=Spring sale", "sale", "Sale", 2,
                new BigDecimal("250.00"))));
        }
    }

    private final FixedReports reports = new FixedReports();
    private Vertx vertx;
    private TestDesktop desktop;
    private WebClient web;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // team blue: agents 2001 and 2002 (and supervisor 3001); 2999 belongs to another team
        desktop = new TestDesktop(vertx, 65_536, server -> server.setReports(reports,
            team -> team.equals("blue") ? Set.of("2001", "2002") : Set.of()));
        web = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        desktop.close();
    }

    private HttpResponse<Buffer> get(String path, String token, String accept) throws Exception {
        var request = web.get(desktop.port(), "127.0.0.1", path);
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.putHeader("Accept", accept);
        }
        return request.send().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void onlySupervisorsAndAdminsWithAToken() throws Exception {
        for (String report : List.of("queues", "agents", "fcr", "satisfaction-history")) {
            assertThat(get("/api/v1/reports/" + report + "?" + RANGE, null, null).statusCode()).as(report).isEqualTo(401);
            HttpResponse<Buffer> agent = get("/api/v1/reports/" + report + "?" + RANGE, desktop.login("2001"), null);
            assertThat(agent.statusCode()).as(report).isEqualTo(403);
            assertThat(agent.bodyAsJsonObject().getString("field")).isEqualTo("Authorization");
        }
        assertThat(reports.asked).as("nothing was read for them").isEmpty();
    }

    @Test
    void aSupervisorSeesTheirTeamsAgentsOnlyAndAnAdminEveryone() throws Exception {
        String supervisor = desktop.login("3001");
        String admin = desktop.login("4001");

        assertThat(get("/api/v1/reports/agents?" + RANGE, supervisor, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/reports/agents?" + RANGE, admin, null).statusCode()).isEqualTo(200);
        assertThat(reports.asked).containsExactly(new java.util.TreeSet<>(Set.of("2001", "2002")), "everyone");

        assertThat(keys(get("/api/v1/reports/fcr?" + RANGE, supervisor, null))).containsExactly("2001", "*");
        assertThat(keys(get("/api/v1/reports/fcr?" + RANGE, admin, null))).containsExactly("2001", "2999", "*");
        assertThat(keys(get("/api/v1/reports/satisfaction-history?" + RANGE, supervisor, null))).containsExactly("billing");
        assertThat(keys(get("/api/v1/reports/satisfaction-history?" + RANGE, admin, null))).containsExactly("2999", "billing");
    }

    @Test
    void parametersReachTheReports() throws Exception {
        String admin = desktop.login("4001");

        HttpResponse<Buffer> queues = get("/api/v1/reports/queues?" + RANGE + "&interval=15m&serviceLevelSeconds=30", admin, null);

        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(reports.asked).containsExactly(new ReportRange(D1, Instant.parse("2026-03-04T00:00:00Z"), Interval.QUARTER_HOUR),
            Duration.ofSeconds(30));
        JsonObject first = queues.bodyAsJsonObject().getJsonArray("rows").getJsonObject(0);
        assertThat(first.getString("bin")).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(first.getDouble("serviceLevelPercent")).isEqualTo(50.0);
        assertThat(first.containsKey("averageHoldSeconds")).isTrue();
        assertThat(first.getValue("averageHoldSeconds")).isNull();
        assertThat(get("/api/v1/reports/fcr?" + RANGE + "&windowHours=48", admin, null).statusCode()).isEqualTo(200);
        assertThat(reports.asked).last().isEqualTo(Duration.ofHours(48));
    }

    @Test
    void csvByFormatOrAcceptWithQuotingAndNoFormulas() throws Exception {
        String admin = desktop.login("4001");
        String expected = "bin,queue,tier,offered,answered,abandoned,left,answeredWithinThreshold,serviceLevelPercent,asaSeconds,"
            + "ahtSeconds,averageHoldSeconds,transfers\r\n"
            + "2026-03-02T00:00:00Z,\"sales, \"\"north\"\"\",gold,4,3,1,0,2,50.0,12.5,300.0,,1\r\n"
            + "2026-03-02T00:00:00Z,'=cmd,standard,1,0,1,0,0,0.0,,,,0\r\n";

        for (HttpResponse<Buffer> csv : List.of(get("/api/v1/reports/queues?" + RANGE + "&format=csv", admin, null),
            get("/api/v1/reports/queues?" + RANGE, admin, "text/csv"))) {
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
            assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"queues.csv\"");
            assertThat(csv.bodyAsString()).isEqualTo(expected);
        }
        assertThat(get("/api/v1/reports/agents?" + RANGE + "&format=csv&table=states", admin, null).bodyAsString())
            .isEqualTo("agentId,state,seconds\r\n2001,paused:lunch,3600\r\n");
    }

    @Test
    void badParametersAreNamed() throws Exception {
        String admin = desktop.login("4001");
        List<String[]> cases = List.of(
            new String[] {"/api/v1/reports/queues?to=2026-03-04T00:00:00Z", "from"},
            new String[] {"/api/v1/reports/queues?from=yesterday&to=2026-03-04T00:00:00Z", "from"},
            new String[] {"/api/v1/reports/queues?from=2026-03-04T00:00:00Z&to=2026-03-02T00:00:00Z", "to"},
            new String[] {"/api/v1/reports/queues?" + RANGE + "&interval=5m", "interval"},
            // 15-minute bins: at most 92 days; 1 January to 4 April is 93
            new String[] {"/api/v1/reports/queues?from=2026-01-01T00:00:00Z&to=2026-04-04T00:00:00Z&interval=15m", "to"},
            new String[] {"/api/v1/reports/queues?" + RANGE + "&serviceLevelSeconds=0", "serviceLevelSeconds"},
            new String[] {"/api/v1/reports/agents?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", "to"},
            new String[] {"/api/v1/reports/agents?" + RANGE + "&table=calls", "table"},
            new String[] {"/api/v1/reports/fcr?" + RANGE + "&windowHours=x", "windowHours"},
            new String[] {"/api/v1/reports/satisfaction-history?" + RANGE + "&format=xml", "format"});
        List<String> fields = new ArrayList<>();
        for (String[] c : cases) {
            HttpResponse<Buffer> r = get(c[0], admin, null);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            fields.add(r.bodyAsJsonObject().getString("field"));
        }
        assertThat(fields).containsExactly(cases.stream().map(c -> c[1]).toArray(String[]::new));
        assertThat(reports.asked).isEmpty();
        // 92 days (1 January to 3 April) at 15 minutes is still fine
        assertThat(get("/api/v1/reports/queues?from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:00Z&interval=15m", admin, null)
            .statusCode()).isEqualTo(200);
    }

    @Test
    void agentStatesForTheTeamAndCampaignResultsInTheZoneAsked() throws Exception {
        String supervisor = desktop.login("3001");
        String admin = desktop.login("4001");
        assertThat(get("/api/v1/reports/agent-states?" + RANGE, desktop.login("2001"), null).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/reports/campaigns?" + RANGE, null, null).statusCode()).isEqualTo(401);

        // local dates in London: the 29th of March 2026 has 23 hours, so the range ends at 23:00Z on the 30th
        HttpResponse<Buffer> states = get("/api/v1/reports/agent-states?from=2026-03-29&to=2026-03-31&interval=1d"
            + "&zone=Europe/London", supervisor, null);
        assertThat(states.statusCode()).isEqualTo(200);
        assertThat(reports.asked).containsExactly(new ReportRange(Instant.parse("2026-03-29T00:00:00Z"),
            Instant.parse("2026-03-30T23:00:00Z"), Interval.DAY, ZoneId.of("Europe/London")),
            new java.util.TreeSet<>(Set.of("2001", "2002")));
        assertThat(states.bodyAsJsonObject().getJsonArray("rows").getJsonObject(0).getMap()).containsEntry("reason", "lunch")
            .containsEntry("minutes", 1.5).containsEntry("seconds", 90);

        assertThat(get("/api/v1/reports/campaigns?" + RANGE + "&format=csv", admin, null).bodyAsString()).isEqualTo(
            "bin,campaignId,campaign,attempts,connects,abandoned,machines,noAnswer,busy,failed,dialling,connectPercent,"
                + "dispositioned,value\r\n2026-03-02T00:00:00Z,1,'=Spring sale,6,3,0,1,1,1,0,0,50.0,3,250.00\r\n");
        assertThat(get("/api/v1/reports/campaigns?" + RANGE + "&table=dispositions", admin, null).bodyAsJsonObject()
            .getJsonArray("rows").getJsonObject(0).getMap()).containsEntry("disposition", "sale").containsEntry("count", 2);
        assertThat(get("/api/v1/reports/campaigns?" + RANGE + "&table=leads", admin, null).bodyAsJsonObject()
            .getString("field")).isEqualTo("table");
        HttpResponse<Buffer> badZone = get("/api/v1/reports/agent-states?" + RANGE + "&zone=Mars/Olympus", admin, null);
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.bodyAsJsonObject().getString("field")).isEqualTo("zone");
    }

    @Test
    void withoutAZoneTheCentresIsUsedForLocalTimes() throws Exception {
        desktop.close();
        vertx = Vertx.vertx();
        desktop = new TestDesktop(vertx, 65_536, server -> {
            server.setReports(reports, team -> Set.of());
            server.setReportZone(ZoneId.of("Europe/Berlin"));
        });
        web = WebClient.create(vertx);

        assertThat(get("/api/v1/reports/queues?from=2026-03-02T08:00&to=2026-03-03", desktop.login("4001"), null).statusCode())
            .isEqualTo(200);

        assertThat(reports.asked.get(0)).isEqualTo(new ReportRange(Instant.parse("2026-03-02T07:00:00Z"),
            Instant.parse("2026-03-02T23:00:00Z"), Interval.HOUR, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void withoutADatabaseTheReportsSaySo() throws Exception {
        desktop.close();
        vertx = Vertx.vertx();
        desktop = new TestDesktop(vertx, 65_536);
        web = WebClient.create(vertx);

        HttpResponse<Buffer> r = get("/api/v1/reports/queues?" + RANGE, desktop.login("4001"), null);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getString("error")).contains("PostgreSQL");
        // the live reports keep their own path
        assertThat(get("/api/v1/reports/no-such-report", desktop.login("4001"), null).statusCode()).isEqualTo(404);
    }

    private static List<String> keys(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray rows = r.bodyAsJsonObject().getJsonArray("rows");
        List<String> out = new ArrayList<>();
        rows.forEach(o -> out.add(((JsonObject) o).getString("key")));
        return out;
    }
}
