package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.port.AgentStateStore;

/** What every {@link AgentStateStore} must do. A subclass hands out a store that is empty at the start of each test. */
public abstract class AgentStateStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00.123456789Z");

    protected abstract AgentStateStore store();

    @Test
    public void aPutStatusIsReadBackExactly() {
        AgentStatus ringing = new AgentStatus("1001", AgentState.RINGING, null, T0, "1732266958.17");
        AgentStatus away = new AgentStatus("1002", AgentState.NOT_READY, "lunch: back at 13:00", T0.plusSeconds(1), null);

        store().put(ringing);
        store().put(away);

        assertThat(store().get("1001")).contains(ringing);
        assertThat(store().get("1002")).contains(away);
    }

    @Test
    public void anUnknownAgentIsEmpty() {
        store().put(new AgentStatus("1001", AgentState.READY, null, T0, null));

        assertThat(store().get("9999")).isEmpty();
        assertThat(store().get("")).isEmpty();
    }

    @Test
    public void aPutReplacesTheWholeStatus() {
        store().put(new AgentStatus("1001", AgentState.ON_CALL, "outbound", T0, "call-1"));
        AgentStatus wrapUp = new AgentStatus("1001", AgentState.WRAP_UP, null, T0.plusSeconds(60), null);

        store().put(wrapUp);
        store().put(wrapUp);

        assertThat(store().get("1001")).contains(wrapUp);
        assertThat(store().all()).containsExactlyEntriesOf(Map.of("1001", wrapUp));
    }

    @Test
    public void allReturnsEveryAgentById() {
        assertThat(store().all()).isEmpty();
        Map<String, AgentStatus> expected = new HashMap<>();
        for (AgentState state : AgentState.values()) {
            AgentStatus status = new AgentStatus("agent-" + state.ordinal(), state, null, T0, null);
            store().put(status);
            expected.put(status.agentId(), status);
        }

        assertThat(store().all()).isEqualTo(expected);
    }

    @Test
    public void concurrentPutsOfDifferentAgentsAllLand() throws Exception {
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = "20" + i;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < 20; n++) {
                        store().put(new AgentStatus(id, AgentState.READY, null, T0.plusSeconds(n), null));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store().all()).hasSize(threads)
            .allSatisfy((id, status) -> assertThat(status.since()).isEqualTo(T0.plusSeconds(19)));
    }

    @Test
    public void badInputIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> store().put(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().put(new AgentStatus(" ", AgentState.READY, null, T0, null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("agent id");
        assertThatThrownBy(() -> store().get(null)).isInstanceOf(NullPointerException.class);

        assertThat(store().all()).isEmpty();
    }
}
