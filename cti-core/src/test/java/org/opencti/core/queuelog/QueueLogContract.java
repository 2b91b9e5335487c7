package org.opencti.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QueueLog} must do. A subclass hands out a fresh, empty log per test (and closes it after), and
 * reads back what its store holds, by the store's own means. Times here are whole seconds, which every store keeps
 * exactly (the file keeps no more).
 */
public abstract class QueueLogContract {
    protected static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    /** This test's log, empty at the start. */
    protected abstract QueueLog log();

    /** What the store holds, in stored order; called after {@link QueueLog#close}. */
    protected abstract List<QueueLogEntry> stored() throws Exception;

    /** True when appending an entry that is already stored writes nothing. */
    protected abstract boolean writesReplaysOnce();

    /** One answered call as the ACD logs it: queued, a ring without answer, connected, the caller hangs up. */
    protected static List<QueueLogEntry> answeredCall(String callId, Instant start) {
        return List.of(
            QueueLogEntry.enterQueue(start, callId, "support", "", "+13125550122", 1),
            QueueLogEntry.ringNoAnswer(start.plusSeconds(15), callId, "support", "PJSIP/1001", 15_000),
            QueueLogEntry.connect(start.plusSeconds(19), callId, "support", "PJSIP/1002", 19, callId + "-agent", 4),
            QueueLogEntry.completeCaller(start.plusSeconds(109), callId, "support", "PJSIP/1002", 19, 90, 1));
    }

    @Test
    public void appendedEntriesAreStoredInOrder() throws Exception {
        List<QueueLogEntry> appended = new ArrayList<>();
        appended.add(QueueLogEntry.queueStart(T0));
        appended.add(QueueLogEntry.addMember(T0, "support", "PJSIP/1002"));
        appended.add(QueueLogEntry.unpause(T0, "support", "PJSIP/1002", ""));
        for (int call = 0; call < 20; call++) {
            appended.addAll(answeredCall("1795338000." + call, T0.plusSeconds(call)));
        }
        appended.add(QueueLogEntry.abandon(T0.plusSeconds(30), "1795338030.99", "billing", 2, 3, 41));
        appended.add(QueueLogEntry.pause(T0.plusSeconds(31), "support", "PJSIP/1002", "lunch"));

        appended.forEach(log()::append);
        log().close();

        assertThat(stored()).containsExactlyElementsOf(appended);
    }

    @Test
    public void aReplayIsWrittenOnceOrKeptAsTheAdapterDocuments() throws Exception {
        QueueLogEntry enter = QueueLogEntry.enterQueue(T0, "1795338000.17", "support", "", "+13125550122", 1);
        QueueLogEntry abandon = QueueLogEntry.abandon(T0.plusSeconds(9), "1795338000.17", "support", 1, 1, 9);

        log().append(enter);
        log().append(enter);
        log().append(abandon);
        log().append(new QueueLogEntry(T0, "1795338000.17", "support", null, QueueLogEvent.ENTERQUEUE,
            List.of("", "+13125550122", "1")));
        log().close();

        if (writesReplaysOnce()) {
            assertThat(stored()).containsExactly(enter, abandon);
        } else {
            assertThat(stored()).containsExactly(enter, enter, abandon, enter);
        }
    }

    @Test
    public void entriesThatDifferInAnyFieldAreAllStored() throws Exception {
        List<QueueLogEntry> appended = List.of(
            QueueLogEntry.pause(T0, "support", "PJSIP/1002", "break"),
            QueueLogEntry.pause(T0, "billing", "PJSIP/1002", "break"),
            QueueLogEntry.pause(T0, "billing", "PJSIP/1003", "break"),
            QueueLogEntry.info(T0, "1795338000.17", "support", "NONE", "CALLERONHOLD", "1"),
            QueueLogEntry.info(T0, "1795338000.17", "support", "NONE", "CALLERONHOLD", "2"),
            QueueLogEntry.info(T0.plusSeconds(1), "1795338000.17", "support", "NONE", "CALLERONHOLD", "2"));

        appended.forEach(log()::append);
        log().close();

        assertThat(stored()).containsExactlyElementsOf(appended);
    }

    @Test
    public void valuesThatWouldBreakTheLayoutAreStoredMadeSafe() throws Exception {
        QueueLogEntry awkward = QueueLogEntry.enterQueue(T0, "1795338000.17", "sup|port", "http://x/?a=1|b=2",
            "\"Doe|John\"\r\n<+13125550122>", 1);

        log().append(awkward);
        log().close();

        assertThat(stored()).singleElement().satisfies(entry -> {
            assertThat(entry).isEqualTo(awkward);
            assertThat(entry.queue()).isEqualTo("sup/port");
            assertThat(entry.data()).containsExactly("http://x/?a=1/b=2", "\"Doe/John\"  <+13125550122>", "1");
        });
    }

    @Test
    public void concurrentAppendersEachKeepTheirOrder() throws Exception {
        int threads = 4;
        int perThread = 250;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String callId = "thread-" + t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        log().append(QueueLogEntry.info(T0, callId, "support", "NONE", "SEQ", Integer.toString(i)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        log().close();

        List<QueueLogEntry> stored = stored();
        assertThat(stored).hasSize(threads * perThread);
        for (int t = 0; t < threads; t++) {
            String callId = "thread-" + t;
            assertThat(stored.stream().filter(e -> e.callId().equals(callId)).map(e -> Integer.parseInt(e.data().get(1))))
                .as("order of %s", callId)
                .isSorted()
                .hasSize(perThread);
        }
    }

    @Test
    public void badEntriesAreRefusedWhenBuiltAndNothingIsStored() throws Exception {
        assertThatThrownBy(() -> new QueueLogEntry(null, "c", "q", "a", QueueLogEvent.CONNECT, List.of()))
            .isInstanceOf(NullPointerException.class)
            .hasMessageContaining("time");
        assertThatThrownBy(() -> new QueueLogEntry(T0, "c", "q", "a", null, List.of()))
            .isInstanceOf(NullPointerException.class)
            .hasMessageContaining("event");
        assertThatThrownBy(() -> QueueLogEntry.info(T0, "c", "q", "a", "1", "2", "3", "4", "5", "6"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("INFO has 6 data fields");
        assertThatThrownBy(() -> log().append(null)).isInstanceOf(NullPointerException.class);

        log().close();

        assertThat(stored()).isEmpty();
    }

    @Test
    public void appendsAfterCloseAreIgnoredWithoutThrowing() throws Exception {
        QueueLogEntry before = QueueLogEntry.queueStart(T0);
        log().append(before);
        log().close();

        assertThatCode(() -> {
            log().append(QueueLogEntry.configReload(T0.plusSeconds(1)));
            log().close();
        }).doesNotThrowAnyException();

        assertThat(stored()).containsExactly(before);
    }
}
