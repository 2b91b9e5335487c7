package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStateChange;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.report.CampaignReport;
import org.opencti.core.report.Interval;
import org.opencti.core.report.ReportRange;

/**
 * Agent states over time and campaign results against figures computed by hand, and bins on a local wall clock across
 * the daylight-saving changes of Europe/London in 2026 (clocks forward at 01:00 UTC on 29 March, back at 01:00 UTC on
 * 25 October).
 *
 * <pre>
 * agent a1 (D = 2026-03-02, UTC): NOT_READY "logged in" 08:55, READY 09:00, RESERVED and RINGING both 09:10:00,
 *          ON_CALL 09:10:10, WRAP_UP 09:20:00, READY 09:20:30, NOT_READY lunch 12:00, LOGGED_OUT 13:00
 * agent a2: READY 08:00 (before the range), ON_CALL 09:30, ON_HOLD 09:40, ON_CALL 09:45, WRAP_UP 09:50,
 *          NOT_READY break 09:51, READY 10:06, LOGGED_OUT 10:30
 * agent a3: READY 2026-03-28 12:00Z, LOGGED_OUT 2026-03-30 12:00Z; READY 2026-10-24 23:00Z, LOGGED_OUT 2026-10-26 00:00Z
 *
 * campaign 1 "Spring sale" (D): 09:00 live sale 100, 09:10 live sale 150 (the value recorded then), 09:20 live
 *          not-interested 0, 09:30 no answer, 09:40 busy, 09:50 machine, 10:05 abandoned, 10:10 congestion,
 *          10:20 still dialling, 10:30 live callback 0
 * campaign 2 "Renewals" (D): 09:15 live renewed 50, 09:45 invalid number
 * </pre>
 */
class IntervalReportsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static PostgresTestSchema db;
    private static PostgresReports reports;

    @BeforeAll
    static void load() throws SQLException {
        db = new PostgresTestSchema();
        PostgresAgentStateLog states = new PostgresAgentStateLog(db.dataSource());
        for (String line : List.of(
            "a1 NOT_READY logged-in 2026-03-02T08:55:00Z", "a1 READY - 2026-03-02T09:00:00Z", "a1 RESERVED - 2026-03-02T09:10:00Z",
            "a1 RINGING - 2026-03-02T09:10:00Z", "a1 ON_CALL - 2026-03-02T09:10:10Z", "a1 WRAP_UP - 2026-03-02T09:20:00Z",
            "a1 READY - 2026-03-02T09:20:30Z", "a1 NOT_READY lunch 2026-03-02T12:00:00Z", "a1 LOGGED_OUT - 2026-03-02T13:00:00Z",
            "a2 READY - 2026-03-02T08:00:00Z", "a2 ON_CALL - 2026-03-02T09:30:00Z", "a2 ON_HOLD - 2026-03-02T09:40:00Z",
            "a2 ON_CALL - 2026-03-02T09:45:00Z", "a2 WRAP_UP - 2026-03-02T09:50:00Z", "a2 NOT_READY break 2026-03-02T09:51:00Z",
            "a2 READY - 2026-03-02T10:06:00Z", "a2 LOGGED_OUT - 2026-03-02T10:30:00Z",
            "a3 READY - 2026-03-28T12:00:00Z", "a3 LOGGED_OUT - 2026-03-30T12:00:00Z",
            "a3 READY - 2026-10-24T23:00:00Z", "a3 LOGGED_OUT - 2026-10-26T00:00:00Z")) {
            String[] f = line.split(" ");
            states.record(AgentStateChange.of(f[0], AgentState.valueOf(f[1]), f[2].equals("-") ? null : f[2], Instant.parse(f[3])));
        }
        try (Connection c = db.raw()) {
            c.createStatement().execute("""
                INSERT INTO campaigns (id, name, dial_mode, caller_id, time_zone, schedule_days, schedule_start, schedule_end,
                                       calling_start, calling_end, default_start, default_end, safe_harbour_message)
                VALUES (1, 'Spring sale', 'progressive', '+442071838750', 'Europe/London', '{1,2,3,4,5}', '09:00', '17:00',
                        '08:00', '21:00', '09:00', '20:00', 'msg'),
                       (2, 'Renewals', 'preview', '+442071838750', 'Europe/London', '{1,2,3,4,5}', '09:00', '17:00',
                        '08:00', '21:00', '09:00', '20:00', 'msg');
                INSERT INTO campaign_dispositions (campaign_id, code, label, value, position) VALUES
                    (1, 'sale', 'Sale', 100, 0), (1, 'not-interested', 'Not interested', 0, 1), (1, 'callback', 'Call back', 0, 2),
                    (2, 'renewed', 'Renewed', 50, 0)
                """);
            attempt(c, 1, "09:00", "live_answer", "sale", "100");
            attempt(c, 1, "09:10", "live_answer", "sale", "150");
            attempt(c, 1, "09:20", "live_answer", "not-interested", "0");
            attempt(c, 1, "09:30", "no_answer", null, null);
            attempt(c, 1, "09:40", "busy", null, null);
            attempt(c, 1, "09:50", "machine", null, null);
            attempt(c, 1, "10:05", "abandoned", null, null);
            attempt(c, 1, "10:10", "congestion", null, null);
            attempt(c, 1, "10:20", null, null, null);
            attempt(c, 1, "10:30", "live_answer", "callback", "0");
            attempt(c, 2, "09:15", "live_answer", "renewed", "50");
            attempt(c, 2, "09:45", "invalid_number", null, null);
        }
        reports = new PostgresReports(db.dataSource());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static void attempt(Connection c, long campaign, String time, String outcome, String disposition, String value)
        throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dial_attempts (campaign_id, e164, started_at, outcome,"
            + " disposition, disposition_value) VALUES (?, '+447700900123', ?::timestamptz, ?, ?, ?::numeric)")) {
            s.setLong(1, campaign);
            s.setString(2, "2026-03-02T" + time + ":00Z");
            s.setString(3, outcome);
            s.setString(4, disposition);
            s.setString(5, value);
            s.executeUpdate();
        }
    }

    private static List<String> states(ReportRange range, Set<String> only) {
        return reports.agentStates(range, only).stream()
            .map(r -> r.bin() + " " + r.agentId() + " " + r.state() + " " + r.reason() + " " + r.seconds()).toList();
    }

    @Test
    void agentStatesPerHourFromTheStateHistory() {
        ReportRange range = new ReportRange(Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T11:00:00Z"),
            Interval.HOUR);

        assertThat(states(range, null)).containsExactly(
            // a1: the "logged in" minutes before 09:00 are outside; RESERVED lasted no time (RINGING came at the same
            // instant, after it); READY 09:00-09:10 and 09:20:30-10:00 = 600 + 2,370
            "2026-03-02T09:00:00Z a1 ON_CALL null 590",
            "2026-03-02T09:00:00Z a1 READY null 2970",
            "2026-03-02T09:00:00Z a1 RINGING null 10",
            "2026-03-02T09:00:00Z a1 WRAP_UP null 30",
            // a2: READY carried in from 08:00; on the call 09:30-09:40 and 09:45-09:50
            "2026-03-02T09:00:00Z a2 NOT_READY break 540",
            "2026-03-02T09:00:00Z a2 ON_CALL null 900",
            "2026-03-02T09:00:00Z a2 ON_HOLD null 300",
            "2026-03-02T09:00:00Z a2 READY null 1800",
            "2026-03-02T09:00:00Z a2 WRAP_UP null 60",
            "2026-03-02T10:00:00Z a1 READY null 3600",
            // logged out from 10:30: not counted
            "2026-03-02T10:00:00Z a2 NOT_READY break 360",
            "2026-03-02T10:00:00Z a2 READY null 1440");
    }

    @Test
    void agentStatesInQuarterHoursForASupervisorsAgentOnly() {
        ReportRange range = new ReportRange(Instant.parse("2026-03-02T09:45:00Z"), Instant.parse("2026-03-02T10:15:00Z"),
            Interval.QUARTER_HOUR);

        assertThat(states(range, Set.of("a2"))).containsExactly(
            "2026-03-02T09:45:00Z a2 NOT_READY break 540",
            "2026-03-02T09:45:00Z a2 ON_CALL null 300",
            "2026-03-02T09:45:00Z a2 WRAP_UP null 60",
            "2026-03-02T10:00:00Z a2 NOT_READY break 360",
            "2026-03-02T10:00:00Z a2 READY null 540");
    }

    @Test
    void dayBinsFollowDaylightSavingA23HourDayInSpring() {
        // local days 28, 29 (23 hours: 00:00-24:00 London is 00:00Z-23:00Z) and 30 March (from 23:00Z the day before)
        ReportRange range = new ReportRange(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T23:00:00Z"),
            Interval.DAY, LONDON);

        assertThat(range.binStarts()).containsExactly(Instant.parse("2026-03-28T00:00:00Z"),
            Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T23:00:00Z"));
        assertThat(states(range, null)).containsExactly(
            "2026-03-28T00:00:00Z a3 READY null 43200",
            "2026-03-29T00:00:00Z a3 READY null 82800",
            "2026-03-29T23:00:00Z a3 READY null 46800");
    }

    @Test
    void dayBinsFollowDaylightSavingA25HourDayInAutumnAndTheRepeatedHourIsTwoBins() {
        ReportRange days = new ReportRange(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"),
            Interval.DAY, LONDON);
        assertThat(states(days, null)).containsExactly("2026-10-24T23:00:00Z a3 READY null 90000");

        // 01:00-02:00 local happens twice: 00:00Z (BST) and 01:00Z (GMT), two bins of an hour each
        ReportRange hours = new ReportRange(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T02:00:00Z"),
            Interval.HOUR, LONDON);
        assertThat(hours.binStarts()).containsExactly(Instant.parse("2026-10-24T23:00:00Z"),
            Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(states(hours, null)).containsExactly("2026-10-24T23:00:00Z a3 READY null 3600",
            "2026-10-25T00:00:00Z a3 READY null 3600", "2026-10-25T01:00:00Z a3 READY null 3600");
    }

    @Test
    void halfHourZonesBinHoursOnTheirOwnClock() {
        ReportRange range = new ReportRange(Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:30:00Z"),
            Interval.HOUR, ZoneId.of("Asia/Kolkata"));
        // 09:00Z is 14:30 in India: its hour started at 08:30Z
        assertThat(range.binStarts()).containsExactly(Instant.parse("2026-03-02T08:30:00Z"),
            Instant.parse("2026-03-02T09:30:00Z"));
    }

    @Test
    void queueBinsFollowTheZoneToo() throws SQLException {
        PostgresInteractionLog log = new PostgresInteractionLog(db.dataSource());
        // 23:30Z on 29 March is 00:30 on 30 March in London: the local day of the 30th
        Instant late = Instant.parse("2026-03-29T23:30:00Z");
        log.record(new InteractionRecord("dst-1", null, null, "voice", "support", "a1", late, late.plusSeconds(10),
            late.plusSeconds(70), "answered", "c-dst-1", "standard", 0L));
        try {
            assertThat(reports.queues(new ReportRange(Instant.parse("2026-03-28T00:00:00Z"),
                Instant.parse("2026-03-30T23:00:00Z"), Interval.DAY, LONDON), Duration.ofSeconds(20)))
                .extracting(r -> r.bin() + " " + r.queue() + " " + r.offered())
                .containsExactly("2026-03-29T23:00:00Z support 1");
            assertThat(reports.queues(new ReportRange(Instant.parse("2026-03-28T00:00:00Z"),
                Instant.parse("2026-03-31T00:00:00Z"), Interval.DAY), Duration.ofSeconds(20)))
                .as("in UTC the same call is on the 29th")
                .extracting(r -> r.bin() + " " + r.queue() + " " + r.offered())
                .containsExactly("2026-03-29T00:00:00Z support 1");
        } finally {
            db.execute("DELETE FROM " + db.schema + ".interactions WHERE interaction_key = 'dst-1'");
        }
    }

    @Test
    void campaignResultsPerHourWithDispositionsAndTheirValues() {
        CampaignReport report = reports.campaigns(new ReportRange(Instant.parse("2026-03-02T09:00:00Z"),
            Instant.parse("2026-03-02T11:00:00Z"), Interval.HOUR));

        assertThat(report.campaigns()).extracting(r -> r.bin() + " " + r.campaign() + " " + r.attempts() + " " + r.connects()
            + " " + r.abandoned() + " " + r.machines() + " " + r.noAnswer() + " " + r.busy() + " " + r.failed() + " "
            + r.dialling() + " " + r.connectPercent() + " " + r.dispositioned() + " " + r.value())
            .containsExactly(
                // 3 of 6 attempts connected; the sales are worth what was recorded: 100 + 150
                "2026-03-02T09:00:00Z Spring sale 6 3 0 1 1 1 0 0 50.0 3 250.00",
                "2026-03-02T09:00:00Z Renewals 2 1 0 0 0 0 1 0 50.0 1 50.00",
                // one still dialling: 1 connect of the 3 that ended
                "2026-03-02T10:00:00Z Spring sale 4 1 1 0 0 0 1 1 33.333333333333336 1 0.00");
        assertThat(report.dispositions()).extracting(r -> r.bin() + " " + r.campaign() + " " + r.disposition() + " "
            + r.label() + " " + r.count() + " " + r.value())
            .containsExactly(
                "2026-03-02T09:00:00Z Spring sale not-interested Not interested 1 0.00",
                "2026-03-02T09:00:00Z Spring sale sale Sale 2 250.00",
                "2026-03-02T09:00:00Z Renewals renewed Renewed 1 50.00",
                "2026-03-02T10:00:00Z Spring sale callback Call back 1 0.00");
    }

    @Test
    void campaignDaysInTheCentresZone() {
        // 09:00-10:30 UTC is 10:00-11:30 in Berlin: one local day, which started at 23:00Z the day before
        CampaignReport report = reports.campaigns(new ReportRange(Instant.parse("2026-03-01T23:00:00Z"),
            Instant.parse("2026-03-02T23:00:00Z"), Interval.DAY, ZoneId.of("Europe/Berlin")));
        assertThat(report.campaigns()).extracting(r -> r.bin() + " " + r.campaignId() + " " + r.attempts())
            .containsExactly("2026-03-01T23:00:00Z 1 10", "2026-03-01T23:00:00Z 2 2");
    }
}
