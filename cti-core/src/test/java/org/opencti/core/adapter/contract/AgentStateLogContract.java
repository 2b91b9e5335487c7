package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStateChange;
import org.opencti.core.port.AgentStateLog;

/** What every {@link AgentStateLog} must do: keep each change once, in the order recorded. */
public abstract class AgentStateLogContract {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    protected abstract AgentStateLog log();

    /** The stored changes as "agent state reason", in the order the store keeps them. */
    protected abstract List<String> stored();

    @Test
    public void eachChangeIsKeptOnceInTheOrderRecorded() {
        AgentStateChange ready = AgentStateChange.of("a1", AgentState.READY, null, T0);
        AgentStateChange lunch = AgentStateChange.of("a1", AgentState.NOT_READY, "lunch", T0.plusSeconds(60));

        assertThat(log().record(ready)).isTrue();
        assertThat(log().record(lunch)).isTrue();
        assertThat(log().record(ready)).as("a retried batch").isFalse();

        assertThat(stored()).containsExactly("a1 READY null", "a1 NOT_READY lunch");
    }

    @Test
    public void changesAtTheSameInstantKeepTheirOrder() {
        log().record(AgentStateChange.of("a2", AgentState.WRAP_UP, null, T0));
        log().record(AgentStateChange.of("a2", AgentState.READY, null, T0));
        log().record(AgentStateChange.of("a2", AgentState.RESERVED, null, T0));

        assertThat(stored()).containsExactly("a2 WRAP_UP null", "a2 READY null", "a2 RESERVED null");
    }

    @Test
    public void aBlankAgentIsRefused() {
        assertThatThrownBy(() -> AgentStateChange.of(" ", AgentState.READY, null, T0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agentId");
        assertThat(stored()).isEmpty();
    }
}
