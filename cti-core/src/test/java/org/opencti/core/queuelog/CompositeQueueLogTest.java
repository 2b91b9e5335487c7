package org.opencti.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CompositeQueueLogTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    /** A log whose store is broken: it throws on every append and on close. */
    private static final class BrokenLog implements QueueLog {
        final AtomicBoolean closeCalled = new AtomicBoolean();

        @Override
        public void append(QueueLogEntry entry) {
            throw new IllegalStateException("broken store");
        }

        @Override
        public void close() {
            closeCalled.set(true);
            throw new IllegalStateException("broken store");
        }
    }

    @Test
    public void everyLogGetsEveryEntryInOrder() {
        InMemoryQueueLog first = new InMemoryQueueLog();
        InMemoryQueueLog second = new InMemoryQueueLog();
        List<QueueLogEntry> entries = QueueLogContract.answeredCall("1795338000.17", T0);

        try (CompositeQueueLog both = new CompositeQueueLog(List.of(first, second))) {
            entries.forEach(both::append);
        }

        assertThat(first.entries()).containsExactlyElementsOf(entries);
        assertThat(second.entries()).containsExactlyElementsOf(entries);
    }

    @Test
    public void aLogThatThrowsCostsTheOthersNothingAndNeverReachesTheCaller() {
        BrokenLog broken = new BrokenLog();
        InMemoryQueueLog working = new InMemoryQueueLog();
        CompositeQueueLog both = new CompositeQueueLog(List.of(broken, working));
        List<QueueLogEntry> entries = QueueLogContract.answeredCall("1795338000.17", T0);

        assertThatCode(() -> {
            entries.forEach(both::append);
            both.close();
        }).doesNotThrowAnyException();

        assertThat(working.entries()).containsExactlyElementsOf(entries);
        assertThat(both.failures()).isEqualTo(entries.size());
        assertThat(broken.closeCalled).isTrue();
        working.append(QueueLogEntry.queueStart(T0));
        assertThat(working.entries()).as("closed through the composite").hasSize(entries.size());
    }
}
