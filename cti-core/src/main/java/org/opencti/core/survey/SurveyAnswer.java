package org.opencti.core.survey;

import java.time.Instant;
import java.util.Objects;

/** One answer of a post-call survey: a score of 1 to 5 about one call, its agent and its queue. */
public record SurveyAnswer(String callId, String agentId, String queue, String question, int score, Instant answeredAt) {
    public SurveyAnswer {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (callId.isBlank() || question.isBlank()) {
            throw new IllegalArgumentException("a survey answer needs a call id and a question");
        }
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("survey score " + score + " for " + question + " is outside 1..5");
        }
    }
}
