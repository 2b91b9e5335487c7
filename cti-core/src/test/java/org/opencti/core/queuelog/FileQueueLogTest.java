package org.opencti.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileQueueLogTest extends QueueLogContract {
    @TempDir
    Path dir;
    private Path file;
    private FileQueueLog log;

    @BeforeEach
    void fresh() {
        file = dir.resolve("queue_log");
        log = new FileQueueLog(file);
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Override
    protected QueueLog log() {
        return log;
    }

    @Override
    protected List<QueueLogEntry> stored() throws IOException {
        return QueueLogFormat.readAll(file);
    }

    @Override
    protected boolean writesReplaysOnce() {
        return false;
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void linesAreInAsterisksLayout() throws IOException {
        List<QueueLogEntry> entries = List.of(
            QueueLogEntry.queueStart(T0),
            QueueLogEntry.addMember(T0, "support", "PJSIP/1002"),
            QueueLogEntry.enterQueue(T0, "1795338000.17", "support", "", "+13125550122", 1),
            QueueLogEntry.ringNoAnswer(T0.plusSeconds(15), "1795338000.17", "support", "PJSIP/1001", 15_000),
            QueueLogEntry.connect(T0.plusSeconds(19), "1795338000.17", "support", "PJSIP/1002", 19, "1795338015.18", 4),
            QueueLogEntry.completeCaller(T0.plusSeconds(109), "1795338000.17", "support", "PJSIP/1002", 19, 90, 1),
            QueueLogEntry.pause(T0.plusSeconds(120), "support", "PJSIP/1002", "lunch"),
            QueueLogEntry.abandon(T0.plusSeconds(130), "1795338125.20", "support", 1, 1, 5));

        entries.forEach(log::append);
        log.close();

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
            1795338000|NONE|NONE|NONE|QUEUESTART|
            1795338000|NONE|support|PJSIP/1002|ADDMEMBER|
            1795338000|1795338000.17|support|NONE|ENTERQUEUE||+13125550122|1
            1795338015|1795338000.17|support|PJSIP/1001|RINGNOANSWER|15000
            1795338019|1795338000.17|support|PJSIP/1002|CONNECT|19|1795338015.18|4
            1795338109|1795338000.17|support|PJSIP/1002|COMPLETECALLER|19|90|1
            1795338120|NONE|support|PJSIP/1002|PAUSE|lunch
            1795338130|1795338125.20|support|NONE|ABANDON|1|1|5
            """);
        assertThat(QueueLogFormat.readAll(file)).containsExactlyElementsOf(entries);
    }

    @Test
    void aWholeFileReadsBackAsWritten() throws IOException {
        List<QueueLogEntry> entries = QueueLogEntryTest.oneOfEach(T0);

        entries.forEach(log::append);
        log.close();

        assertThat(QueueLogFormat.readAll(file)).containsExactlyElementsOf(entries);
    }

    @Test
    void timesAreWrittenInWholeSecondsAsAsteriskDoes() throws IOException {
        log.append(QueueLogEntry.queueStart(T0.plusMillis(999)));
        log.close();

        assertThat(QueueLogFormat.readAll(file)).containsExactly(QueueLogEntry.queueStart(T0));
    }

    @Test
    void aRotatedFileIsNoticedAndNewLinesGoToANewFileAtThePath() throws IOException {
        List<QueueLogEntry> call = answeredCall("1795338000.17", T0);
        log.append(call.get(0));
        log.append(call.get(1));
        Await.until("the first two lines", () -> lines(file).size() == 2);

        Path rotated = dir.resolve("queue_log.1");
        Files.move(file, rotated);
        log.append(call.get(2));
        log.append(call.get(3));
        Await.until("a new file with the next two lines", () -> lines(file).size() == 2);
        log.close();

        assertThat(QueueLogFormat.readAll(rotated)).containsExactly(call.get(0), call.get(1));
        assertThat(QueueLogFormat.readAll(file)).containsExactly(call.get(2), call.get(3));
        assertThat(log.reopens()).isEqualTo(1);
    }

    @Test
    void aDeletedFileIsCreatedAgain() throws IOException {
        log.append(QueueLogEntry.queueStart(T0));
        Await.until("the first line", () -> lines(file).size() == 1);

        Files.delete(file);
        QueueLogEntry after = QueueLogEntry.configReload(T0.plusSeconds(1));
        log.append(after);
        log.close();

        assertThat(QueueLogFormat.readAll(file)).containsExactly(after);
    }

    @Test
    void reopenOnRequestKeepsAppendingToTheSameFile() throws IOException {
        List<QueueLogEntry> call = answeredCall("1795338000.17", T0);
        log.append(call.get(0));
        Await.until("the first line", () -> lines(file).size() == 1);

        log.reopen();
        log.append(call.get(1));
        log.close();

        assertThat(log.reopens()).isEqualTo(1);
        assertThat(QueueLogFormat.readAll(file)).containsExactly(call.get(0), call.get(1));
    }

    @Test
    void writeErrorsAreCountedNotThrownAndTheLinesAreWrittenWhenThePathWorksAgain() throws IOException {
        List<QueueLogEntry> call = answeredCall("1795338000.17", T0);
        log.append(call.get(0));
        Await.until("the first line", () -> lines(file).size() == 1);

        Files.move(file, dir.resolve("queue_log.1"));
        Files.createDirectory(file);
        log.append(call.get(1));
        log.append(call.get(2));
        Await.until("two failed writes", () -> log.writeFailures() >= 2);
        assertThat(log.pending()).isEqualTo(2);

        Files.delete(file);
        Await.until("the waiting lines written", () -> log.pending() == 0);
        log.close();

        assertThat(QueueLogFormat.readAll(file)).containsExactly(call.get(1), call.get(2));
        assertThat(log.lost()).isZero();
    }

    @Test
    void aPathThatCannotBeOpenedFailsAtConstruction() throws IOException {
        Path plainFile = Files.createFile(dir.resolve("not-a-directory"));

        assertThatThrownBy(() -> new FileQueueLog(plainFile.resolve("queue_log")))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("not-a-directory");
    }

    @Test
    void aFullBufferRefusesAndCountsInsteadOfBlocking() throws IOException {
        log.close();
        Path blocked = dir.resolve("blocked");
        Files.createDirectory(blocked);
        // a path that becomes a directory once opened: writes fail until it is removed, so entries stay waiting
        FileQueueLog small = new FileQueueLog(blocked.resolve("queue_log"), 2, Duration.ofMillis(200));
        try {
            Files.move(blocked.resolve("queue_log"), blocked.resolve("moved"));
            Files.createDirectory(blocked.resolve("queue_log"));
            for (int i = 0; i < 5; i++) {
                small.append(QueueLogEntry.info(T0, "c" + i, "support", "NONE", "N"));
            }
            assertThat(small.overflowed()).isEqualTo(3);
            assertThat(small.pending()).isEqualTo(2);
        } finally {
            small.close();
        }
        assertThat(small.lost()).isEqualTo(2);
    }

    @Test
    void aBadLineIsReportedByNumberAndField() throws IOException {
        Files.write(file, List.of(
            "1795338000|NONE|NONE|NONE|QUEUESTART|",
            "1795338000|1795338000.17|support|NONE|ENTERQUEUE||+13125550122|1",
            "1795338015|1795338000.17|support|PJSIP/1001|RINGNOANSWERED|15000"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> QueueLogFormat.readAll(file))
            .isInstanceOfSatisfying(QueueLogFormatException.class, e -> {
                assertThat(e.lineNumber()).isEqualTo(3);
                assertThat(e.field()).isEqualTo(5);
                assertThat(e.fieldName()).isEqualTo("event");
            })
            .hasMessageContaining("line 3, field 5 (event)")
            .hasMessageContaining("RINGNOANSWERED");
    }
}
