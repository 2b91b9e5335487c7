package org.opencti.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueueLogEntryTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final String CALL = "1795338000.17";

    /** One entry from each factory, as Asterisk would log them for one queue. */
    static List<QueueLogEntry> oneOfEach(Instant t) {
        return List.of(
            QueueLogEntry.queueStart(t),
            QueueLogEntry.configReload(t),
            QueueLogEntry.agentLogin(t, "1795337990.3", "Agent/1002", "PJSIP/1002-00000003"),
            QueueLogEntry.addMember(t, "support", "PJSIP/1002"),
            QueueLogEntry.enterQueue(t, CALL, "support", "", "+13125550122", 1),
            QueueLogEntry.ringNoAnswer(t, CALL, "support", "PJSIP/1001", 15_000),
            QueueLogEntry.ringCanceled(t, CALL, "support", "PJSIP/1003", 2_500),
            QueueLogEntry.connect(t, CALL, "support", "PJSIP/1002", 19, "1795338015.18", 4),
            QueueLogEntry.completeAgent(t, CALL, "support", "PJSIP/1002", 19, 90, 1),
            QueueLogEntry.completeCaller(t, CALL, "support", "PJSIP/1002", 19, 91, 1),
            QueueLogEntry.transfer(t, CALL, "support", "PJSIP/1002", "2000", "cti-inbound", 19, 30, 1),
            QueueLogEntry.blindTransfer(t, CALL, "support", "PJSIP/1002", "2000", "cti-inbound", 19, 31, 1),
            QueueLogEntry.attendedTransfer(t, CALL, "support", "PJSIP/1002", "BRIDGE", "b-42", 19, 32, 1),
            QueueLogEntry.abandon(t, CALL, "support", 2, 3, 41),
            QueueLogEntry.exitWithTimeout(t, CALL, "support", 1, 3, 300),
            QueueLogEntry.exitEmpty(t, CALL, "support", 1, 1, 0),
            QueueLogEntry.exitWithKey(t, CALL, "support", "0", 1, 2, 12),
            QueueLogEntry.pause(t, "support", "PJSIP/1002", "lunch"),
            QueueLogEntry.unpause(t, "support", "PJSIP/1002", ""),
            QueueLogEntry.pauseAll(t, "PJSIP/1002", "training"),
            QueueLogEntry.unpauseAll(t, "PJSIP/1002", null),
            QueueLogEntry.removeMember(t, "support", "PJSIP/1002"),
            QueueLogEntry.agentLogoff(t, "1795337990.3", "Agent/1002", "PJSIP/1002-00000003", 3600),
            QueueLogEntry.info(t, CALL, "support", "PJSIP/1002", "CALLERONHOLD", "5"));
    }

    @Test
    void thereIsAFactoryForEveryEvent() {
        Set<QueueLogEvent> made = oneOfEach(T0).stream().map(QueueLogEntry::event).collect(Collectors.toSet());

        assertThat(made).isEqualTo(EnumSet.allOf(QueueLogEvent.class));
    }

    @Test
    void factoriesPutTheDataWhereAsteriskPutsIt() {
        assertThat(QueueLogEntry.enterQueue(T0, CALL, "support", "http://crm/?c=1", "+13125550122", 3))
            .isEqualTo(new QueueLogEntry(T0, CALL, "support", "NONE", QueueLogEvent.ENTERQUEUE,
                List.of("http://crm/?c=1", "+13125550122", "3")));
        assertThat(QueueLogEntry.connect(T0, CALL, "support", "PJSIP/1002", 19, "1795338015.18", 4).data())
            .containsExactly("19", "1795338015.18", "4");
        assertThat(QueueLogEntry.completeAgent(T0, CALL, "support", "PJSIP/1002", 19, 90, 2).data())
            .containsExactly("19", "90", "2");
        assertThat(QueueLogEntry.abandon(T0, CALL, "support", 2, 3, 41))
            .extracting(QueueLogEntry::agent, QueueLogEntry::data)
            .containsExactly("NONE", List.of("2", "3", "41"));
        assertThat(QueueLogEntry.exitWithKey(T0, CALL, "support", "5", 1, 2, 12).data())
            .containsExactly("5", "1", "2", "12");
        assertThat(QueueLogEntry.ringNoAnswer(T0, CALL, "support", "PJSIP/1001", 15_000).data()).containsExactly("15000");
        assertThat(QueueLogEntry.transfer(T0, CALL, "support", "PJSIP/1002", "2000", "cti-inbound", 19, 30, 1).data())
            .containsExactly("2000", "cti-inbound", "19", "30", "1");
        assertThat(QueueLogEntry.pause(T0, "support", "PJSIP/1002", "lunch"))
            .extracting(QueueLogEntry::callId, QueueLogEntry::queue, QueueLogEntry::data)
            .containsExactly("NONE", "support", List.of("lunch"));
        assertThat(QueueLogEntry.pauseAll(T0, "PJSIP/1002", "training"))
            .extracting(QueueLogEntry::callId, QueueLogEntry::queue)
            .containsExactly("NONE", "NONE");
        assertThat(QueueLogEntry.queueStart(T0))
            .isEqualTo(new QueueLogEntry(T0, "NONE", "NONE", "NONE", QueueLogEvent.QUEUESTART, List.of()));
        assertThat(QueueLogEntry.agentLogoff(T0, null, "Agent/1002", "PJSIP/1002-00000003", 3600))
            .extracting(QueueLogEntry::callId, QueueLogEntry::queue, QueueLogEntry::data)
            .containsExactly("NONE", "NONE", List.of("PJSIP/1002-00000003", "3600"));
    }

    @Test
    void missingCallQueueOrAgentIsNone() {
        QueueLogEntry entry = new QueueLogEntry(T0, null, " ", "", QueueLogEvent.INFO, null);

        assertThat(entry.callId()).isEqualTo("NONE");
        assertThat(entry.queue()).isEqualTo("NONE");
        assertThat(entry.agent()).isEqualTo("NONE");
        assertThat(entry.data()).isEmpty();
    }

    @Test
    void nullDataFieldsAreEmptyAndTrailingEmptyOnesAreDropped() {
        QueueLogEntry entry = new QueueLogEntry(T0, CALL, "support", "NONE", QueueLogEvent.INFO,
            Arrays.asList(null, "x", "", null));

        assertThat(entry.data()).containsExactly("", "x");
        assertThat(QueueLogEntry.unpause(T0, "support", "PJSIP/1002", null).data()).isEmpty();
        assertThat(QueueLogEntry.info(T0, CALL, "q", "a", "1", "2", "3", "4", "5", "", "").data()).hasSize(5);
    }

    @Test
    void pipesAndLineBreaksCannotBreakTheLayout() {
        QueueLogEntry entry = new QueueLogEntry(T0, "a|b", "sup\nport", "PJSIP/1002\u2028", QueueLogEvent.INFO,
            List.of("x|y", "line\r\nbreak", "nul\u0000tab\t", "ünïcødé stays"));

        assertThat(entry.callId()).isEqualTo("a/b");
        assertThat(entry.queue()).isEqualTo("sup port");
        assertThat(entry.agent()).isEqualTo("PJSIP/1002 ");
        assertThat(entry.data()).containsExactly("x/y", "line  break", "nul tab ", "ünïcødé stays");
        assertThat(new QueueLogEntry(T0, "\n", null, null, QueueLogEvent.INFO, null).callId()).isEqualTo("NONE");
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        Instant precise = Instant.parse("2026-11-22T09:00:00.123456789Z");

        assertThat(QueueLogEntry.queueStart(precise).time()).isEqualTo(Instant.parse("2026-11-22T09:00:00.123456Z"));
    }

    @Test
    void badEntriesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> QueueLogEntry.queueStart(null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("queue_log entry needs a time");
        assertThatThrownBy(() -> new QueueLogEntry(T0, CALL, "q", "a", null, List.of()))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("queue_log entry needs an event");
        assertThatThrownBy(() -> new QueueLogEntry(T0, CALL, "q", "a", QueueLogEvent.INFO, List.of("1", "2", "3", "4",
            "5", "6")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("INFO has 6 data fields")
            .hasMessageContaining("at most 5");
    }
}
