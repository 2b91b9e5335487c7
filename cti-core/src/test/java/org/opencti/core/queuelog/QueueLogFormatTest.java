package org.opencti.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueLogFormatTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void readsTheExampleLineFromAsterisksDocumentation() {
        QueueLogEntry entry = QueueLogFormat.parse("1366720340|1366720340.303267|MYQUEUE|SIP/8007|RINGNOANSWER|1000");

        assertThat(entry).isEqualTo(QueueLogEntry.ringNoAnswer(Instant.ofEpochSecond(1366720340), "1366720340.303267",
            "MYQUEUE", "SIP/8007", 1000));
    }

    @Test
    void writesAPipeAfterTheEventEvenWithoutData() {
        assertThat(QueueLogFormat.line(QueueLogEntry.queueStart(T0))).isEqualTo("1795338000|NONE|NONE|NONE|QUEUESTART|");
        assertThat(QueueLogFormat.line(QueueLogEntry.enterQueue(T0, "1795338000.17", "support", null, "+13125550122", 1)))
            .isEqualTo("1795338000|1795338000.17|support|NONE|ENTERQUEUE||+13125550122|1");
    }

    @Test
    void everyFactorysEntryReadsBackFromItsLine() {
        for (QueueLogEntry entry : QueueLogEntryTest.oneOfEach(T0)) {
            assertThat(QueueLogFormat.parse(QueueLogFormat.line(entry))).as(entry.event().name()).isEqualTo(entry);
        }
    }

    @Test
    void aLineReadsBackWithItsTimeInWholeSeconds() {
        QueueLogEntry precise = QueueLogEntry.configReload(Instant.parse("2026-11-22T09:00:00.987654Z"));

        assertThat(QueueLogFormat.parse(QueueLogFormat.line(precise))).isEqualTo(QueueLogEntry.configReload(T0));
    }

    @Test
    void toleratesACarriageReturnAndAMissingTrailingPipe() {
        assertThat(QueueLogFormat.parse("1795338000|NONE|NONE|NONE|QUEUESTART|\r")).isEqualTo(QueueLogEntry.queueStart(T0));
        assertThat(QueueLogFormat.parse("1795338000|NONE|NONE|NONE|QUEUESTART")).isEqualTo(QueueLogEntry.queueStart(T0));
    }

    @Test
    void readsAWholeLogInOrder() throws IOException {
        String text = """
            1795338000|NONE|NONE|NONE|QUEUESTART|
            1795338000|1795338000.17|support|NONE|ENTERQUEUE||+13125550122|1
            1795338009|1795338000.17|support|NONE|ABANDON|1|1|9
            """;

        assertThat(QueueLogFormat.readAll(new StringReader(text))).containsExactly(
            QueueLogEntry.queueStart(T0),
            QueueLogEntry.enterQueue(T0, "1795338000.17", "support", "", "+13125550122", 1),
            QueueLogEntry.abandon(T0.plusSeconds(9), "1795338000.17", "support", 1, 1, 9));
    }

    @Test
    void errorsNameTheLineAndTheField() {
        assertError("1795338000|NONE|NONE|NONE", 5, "event", "missing");
        assertError("", 1, "time", "empty");
        assertError("2026-11-22 09:00:00|NONE|NONE|NONE|QUEUESTART|", 1, "time", "whole seconds");
        assertError("99999999999999999999|NONE|NONE|NONE|QUEUESTART|", 1, "time", "whole seconds");
        assertError("9999999999999999999|NONE|NONE|NONE|QUEUESTART|", 1, "time", "out of range");
        assertError("1795338000|NONE|NONE|NONE|queuestart|", 5, "event", "unknown event \"queuestart\"");
        assertError("1795338000|c|q|a|INFO|1|2|3|4|5|6", 11, "data6", "more than 5 data fields");

        assertThatThrownBy(() -> QueueLogFormat.readAll(new StringReader("1795338000|NONE|NONE|NONE|QUEUESTART|\n\n")))
            .hasMessage("queue_log line 2, field 1 (time): the line is empty");
    }

    private static void assertError(String line, int field, String name, String problem) {
        assertThatThrownBy(() -> QueueLogFormat.parse(line, 7))
            .as(line)
            .isInstanceOfSatisfying(QueueLogFormatException.class, e -> {
                assertThat(e.lineNumber()).isEqualTo(7);
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.fieldName()).isEqualTo(name);
            })
            .hasMessageStartingWith("queue_log line 7, field " + field + " (" + name + "): ")
            .hasMessageContaining(problem);
        assertThatThrownBy(() -> QueueLogFormat.parse(line))
            .hasMessageStartingWith("queue_log line, field " + field + " (" + name + "): ");
    }

    @Test
    void sanitisedValuesRoundTrip() {
        QueueLogEntry awkward = QueueLogEntry.info(T0, "a|b", "q\nq", "PJSIP/1002", "x|y", "line\r\nbreak");
        String line = QueueLogFormat.line(awkward);

        assertThat(line).isEqualTo("1795338000|a/b|q q|PJSIP/1002|INFO|x/y|line  break").doesNotContain("\n");
        assertThat(QueueLogFormat.parse(line)).isEqualTo(awkward);
        assertThat(List.of(line.split("\\|", -1))).hasSize(7);
    }
}
