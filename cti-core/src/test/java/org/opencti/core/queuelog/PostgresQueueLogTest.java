package org.opencti.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.queuelog.SwitchableDataSource.Mode;

class PostgresQueueLogTest extends QueueLogContract {
    private static QueueLogTestDatabase db;
    private SwitchableDataSource dataSource;
    private PostgresQueueLog log;

    @BeforeAll
    static void createSchema() {
        db = new QueueLogTestDatabase();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.empty();
        dataSource = new SwitchableDataSource(db.dataSource());
        log = new PostgresQueueLog(dataSource);
    }

    @AfterEach
    void closeLog() {
        dataSource.releaseHanging();
        log.close();
    }

    @Override
    protected QueueLog log() {
        return log;
    }

    @Override
    protected List<QueueLogEntry> stored() {
        return db.entries();
    }

    @Override
    protected boolean writesReplaysOnce() {
        return true;
    }

    private static List<QueueLogEntry> calls(int count) {
        List<QueueLogEntry> entries = new ArrayList<>();
        for (int call = 0; call < count; call++) {
            entries.addAll(answeredCall("1795338000." + call, T0.plusSeconds(call)));
        }
        return entries;
    }

    @Test
    void entriesAppendedWhilePostgresIsDownAreWrittenOnceItIsBack() {
        dataSource.set(Mode.DOWN);
        List<QueueLogEntry> entries = calls(10);

        entries.forEach(log::append);
        Await.until("a few failed attempts", () -> log.writeFailures() >= 3);
        assertThat(dataSource.refused()).isGreaterThanOrEqualTo(3);
        assertThat(db.count()).isZero();
        assertThat(log.pending()).isEqualTo(entries.size());

        dataSource.set(Mode.UP);
        Await.until("every entry in the table", () -> log.pending() == 0);
        log.close();

        assertThat(db.entries()).containsExactlyElementsOf(entries);
        assertThat(log.overflowed()).isZero();
        assertThat(log.lost()).isZero();
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostIsNotWrittenTwice() {
        dataSource.set(Mode.LOSE_NEXT_COMMIT_ACK);
        List<QueueLogEntry> entries = calls(5);

        entries.forEach(log::append);
        log.close();

        assertThat(dataSource.lostAcks()).isEqualTo(1);
        assertThat(log.writeFailures()).isGreaterThanOrEqualTo(1);
        assertThat(db.entries()).containsExactlyElementsOf(entries);
    }

    @Test
    void whenTheBufferIsFullNewEntriesAreRefusedAndCountedAndTheKeptOnesWrittenLater() {
        log.close();
        log = new PostgresQueueLog(dataSource, 3, Duration.ofSeconds(10));
        dataSource.set(Mode.DOWN);
        List<QueueLogEntry> entries = calls(2);

        entries.forEach(log::append);
        assertThat(log.overflowed()).isEqualTo(entries.size() - 3);
        assertThat(log.pending()).isEqualTo(3);

        dataSource.set(Mode.UP);
        log.close();

        assertThat(db.entries()).containsExactlyElementsOf(entries.subList(0, 3));
        assertThat(log.lost()).isZero();
    }

    @Test
    void closingWhilePostgresStaysDownGivesUpAfterTheTimeoutAndCountsTheLoss() {
        log.close();
        log = new PostgresQueueLog(dataSource, 100, Duration.ofMillis(300));
        dataSource.set(Mode.DOWN);

        calls(1).forEach(log::append);
        log.close();

        assertThat(log.lost()).isEqualTo(4);
        assertThat(db.count()).isZero();
    }

    @Test
    void appendNeverWaitsForTheDatabase() throws InterruptedException {
        dataSource.set(Mode.HANG);
        List<QueueLogEntry> entries = calls(50);
        log.append(entries.get(0));
        assertThat(dataSource.awaitHanging(10)).as("the writer is stuck in getConnection").isTrue();

        // were append to wait for the writer, this would not finish while getConnection hangs
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> entries.subList(1, entries.size()).forEach(log::append));
        assertThat(log.pending()).isEqualTo(entries.size());

        dataSource.releaseHanging();
        log.close();
        assertThat(db.entries()).containsExactlyElementsOf(entries);
    }

    @Test
    void rowsAreLaidOutLikeAsterisksRealtimeTable() throws SQLException {
        Instant precise = Instant.parse("2026-11-22T09:00:00.123456Z");
        log.append(QueueLogEntry.enterQueue(precise, "1795338000.17", "support", "", "+13125550122", 1));
        log.close();

        String sql = "SELECT to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), callid, queuename, agent,"
            + " event, data1, data2, data3, data4, data5, entry_key FROM queue_log";
        try (Connection c = db.raw(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                columns.add(row.getString(i));
            }
            assertThat(columns).containsExactly("2026-11-22 09:00:00.123456", "1795338000.17", "support", "NONE",
                "ENTERQUEUE", "", "+13125550122", "1", "", "");
            assertThat(row.getString(11)).hasSize(64).isEqualTo(PostgresQueueLog.entryKey(
                QueueLogEntry.enterQueue(precise, "1795338000.17", "support", null, "+13125550122", 1)));
            assertThat(row.next()).isFalse();
        }
    }

    @Test
    void theEntryKeyIsTheWholeEntryToTheMicrosecond() {
        QueueLogEntry pause = QueueLogEntry.pause(T0, "support", "PJSIP/1002", "lunch");

        assertThat(PostgresQueueLog.entryKey(pause))
            .isEqualTo(PostgresQueueLog.entryKey(QueueLogEntry.pause(T0.plusNanos(999), "support", "PJSIP/1002", "lunch")))
            .isNotEqualTo(PostgresQueueLog.entryKey(QueueLogEntry.pause(T0.plusNanos(1_000), "support", "PJSIP/1002",
                "lunch")))
            .isNotEqualTo(PostgresQueueLog.entryKey(QueueLogEntry.pause(T0, "billing", "PJSIP/1002", "lunch")))
            .isNotEqualTo(PostgresQueueLog.entryKey(QueueLogEntry.pause(T0, "support", "PJSIP/1002", "break")))
            .isNotEqualTo(PostgresQueueLog.entryKey(QueueLogEntry.unpause(T0, "support", "PJSIP/1002", "lunch")));
    }

    @Test
    void aRowPostgresRefusesIsSkippedAndTheRestWritten() {
        db.execute("ALTER TABLE " + db.schema + ".queue_log ADD CONSTRAINT test_refuses_poison CHECK (data1 <> 'poison')");
        try {
            List<QueueLogEntry> entries = List.of(
                QueueLogEntry.pause(T0, "support", "PJSIP/1002", "lunch"),
                QueueLogEntry.pause(T0, "support", "PJSIP/1003", "poison"),
                QueueLogEntry.pause(T0, "support", "PJSIP/1004", "break"));

            entries.forEach(log::append);
            log.close();

            assertThat(db.entries()).containsExactly(entries.get(0), entries.get(2));
            assertThat(log.rejected()).isEqualTo(1);
        } finally {
            db.execute("ALTER TABLE " + db.schema + ".queue_log DROP CONSTRAINT test_refuses_poison");
        }
    }
}
