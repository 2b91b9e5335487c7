package org.opencti.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWriterFailureTest {

    @Test
    void aSinkThatFailsWithAnAssertionErrorIsRetriedLikeAnyFailureAndNothingIsLost() throws Exception {
        List<String> stored = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        BackgroundWriter<String> writer = new BackgroundWriter<>("test-writer", "test rows", 100, Duration.ofSeconds(5), batch -> {
            if (calls.incrementAndGet() == 1) {
                // what the PostgreSQL driver throws (with -ea) when its connection is cut mid-batch
                throw new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
            }
            stored.addAll(batch);
        }, item -> item);
        writer.start();
        writer.submit("a");
        writer.submit("b");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // the retry comes after a short back-off; await it (bounded), never a fixed sleep
        while (stored.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        writer.close();
        assertThat(stored).containsExactly("a", "b");
        assertThat(writer.writeFailures()).isEqualTo(1);
        assertThat(writer.lost()).isZero();
    }
}
