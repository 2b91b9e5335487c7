package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencti.core.customer.Customer;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.InteractionSummary;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.port.CustomerDirectory;
import org.opencti.core.port.InteractionLog;

/**
 * What every {@link InteractionLog} must do: write each key once, however often and from however many threads it
 * is replayed. A subclass hands out the log, a directory that shows its interactions, and a count of stored rows,
 * all empty at the start of each test.
 */
public abstract class InteractionLogContract {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final int THREADS = 8;

    protected abstract InteractionLog log();

    protected abstract CustomerDirectory directory();

    /** How many interactions are stored, by the adapter's own means. */
    protected abstract int storedInteractions();

    private Customer customer() {
        return directory().save(new Customer(0, "Mr", "David", "Chen", "Silver", "AC-7", List.of("+13125550122")));
    }

    private static InteractionRecord interaction(String key, Long customerId, String outcome) {
        return new InteractionRecord(key, customerId, "+13125550122", "PJSIP/trunk-0007", "support", "1002",
            T0, T0.plusSeconds(4), T0.plusSeconds(90), outcome);
    }

    private List<InteractionSummary> historyOf() {
        return directory().findByPhone("+13125550122", 10).orElseThrow().recentInteractions();
    }

    @Test
    public void theFirstRecordIsWrittenAndAReplayChangesNothing() {
        long id = customer().id();

        assertThat(log().record(interaction("1732266958.17/1732266960.21", id, "ANSWERED"))).isTrue();
        assertThat(log().record(interaction("1732266958.17/1732266960.21", id, "ABANDONED"))).isFalse();
        assertThat(log().record(interaction("1732266958.17/1732266960.21", id, "ANSWERED"))).isFalse();

        assertThat(storedInteractions()).isEqualTo(1);
        assertThat(historyOf()).singleElement()
            .isEqualTo(new InteractionSummary(T0, "PJSIP/trunk-0007", "support", "1002", "ANSWERED", null));
    }

    @Test
    public void distinctKeysAreEachWritten() {
        long id = customer().id();

        assertThat(log().record(interaction("call-1", id, "ANSWERED"))).isTrue();
        assertThat(log().record(interaction("call-2", id, "ANSWERED"))).isTrue();
        assertThat(log().record(interaction("call-3", null, "ABANDONED"))).isTrue();

        assertThat(storedInteractions()).isEqualTo(3);
        assertThat(historyOf()).hasSize(2);
    }

    @Test
    public void concurrentReplaysOfOneKeyWriteExactlyOnce() throws Exception {
        long id = customer().id();
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String outcome = "OUTCOME-" + i;
                Callable<Boolean> replay = () -> {
                    ready.countDown();
                    go.await();
                    return log().record(interaction("same-call", id, outcome));
                };
                results.add(pool.submit(replay));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int written = 0;
            for (Future<Boolean> result : results) {
                if (result.get(10, TimeUnit.SECONDS)) {
                    written++;
                }
            }
            assertThat(written).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedInteractions()).isEqualTo(1);
        assertThat(historyOf()).singleElement().extracting(InteractionSummary::disposition).asString()
            .startsWith("OUTCOME-");
    }

    /** A call as the ACD writes it at hangup: IVR path and data, recording, no after-call work yet. */
    private static InteractionRecord fromTheIvr(String key, Long customerId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("CTI_INTENT", "refund");
        data.put("CTI_ACCOUNT", "AC-7");
        return new InteractionRecord(key, customerId, "+13125550122", "voice", "billing", "1002", T0, T0.plusSeconds(4),
            T0.plusSeconds(90), "answered", null, "c-7", "Silver", 0L, null, "main>billing>refund", data, "c-7.wav", null, null);
    }

    @Test
    public void theAfterCallWorkIsAddedToTheRowAndThePopShowsItWithTheIvrPath() {
        long id = customer().id();
        assertThat(log().record(fromTheIvr("L7/A7", id))).isTrue();

        assertThat(log().wrapUp(new WrapUpRecord("L7/A7", id, null, "refund-issued", "Refund of 20 EUR sent"))).isTrue();
        assertThat(log().wrapUp(WrapUpRecord.time("L7/A7", id, 42))).isTrue();

        assertThat(historyOf()).singleElement().isEqualTo(new InteractionSummary(T0, "voice", "billing", "1002",
            "refund-issued", "Refund of 20 EUR sent", "main>billing>refund"));
    }

    @Test
    public void aReplayedCallAndWrapUpAreStoredOnceAndTheWrapUpSurvivesTheReplay() {
        long id = customer().id();
        log().record(fromTheIvr("L8/A8", id));
        log().wrapUp(new WrapUpRecord("L8/A8", id, 30L, "resolved", "done"));

        // the same PBX events again: the call as written at hangup, then the same after-call work
        assertThat(log().record(fromTheIvr("L8/A8", id))).isFalse();
        assertThat(log().wrapUp(new WrapUpRecord("L8/A8", id, 30L, "resolved", "done"))).isTrue();

        assertThat(storedInteractions()).isEqualTo(1);
        assertThat(historyOf()).singleElement().extracting(InteractionSummary::disposition, InteractionSummary::notes)
            .containsExactly("resolved", "done");
    }

    @Test
    public void aWrapUpForNoStoredInteractionChangesNothing() {
        assertThat(log().wrapUp(new WrapUpRecord("never-written", null, 5L, "resolved", null))).isFalse();
        assertThat(storedInteractions()).isZero();
    }

    @Test
    public void aPinTheDialplanPutInTheIvrDataIsNeverKept() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("CTI_INTENT", "balance");
        data.put("CTI_PIN", "1234");
        data.put("pin_entered", "1234");
        data.put("CTI_PINCODE", "1234");
        data.put("CTI_SHIPPING", "express");
        InteractionRecord r = new InteractionRecord("k", null, null, "voice", "billing", null, T0, null, T0, "abandoned", null,
            null, null, null, null, "main", data, null, null, null);
        assertThat(r.ivrData()).containsExactly(Map.entry("CTI_INTENT", "balance"), Map.entry("CTI_SHIPPING", "express"));
    }

    @Test
    public void badRecordsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> log().record(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> log().record(interaction(" ", null, "ANSWERED")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("key");
        assertThatThrownBy(() -> interaction(null, null, "ANSWERED"))
            .isInstanceOf(NullPointerException.class)
            .hasMessageContaining("key");

        assertThat(storedInteractions()).isZero();
    }
}
