package org.opencti.core.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opencti.core.adapter.postgres.ReportDataSet.D1;
import static org.opencti.core.adapter.postgres.ReportDataSet.D2;
import static org.opencti.core.adapter.postgres.ReportDataSet.D3;
import static org.opencti.core.adapter.postgres.ReportDataSet.d1;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.report.AgentReport;
import org.opencti.core.report.AgentRow;
import org.opencti.core.report.AgentStateRow;
import org.opencti.core.report.FcrRow;
import org.opencti.core.report.Interval;
import org.opencti.core.report.QueueIntervalRow;
import org.opencti.core.report.ReportRange;
import org.opencti.core.report.SatisfactionRow;

/** Every report against figures computed by hand from {@link ReportDataSet} (see its table). */
class PostgresReportsTest {
    private static final double EPS = 1e-9;
    private static PostgresTestSchema db;
    private static PostgresReports reports;

    @BeforeAll
    static void load() throws Exception {
        db = new PostgresTestSchema();
        ReportDataSet.load(db);
        reports = new PostgresReports(db.dataSource());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void queuesPerDayAndTier() {
        List<QueueIntervalRow> rows = reports.queues(new ReportRange(D1, D3, Interval.DAY), Duration.ofSeconds(20));

        assertThat(rows).extracting(r -> r.bin() + " " + r.queue() + " " + r.tier()).containsExactly(
            D1 + " billing gold", D1 + " billing standard", D1 + " support gold", D1 + " support standard",
            D2 + " billing gold", D2 + " billing standard", D2 + " support standard");
        // D1 billing gold: k1 alone, waited 10 s (within 20), 300 s connected + 30 s wrap-up, 60 s hold
        expect(rows.get(0), 1, 1, 0, 0, 1, 100.0, 10.0, 330.0, 60.0, 0);
        // D1 billing standard: k2 answered after 40 s (not within), 240 + 20 wrap, transferred; k3 abandoned
        expect(rows.get(1), 2, 1, 1, 0, 0, 0.0, 40.0, 260.0, 0.0, 1);
        // D1 support gold: k4, 5 s wait, 600 + 60 wrap, 120 hold
        expect(rows.get(2), 1, 1, 0, 0, 1, 100.0, 5.0, 660.0, 120.0, 0);
        // D1 support standard: k5 (V1 row: tier from the customer, no hold measured, no wrap-up row) 25 s wait,
        // 180 s connected; k6 abandoned
        expect(rows.get(3), 2, 1, 1, 0, 0, 0.0, 25.0, 180.0, null, 0);
        // D2 billing gold: k7 15 s wait, 240 + 15, hold 30; k11 went to voicemail: left the queue. SL 1/2
        expect(rows.get(4), 2, 1, 0, 1, 1, 50.0, 15.0, 255.0, 30.0, 0);
        // D2 billing standard: k8 30 s wait, 120 + 10
        expect(rows.get(5), 1, 1, 0, 0, 0, 0.0, 30.0, 130.0, 0.0, 0);
        // D2 support standard: k9 (50 s wait, 600 + 0), k12 (20 s wait: exactly the threshold counts, 180, its wrap-up
        // row "abc" is no number and ignored), k10 abandoned. SL 1/3, ASA (50+20)/2, AHT (600+180)/2
        expect(rows.get(6), 3, 2, 1, 0, 1, 100.0 / 3, 35.0, 390.0, 0.0, 0);
    }

    @Test
    void queuesInQuarterHours() {
        List<QueueIntervalRow> rows = reports.queues(new ReportRange(d1("09:00:00"), d1("10:15:00"),
            Interval.QUARTER_HOUR), Duration.ofSeconds(20));

        // k1 09:00, k2 09:05 and k3 09:10 fall in the 09:00 bin; k4 09:20 in 09:15; k5 09:47 in 09:45; k6 10:00 in 10:00
        assertThat(rows).extracting(r -> r.bin() + " " + r.queue() + " " + r.tier() + " " + r.offered()).containsExactly(
            d1("09:00:00") + " billing gold 1", d1("09:00:00") + " billing standard 2", d1("09:15:00") + " support gold 1",
            d1("09:45:00") + " support standard 1", d1("10:00:00") + " support standard 1");
        // a higher threshold moves k2 (40 s) within target
        assertThat(reports.queues(new ReportRange(d1("09:00:00"), d1("09:15:00"), Interval.QUARTER_HOUR),
            Duration.ofSeconds(40)).get(1).serviceLevelPercent()).isEqualTo(50.0);
    }

    @Test
    void agentsOverTheFirstDay() {
        AgentReport report = reports.agents(new ReportRange(D1, D2, Interval.DAY), null);

        assertThat(report.agents()).extracting(AgentRow::agentId).containsExactly("a1", "a2");
        AgentRow a1 = report.agents().get(0);
        // k1 and k4: connected 300 + 600 = 900 s, of which hold 60 + 120 = 180, so talk 720; wrap-up 30 + 60 = 90
        assertThat(List.of(a1.handled(), a1.talkSeconds(), a1.holdSeconds(), a1.wrapSeconds())).containsExactly(2L, 720L,
            180L, 90L);
        // AHT (720 + 180 + 90) / 2 = 495
        assertThat(a1.ahtSeconds()).isEqualTo(495.0);
        // logged in 08:55-17:00 = 29,100 s, paused (lunch) 12:00-13:00 = 3,600 s: available 25,500; 990 / 25,500
        assertThat(a1.loggedInSeconds()).isEqualTo(29_100);
        assertThat(a1.pausedSeconds()).isEqualTo(3_600);
        assertThat(a1.occupancyPercent()).isCloseTo(100.0 * 990 / 25_500, within(EPS));
        // survey answers 5, 4 (c-1) and 3 (c-4): average 4, index (4 - 1) / 4 x 100 = 75
        assertThat(a1.surveyAnswers()).isEqualTo(3);
        assertThat(a1.averageScore()).isEqualTo(4.0);
        assertThat(a1.satisfactionIndex()).isEqualTo(75.0);

        AgentRow a2 = report.agents().get(1);
        // k2 (240 s, hold 0, wrap 20) and k5 (180 s, hold not measured, no wrap-up row): talk 420, AHT 440 / 2
        assertThat(List.of(a2.handled(), a2.talkSeconds(), a2.holdSeconds(), a2.wrapSeconds())).containsExactly(2L, 420L,
            0L, 20L);
        assertThat(a2.ahtSeconds()).isEqualTo(220.0);
        // logged in 09:00-18:00 = 32,400 s; paused (training) 16:00 until the logout at 18:00 = 7,200 s
        assertThat(a2.loggedInSeconds()).isEqualTo(32_400);
        assertThat(a2.pausedSeconds()).isEqualTo(7_200);
        assertThat(a2.occupancyPercent()).isCloseTo(100.0 * 440 / 25_200, within(EPS));
        // one answer, 2: index 25
        assertThat(a2.satisfactionIndex()).isEqualTo(25.0);

        Map<String, Long> states = report.states().stream()
            .collect(Collectors.toMap(s -> s.agentId() + " " + s.state(), AgentStateRow::seconds));
        // idle = available - (talk + hold + wrap): a1 25,500 - 990, a2 25,200 - 440
        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
            "a1 talk", 720L, "a1 hold", 180L, "a1 wrap-up", 90L, "a1 idle", 24_510L, "a1 paused:lunch", 3_600L,
            "a2 talk", 420L, "a2 hold", 0L, "a2 wrap-up", 20L, "a2 idle", 24_760L, "a2 paused:training", 7_200L));
    }

    @Test
    void agentStatesAreClippedToTheRangeAndCarriedInFromBeforeIt() {
        // D1 12:30-16:30: a1 was paused since 12:00 (a row before the range) until 13:00, then available to 16:30;
        // a2 logged in since 09:00, paused from 16:00. No call was answered in these hours.
        AgentReport report = reports.agents(new ReportRange(d1("12:30:00"), d1("16:30:00"), Interval.HOUR), null);

        assertThat(report.agents()).extracting(a -> a.agentId() + " " + a.loggedInSeconds() + " " + a.pausedSeconds()
            + " " + a.handled() + " " + a.occupancyPercent())
            .containsExactly("a1 14400 1800 0 0.0", "a2 14400 1800 0 0.0");
    }

    @Test
    void aSupervisorsAgentsOnly() {
        AgentReport report = reports.agents(new ReportRange(D1, D3, Interval.DAY), Set.of("a2"));

        assertThat(report.agents()).extracting(AgentRow::agentId).containsExactly("a2");
        assertThat(report.states()).allMatch(s -> s.agentId().equals("a2"));
        // over both days: k2, k5, k7, k12
        assertThat(report.agents().get(0).handled()).isEqualTo(4);
    }

    @Test
    void firstContactResolutionBesideTransfers() {
        List<FcrRow> rows = reports.firstContactResolution(new ReportRange(D1, D3, Interval.DAY), Duration.ofHours(24));

        Map<String, FcrRow> by = rows.stream().collect(Collectors.toMap(r -> r.dimension() + " " + r.key(), r -> r));
        assertThat(rows).extracting(r -> r.dimension() + " " + r.key())
            .containsExactly("all *", "queue billing", "queue support", "agent a1", "agent a2");
        // Answered: k1 k2 k4 k5 k7 k8 k9 k12 (8). Repeats within 24 h: k1 (C1 again at 09:20, k4), k2 (C2 at 09:47, k5),
        // k7 (C1 to voicemail at 12:00, k11), k9 (C2 abandoned at 11:30, k10). k4 (C1 next at D2 10:00, 24h40m later)
        // and k5 (C2 next at D2 11:00, 25h13m later) and k8 are resolved. k12 had no number: unidentified.
        // 3 resolved of 7 known; 1 transfer (k2) of 8 answered.
        expect(by.get("all *"), 8, 7, 3, 100.0 * 3 / 7, 1, 1, 12.5);
        // billing: k1 k2 k7 k8, resolved k8; k2 transferred
        expect(by.get("queue billing"), 4, 4, 1, 25.0, 0, 1, 25.0);
        // support: k4 k5 k9 k12; resolved k4 k5; k12 unidentified
        expect(by.get("queue support"), 4, 3, 2, 200.0 / 3, 1, 0, 0.0);
        // a1: k1 k4 k8 k9, resolved k4 k8
        expect(by.get("agent a1"), 4, 4, 2, 50.0, 0, 0, 0.0);
        // a2: k2 k5 k7 k12, resolved k5; k12 unidentified; k2 transferred
        expect(by.get("agent a2"), 4, 3, 1, 100.0 / 3, 1, 1, 25.0);
    }

    @Test
    void aLongerRepeatWindowResolvesFewer() {
        List<FcrRow> rows = reports.firstContactResolution(new ReportRange(D1, D3, Interval.DAY), Duration.ofHours(48));

        // within 48 h k4 (24h40m) and k5 (25h13m) are repeated too: only k8 is left
        FcrRow all = rows.stream().filter(r -> r.dimension().equals("all")).findFirst().orElseThrow();
        assertThat(all.resolved()).isEqualTo(1);
        assertThat(all.fcrPercent()).isCloseTo(100.0 / 7, within(EPS));
    }

    @Test
    void satisfactionByAgentQueueAndTierPerDay() {
        List<SatisfactionRow> rows = reports.satisfaction(new ReportRange(D1, D3, Interval.DAY));

        Map<String, String> by = rows.stream().collect(Collectors.toMap(r -> r.bin() + " " + r.dimension() + " " + r.key(),
            r -> r.answers() + " " + round(r.averageScore()) + " " + round(r.index())));
        assertThat(by).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
            // D1: a1 5, 4, 3 -> avg 4, index 75; a2 2 -> 25
            Map.entry(D1 + " agent a1", "3 4.00 75.00"), Map.entry(D1 + " agent a2", "1 2.00 25.00"),
            // billing 5, 4, 2 -> 11/3 = 3.67, index (11/3 - 1) / 4 x 100 = 66.67; support 3 -> 50
            Map.entry(D1 + " queue billing", "3 3.67 66.67"), Map.entry(D1 + " queue support", "1 3.00 50.00"),
            // gold (c-1, c-4) 5, 4, 3 -> 75; standard (c-2) 2 -> 25
            Map.entry(D1 + " tier gold", "3 4.00 75.00"), Map.entry(D1 + " tier standard", "1 2.00 25.00"),
            // D2: c-7 (a2, billing, gold) 4 -> 75; c-9 (a1, support, standard) 5 -> 100
            Map.entry(D2 + " agent a1", "1 5.00 100.00"), Map.entry(D2 + " agent a2", "1 4.00 75.00"),
            Map.entry(D2 + " queue billing", "1 4.00 75.00"), Map.entry(D2 + " queue support", "1 5.00 100.00"),
            Map.entry(D2 + " tier gold", "1 4.00 75.00"), Map.entry(D2 + " tier standard", "1 5.00 100.00")));
    }

    @Test
    void anEmptyRangeHasNoRows() {
        ReportRange before = new ReportRange(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"),
            Interval.HOUR);

        assertThat(reports.queues(before, Duration.ofSeconds(20))).isEmpty();
        assertThat(reports.agents(before, null).agents()).isEmpty();
        assertThat(reports.firstContactResolution(before, Duration.ofHours(24))).singleElement()
            .satisfies(r -> assertThat(r.answered()).isZero()).satisfies(r -> assertThat(r.fcrPercent()).isNull());
        assertThat(reports.satisfaction(before)).isEmpty();
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static void expect(QueueIntervalRow r, long offered, long answered, long abandoned, long left, long within,
                               Double sl, Double asa, Double aht, Double hold, long transfers) {
        assertThat(List.of(r.offered(), r.answered(), r.abandoned(), r.left(), r.answeredWithinThreshold(), r.transfers()))
            .as(r.toString()).containsExactly(offered, answered, abandoned, left, within, transfers);
        assertClose(r.serviceLevelPercent(), sl, r);
        assertClose(r.asaSeconds(), asa, r);
        assertClose(r.ahtSeconds(), aht, r);
        assertClose(r.averageHoldSeconds(), hold, r);
    }

    private static void expect(FcrRow r, long answered, long contacts, long resolved, Double fcr, long unidentified,
                               long transferred, Double transferPercent) {
        assertThat(List.of(r.answered(), r.contacts(), r.resolved(), r.unidentified(), r.transferred())).as(r.toString())
            .containsExactly(answered, contacts, resolved, unidentified, transferred);
        assertClose(r.fcrPercent(), fcr, r);
        assertClose(r.transferPercent(), transferPercent, r);
    }

    private static void assertClose(Double actual, Double expected, Object row) {
        if (expected == null) {
            assertThat(actual).as(row.toString()).isNull();
        } else {
            assertThat(actual).as(row.toString()).isCloseTo(expected, within(EPS));
        }
    }
}
