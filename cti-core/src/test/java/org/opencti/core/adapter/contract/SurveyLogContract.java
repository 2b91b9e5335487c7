package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencti.core.port.SurveyLog;
import org.opencti.core.survey.Satisfaction;
import org.opencti.core.survey.SurveyAnswer;

/** What every survey log does, in memory or in PostgreSQL. */
public abstract class SurveyLogContract {
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    protected abstract SurveyLog log();

    @Test
    void answersAreStoredOncePerCallAndQuestion() {
        assertThat(log().record(new SurveyAnswer("c-1", "2001", "billing", "overall", 4, AT))).isTrue();
        assertThat(log().record(new SurveyAnswer("c-1", "2001", "billing", "overall", 1, AT))).as("a replay").isFalse();
        assertThat(log().record(new SurveyAnswer("c-1", "2001", "billing", "again", 5, AT))).isTrue();
        assertThat(log().byAgent()).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("2001");
            assertThat(s.answers()).isEqualTo(2);
            assertThat(s.averageScore()).isEqualTo(4.5);
            assertThat(s.index()).isEqualTo(87.5);
        });
    }

    @Test
    void satisfactionIsGroupedByAgentAndByQueue() {
        log().record(new SurveyAnswer("c-1", "2001", "billing", "overall", 5, AT));
        log().record(new SurveyAnswer("c-2", "2002", "billing", "overall", 1, AT));
        log().record(new SurveyAnswer("c-3", "2002", "support", "overall", 3, AT));
        assertThat(log().byAgent()).extracting(Satisfaction::key, Satisfaction::answers, Satisfaction::averageScore)
            .containsExactly(tuple("2001", 1L, 5.0), tuple("2002", 2L, 2.0));
        assertThat(log().byQueue()).extracting(Satisfaction::key, Satisfaction::index)
            .containsExactly(tuple("billing", 50.0), tuple("support", 50.0));
    }

    @Test
    void aScoreOutsideOneToFiveIsRefusedClearly() {
        assertThatThrownBy(() -> new SurveyAnswer("c-1", "2001", "billing", "overall", 6, AT))
            .hasMessageContaining("survey score 6 for overall is outside 1..5");
        assertThat(log().byQueue()).isEmpty();
    }
}
