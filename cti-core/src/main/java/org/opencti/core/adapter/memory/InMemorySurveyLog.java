package org.opencti.core.adapter.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opencti.core.port.SurveyLog;
import org.opencti.core.survey.Satisfaction;
import org.opencti.core.survey.SurveyAnswer;

/** Survey answers in memory, for the demo and tests. */
public final class InMemorySurveyLog implements SurveyLog {
    private final Map<String, SurveyAnswer> answers = new ConcurrentHashMap<>();

    @Override
    public boolean record(SurveyAnswer answer) {
        return answers.putIfAbsent(answer.callId() + "|" + answer.question(), answer) == null;
    }

    @Override
    public List<Satisfaction> byAgent() {
        return group(SurveyAnswer::agentId);
    }

    @Override
    public List<Satisfaction> byQueue() {
        return group(SurveyAnswer::queue);
    }

    private List<Satisfaction> group(Function<SurveyAnswer, String> key) {
        Map<String, long[]> sums = new TreeMap<>();
        for (SurveyAnswer a : answers.values()) {
            String k = key.apply(a);
            if (k != null) {
                long[] s = sums.computeIfAbsent(k, x -> new long[2]);
                s[0]++;
                s[1] += a.score();
            }
        }
        List<Satisfaction> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new Satisfaction(k, s[0], (double) s[1] / s[0])));
        return out;
    }
}
