package org.opencti.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleModesTest {
    @Test
    void previewNeverDialsByItselfOnlyOnTheAgentsDecision() {
        PreviewPacing preview = new PreviewPacing();
        assertThat(preview.linesToDial(new FloorState(10, 10, List.of(), List.of(), List.of(), 0))).isZero();
        assertThat(preview.agentDecided(PreviewPacing.Decision.DIAL)).isEqualTo(1);
        assertThat(preview.agentDecided(PreviewPacing.Decision.SKIP)).isZero();
    }

    @Test
    void progressiveDialsOneLinePerFreeAgent() {
        ProgressivePacing p = new ProgressivePacing();
        assertThat(p.linesToDial(new FloorState(10, 4, List.of(), List.of(), List.of(), 0))).isEqualTo(4);
        assertThat(p.linesToDial(new FloorState(10, 4, List.of(), List.of(), List.of(Duration.ZERO), 0))).isEqualTo(3);
        assertThat(p.linesToDial(new FloorState(10, 4, List.of(), List.of(), List.of(Duration.ZERO), 3))).isZero();
        assertThat(p.linesToDial(FloorState.empty())).isZero();
    }

    @Test
    void floorRefusesMoreAgentsThanLoggedIn() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new FloorState(2, 2, List.of(Duration.ZERO), List.of(), List.of(), 0))
            .hasMessageContaining("exceed the 2 logged in");
    }
}
