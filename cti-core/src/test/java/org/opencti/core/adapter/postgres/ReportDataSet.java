package org.opencti.core.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.survey.SurveyAnswer;

/**
 * The fixed data set the report tests compute by hand: twelve calls over two days (D1 = 2026-03-02, D2 = the next
 * day), two queues (billing, support), two tiers (gold, standard), two agents (a1, a2). Written through the real
 * adapters where there is one (interactions, survey answers), the queue_log rows as PostgresQueueLog lays them out.
 *
 * <pre>
 * key  call  queue   customer        tier      agent started   wait talk hold wrap outcome    notes
 * k1   c-1   billing C1 gold         gold      a1    D1 09:00   10  300   60   30 answered
 * k2   c-2   billing C2 standard     standard  a2    D1 09:05   40  240    0   20 answered   TRANSFER in queue_log
 * k3   c-3   billing +..03 unknown   standard  -     D1 09:10   30s wait        abandoned
 * k4   c-4   support C1              gold      a1    D1 09:20    5  600  120   60 answered
 * k5   -     support C2              (null)    a2    D1 09:47   25  180 null    - answered   written before V6
 * k6   c-6   support withheld        standard  -     D1 10:00                   abandoned
 * k7   c-7   billing C1              gold      a2    D2 10:00   15  240   30   15 answered
 * k8   c-8   billing +..03 unknown   standard  a1    D2 08:00   30  120    0   10 answered
 * k9   c-9   support C2              standard  a1    D2 11:00   50  600    0    0 answered
 * k10  c-10  support C2              standard  -     D2 11:30                   abandoned
 * k11  c-11  billing C1              gold      -     D2 12:00                   voicemail
 * k12  c-12  support withheld        standard  a2    D2 13:00   20  180    0    - answered   WRAPUP "abc": ignored
 * </pre>
 * "talk" here is the whole connected span (answered to ended), hold included.
 *
 * <p>Agent states (queue_log, one row per queue as Asterisk writes them): a1 ADDMEMBER D1 08:55, PAUSE lunch
 * 12:00, UNPAUSE 13:00, REMOVEMEMBER 17:00; a2 ADDMEMBER D1 09:00, PAUSE training 16:00, REMOVEMEMBER 18:00
 * (no UNPAUSE: logged out while paused); on D2 a1 07:30-16:30 and a2 07:00-15:00.
 *
 * <p>Survey answers: c-1 a1 billing 5 and 4 (D1 09:06), c-2 a2 billing 2 (D1 09:10), c-4 a1 support 3 (D1 09:31),
 * c-7 a2 billing 4 (D2 10:05), c-9 a1 support 5 (D2 11:11).
 */
final class ReportDataSet {
    static final Instant D1 = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant D2 = Instant.parse("2026-03-03T00:00:00Z");
    static final Instant D3 = Instant.parse("2026-03-04T00:00:00Z");
    static final long C1 = 1;
    static final long C2 = 2;
    static final String UNKNOWN = "+4915550000003";

    private ReportDataSet() {
    }

    static Instant d1(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    static Instant d2(String time) {
        return Instant.parse("2026-03-03T" + time + "Z");
    }

    /** Into a fresh schema. */
    static void load(PostgresTestSchema db) throws SQLException {
        db.execute("INSERT INTO " + db.schema + ".customers (id, first_name, last_name, tier) VALUES"
            + " (1, 'Carla', 'Gold', 'gold'), (2, 'Chris', 'Standard', 'standard')");
        PostgresInteractionLog history = new PostgresInteractionLog(db.dataSource());
        history.record(answered("k1", "c-1", C1, "+4915550000001", "billing", "gold", "a1", d1("09:00:00"), 10, 300, 60L));
        history.record(answered("k2", "c-2", C2, "+4915550000002", "billing", "standard", "a2", d1("09:05:00"), 40, 240, 0L));
        history.record(missed("k3", "c-3", null, UNKNOWN, "billing", "standard", d1("09:10:00"), 30, "abandoned"));
        history.record(answered("k4", "c-4", C1, "+4915550000001", "support", "gold", "a1", d1("09:20:00"), 5, 600, 120L));
        // as V1 wrote it: no call id, no tier (the customer's is used), no hold time
        history.record(new InteractionRecord("k5", C2, "+4915550000002", "voice", "support", "a2", d1("09:47:00"),
            d1("09:47:25"), d1("09:50:25"), "answered"));
        history.record(missed("k6", "c-6", null, null, "support", "standard", d1("10:00:00"), 60, "abandoned"));
        history.record(answered("k7", "c-7", C1, "+4915550000001", "billing", "gold", "a2", d2("10:00:00"), 15, 240, 30L));
        history.record(answered("k8", "c-8", null, UNKNOWN, "billing", "standard", "a1", d2("08:00:00"), 30, 120, 0L));
        history.record(answered("k9", "c-9", C2, "+4915550000002", "support", "standard", "a1", d2("11:00:00"), 50, 600, 0L));
        history.record(missed("k10", "c-10", C2, "+4915550000002", "support", "standard", d2("11:30:00"), 60, "abandoned"));
        history.record(missed("k11", "c-11", C1, "+4915550000001", "billing", "gold", d2("12:00:00"), 120, "voicemail"));
        history.record(answered("k12", "c-12", null, "", "support", "standard", "a2", d2("13:00:00"), 20, 180, 0L));

        try (Connection c = db.raw()) {
            log(c, d1("09:09:40"), "c-2", "billing", "a2", "TRANSFER", "2001", "cti-internal");
            wrap(c, d1("09:05:40"), "c-1", "billing", "a1", "30");
            wrap(c, d1("09:10:00"), "c-2", "billing", "a2", "20");
            wrap(c, d1("09:31:05"), "c-4", "support", "a1", "60");
            wrap(c, d2("10:04:30"), "c-7", "billing", "a2", "15");
            wrap(c, d2("08:02:40"), "c-8", "billing", "a1", "10");
            wrap(c, d2("11:10:50"), "c-9", "support", "a1", "0");
            wrap(c, d2("13:03:20"), "c-12", "support", "a2", "abc");
            // rows the reports do not read, as the ACD writes them around a call
            log(c, d1("09:00:00"), "c-1", "billing", "NONE", "ENTERQUEUE", "", "+4915550000001", "1");
            log(c, d1("09:00:10"), "c-1", "billing", "a1", "CONNECT", "10", "1700000000.1", "2");

            states(c, d1("08:55:00"), "a1", "ADDMEMBER", "");
            states(c, d1("12:00:00"), "a1", "PAUSE", "lunch");
            states(c, d1("13:00:00"), "a1", "UNPAUSE", "lunch");
            states(c, d1("17:00:00"), "a1", "REMOVEMEMBER", "");
            states(c, d1("09:00:00"), "a2", "ADDMEMBER", "");
            states(c, d1("16:00:00"), "a2", "PAUSE", "training");
            states(c, d1("18:00:00"), "a2", "REMOVEMEMBER", "");
            states(c, d2("07:30:00"), "a1", "ADDMEMBER", "");
            states(c, d2("16:30:00"), "a1", "REMOVEMEMBER", "");
            states(c, d2("07:00:00"), "a2", "ADDMEMBER", "");
            states(c, d2("15:00:00"), "a2", "REMOVEMEMBER", "");
        }

        PostgresSurveyLog surveys = new PostgresSurveyLog(db.dataSource());
        surveys.record(new SurveyAnswer("c-1", "a1", "billing", "q1", 5, d1("09:06:00")));
        surveys.record(new SurveyAnswer("c-1", "a1", "billing", "q2", 4, d1("09:06:00")));
        surveys.record(new SurveyAnswer("c-2", "a2", "billing", "q1", 2, d1("09:10:00")));
        surveys.record(new SurveyAnswer("c-4", "a1", "support", "q1", 3, d1("09:31:00")));
        surveys.record(new SurveyAnswer("c-7", "a2", "billing", "q1", 4, d2("10:05:00")));
        surveys.record(new SurveyAnswer("c-9", "a1", "support", "q1", 5, d2("11:11:00")));
    }

    private static InteractionRecord answered(String key, String callId, Long customer, String number, String queue,
                                              String tier, String agent, Instant started, int wait, int talk, Long hold) {
        Instant answered = started.plusSeconds(wait);
        return new InteractionRecord(key, customer, number, "voice", queue, agent, started, answered,
            answered.plusSeconds(talk), "answered", callId, tier, hold);
    }

    private static InteractionRecord missed(String key, String callId, Long customer, String number, String queue,
                                            String tier, Instant started, int seconds, String outcome) {
        return new InteractionRecord(key, customer, number, "voice", queue, null, started, null,
            started.plusSeconds(seconds), outcome, callId, tier, null);
    }

    private static void wrap(Connection c, Instant at, String callId, String queue, String agent, String seconds)
        throws SQLException {
        log(c, at, callId, queue, agent, "INFO", "WRAPUP", seconds);
    }

    /** Asterisk writes member and pause rows once per queue: the agent serves both queues. */
    private static void states(Connection c, Instant at, String agent, String event, String reason) throws SQLException {
        for (String queue : new String[] {"billing", "support"}) {
            log(c, at, "NONE", queue, agent, event, reason);
        }
    }

    private static void log(Connection c, Instant at, String callId, String queue, String agent, String event,
                            String... data) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO queue_log (time, callid, queuename, agent, event,"
            + " data1, data2, data3, entry_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, at.atOffset(ZoneOffset.UTC));
            s.setString(2, callId);
            s.setString(3, queue);
            s.setString(4, agent);
            s.setString(5, event);
            for (int i = 0; i < 3; i++) {
                s.setString(6 + i, i < data.length ? data[i] : "");
            }
            s.setString(9, UUID.randomUUID().toString());
            s.executeUpdate();
        }
    }
}
