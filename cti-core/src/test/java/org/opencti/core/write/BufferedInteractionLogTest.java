package org.opencti.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.postgres.PostgresAgentStateLog;
import org.opencti.core.adapter.postgres.PostgresInteractionLog;
import org.opencti.core.adapter.postgres.PostgresTestSchema;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStateChange;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.queuelog.SwitchableDataSource;

/** The interaction history through a PostgreSQL outage: nothing waits, nothing is lost, nothing is written twice. */
class BufferedInteractionLogTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static PostgresTestSchema db;
    private SwitchableDataSource link;

    @BeforeAll
    static void createSchema() {
        db = new PostgresTestSchema();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.empty();
        db.truncate("agent_state_history");
        link = new SwitchableDataSource(db.dataSource());
    }

    private static InteractionRecord call(int n) {
        return new InteractionRecord("linked-" + n + "/leg-" + n, null, "+12025550143", "voice", "support", "2001",
            T0.plusSeconds(n), T0.plusSeconds(n + 5), T0.plusSeconds(n + 60), "answered");
    }

    private static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("timed out waiting for: " + what).isNegative();
            LockSupport.parkNanos(5_000_000);
        }
    }

    @Test
    void recordsMadeWhileTheDatabaseIsDownAreWrittenOnceItIsBack() {
        try (BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link))) {
            link.set(SwitchableDataSource.Mode.DOWN);
            for (int i = 0; i < 50; i++) {
                assertThat(log.record(call(i))).as("accepted at once").isTrue();
            }
            until("the writer has tried and failed", () -> log.writeFailures() >= 2);
            assertThat(db.count("interactions")).isZero();
            assertThat(log.pending()).isEqualTo(50);

            link.set(SwitchableDataSource.Mode.UP);
            until("all written", () -> log.pending() == 0);
            assertThat(db.count("interactions")).isEqualTo(50);
        }
    }

    @Test
    void whatWaitsForARowToBeStoredRunsOnlyOnceItIs() {
        try (BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link))) {
            AtomicInteger stored = new AtomicInteger();
            link.set(SwitchableDataSource.Mode.DOWN);
            assertThat(log.record(call(1), stored::incrementAndGet)).isTrue();
            until("the writer has tried and failed", () -> log.writeFailures() >= 2);
            assertThat(stored.get()).as("not stored yet: the live call must stay for a takeover").isZero();

            link.set(SwitchableDataSource.Mode.UP);
            until("the row is stored and its waiter told", () -> stored.get() >= 1);
            assertThat(db.count("interactions")).isEqualTo(1);
        }
    }

    @Test
    void theWrapUpMadeDuringAnOutageIsWrittenAfterItsCallOnceTheDatabaseIsBack() throws Exception {
        PostgresAgentStateLog states = new PostgresAgentStateLog(link);
        try (BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link), states, 1_000,
            Duration.ofSeconds(5))) {
            link.set(SwitchableDataSource.Mode.DOWN);
            log.record(AgentStateChange.of("2001", AgentState.ON_CALL, null, T0.plusSeconds(5)));
            log.record(call(3));
            log.record(AgentStateChange.of("2001", AgentState.WRAP_UP, null, T0.plusSeconds(63)));
            assertThat(log.wrapUp(new WrapUpRecord(call(3).key(), null, null, "resolved", "card replaced"))).isTrue();
            assertThat(log.wrapUp(WrapUpRecord.time(call(3).key(), null, 40))).isTrue();
            until("the writer has tried and failed", () -> log.writeFailures() >= 2);
            assertThat(db.count("interactions")).isZero();
            assertThat(log.pending()).isEqualTo(5);

            link.set(SwitchableDataSource.Mode.UP);
            until("all written", () -> log.pending() == 0);
            assertThat(log.unmatched()).as("no update came before its row").isZero();
        }
        try (Connection c = db.raw(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT disposition, notes, wrap_up_seconds FROM interactions")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1) + " " + rows.getString(2) + " " + rows.getInt(3)).isEqualTo("resolved card replaced 40");
            assertThat(rows.next()).isFalse();
        }
        assertThat(db.count("agent_state_history")).isEqualTo(2);
    }

    @Test
    void aWrapUpWithoutItsCallIsCountedAndSkipped() {
        try (BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link))) {
            log.wrapUp(WrapUpRecord.time("never-written", null, 5));
            log.record(call(4));
            until("written", () -> log.pending() == 0);
            assertThat(log.unmatched()).isEqualTo(1);
        }
        assertThat(db.count("interactions")).isEqualTo(1);
    }

    @Test
    void aReplayedRecordIsWrittenOnce() {
        try (BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link))) {
            log.record(call(1));
            log.record(call(1));
            log.record(call(2));
            until("written", () -> log.pending() == 0);
        }
        assertThat(db.count("interactions")).isEqualTo(2);
    }

    @Test
    void closingFlushesWhatIsBufferedOnceTheDatabaseReturnsWithinTheTimeout() throws Exception {
        BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link), 1_000, Duration.ofSeconds(10));
        link.set(SwitchableDataSource.Mode.DOWN);
        log.record(call(7));
        until("a failed attempt", () -> log.writeFailures() >= 1);
        Thread closer = new Thread(log::close);
        closer.start();
        link.set(SwitchableDataSource.Mode.UP);
        closer.join(15_000);
        assertThat(log.lost()).isZero();
        assertThat(db.count("interactions")).isEqualTo(1);
    }

    @Test
    void aRecordTheStoreRefusesIsSkippedAndTheRestAreWritten() {
        List<InteractionRecord> batch = new ArrayList<>(List.of(call(1), call(2)));
        InteractionRecord orphan = new InteractionRecord("orphan", 987_654L, null, "voice", null, null, T0, null, T0, "abandoned");
        batch.add(1, orphan);
        try (BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link))) {
            batch.forEach(log::record);
            until("written", () -> log.pending() == 0);
            assertThat(log.rejected()).isEqualTo(1);
        }
        assertThat(db.count("interactions")).isEqualTo(2);
    }

    @Test
    void aFullBufferRefusesAndCountsRatherThanWaiting() {
        try (BufferedInteractionLog log = new BufferedInteractionLog(new PostgresInteractionLog(link), 3, Duration.ofMillis(200))) {
            link.set(SwitchableDataSource.Mode.DOWN);
            assertThat(List.of(log.record(call(1)), log.record(call(2)), log.record(call(3)), log.record(call(4))))
                .containsExactly(true, true, true, false);
            assertThat(log.overflowed()).isEqualTo(1);
        }
    }
}
