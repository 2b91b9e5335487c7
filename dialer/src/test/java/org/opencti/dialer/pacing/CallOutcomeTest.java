package org.opencti.dialer.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallOutcomeTest {
    @Test
    void peopleAndUncertainAnswersNeedAnAgentMachinesDoNot() {
        assertThat(Arrays.stream(CallOutcome.values()).filter(CallOutcome::needsAgent))
            .containsExactlyInAnyOrder(CallOutcome.LIVE_ANSWER, CallOutcome.AMD_HUMAN, CallOutcome.AMD_NOT_SURE);
        assertThat(CallOutcome.AMD_MACHINE.answered()).isTrue();
        assertThat(CallOutcome.BUSY.answered()).isFalse();
    }

    @Test
    void noAnswerMustHaveRungFifteenSeconds() {
        assertThat(CallOutcome.unanswered(Duration.ofSeconds(15))).isEqualTo(CallOutcome.NO_ANSWER);
        assertThatThrownBy(() -> CallOutcome.unanswered(Duration.ofMillis(14_999)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 15 s");
    }

    @Test
    void settingsRefuseALimitOverThreePercentOrAConnectOverTwoSeconds() {
        assertThatThrownBy(() -> new PacingSettings(DialMode.PREDICTIVE, 0.031, 0.8, 4, Duration.ofSeconds(2)))
            .hasMessageContaining("abandon limit");
        assertThatThrownBy(() -> new PacingSettings(DialMode.PREDICTIVE, 0.03, 0.8, 4, Duration.ofSeconds(3)))
            .hasMessageContaining("connect deadline");
    }
}
