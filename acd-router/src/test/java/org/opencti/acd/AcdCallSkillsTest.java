package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencti.acd.routing.AgentSelection;
import org.opencti.acd.routing.PriorityWeights;
import org.opencti.acd.routing.QueueRules;
import org.opencti.acd.routing.RequirementStep;

/**
 * The language a caller chose in the IVR, and the skills it named, travel on the channel (CTI_LANGUAGE, CTI_SKILLS) and
 * narrow who may take the call for a minute. 2001 speaks English only and has been idle longest; 2002 speaks Spanish.
 */
class AcdCallSkillsTest {
    private static final CallSkillPolicy POLICY = new CallSkillPolicy(Map.of("es", new SkillRequirement("spanish", 5)),
        Set.of("support", "spanish", "billing"), Duration.ofSeconds(60));
    private static final QueueSetup SUPPORT = new QueueSetup(new QueueRules("support",
        List.of(RequirementStep.of(Duration.ZERO, new SkillRequirement("support", 1))), AgentSelection.LONGEST_IDLE, null,
        PriorityWeights.waitTimeOnly()), Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofSeconds(15), null, null, null, null);

    private static AgentProfile agent(String id, Map<String, Integer> skills) {
        return new AgentProfile(id, id, "blue", "Local/" + id + "@agents", skills);
    }

    private static AcdBench bench(AgentProfile... agents) {
        AcdBench bench = new AcdBench(List.of(SUPPORT), List.of(agents), POLICY);
        for (AgentProfile a : agents) {
            bench.ready(a.id());
            bench.time.advance(Duration.ofSeconds(1));
        }
        return bench;
    }

    @Test
    void aCallerWhoChoseSpanishGoesToTheSpanishSpeakerThoughTheOtherAgentIsIdleLonger() {
        AcdBench bench = bench(agent("2001", Map.of("support", 5)), agent("2002", Map.of("support", 5, "spanish", 8)));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "support", "CTI_LANGUAGE", "es"));
        assertThat(bench.originated()).containsExactly("Local/2002@agents");
    }

    @Test
    void aCallerWhoChoseALanguageWithoutASkillGoesToWhoeverIsIdleLongest() {
        AcdBench bench = bench(agent("2001", Map.of("support", 5)), agent("2002", Map.of("support", 5, "spanish", 8)));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "support", "CTI_LANGUAGE", "en"));
        assertThat(bench.originated()).containsExactly("Local/2001@agents");
    }

    @Test
    void withNoSpanishSpeakerFreeTheCallerWaitsAMinuteThenAnyoneTakesTheCall() {
        AcdBench bench = bench(agent("2001", Map.of("support", 5)));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "support", "CTI_LANGUAGE", "es"));
        assertThat(bench.originated()).isEmpty();
        bench.time.advance(Duration.ofSeconds(59));
        assertThat(bench.originated()).isEmpty();
        bench.time.advance(Duration.ofSeconds(1));
        assertThat(bench.originated()).containsExactly("Local/2001@agents");
    }

    @Test
    void skillsTheIvrNamedCountWithTheirLevelAndUnknownOrMalformedOnesAreDropped() {
        AcdBench bench = bench(agent("2001", Map.of("support", 5, "billing", 9)), agent("2002", Map.of("support", 5, "billing", 3)));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "support", "CTI_SKILLS", "billing:4, fishing, support:x, :3"));
        assertThat(bench.originated()).as("only 2001 has billing 4").containsExactly("Local/2001@agents");
    }

    @Test
    void aSkillLevelAboveEveryonesKeepsTheCallerWaitingOnlyUntilTheSkillsLapse() {
        AcdBench bench = bench(agent("2002", Map.of("support", 5, "spanish", 8)));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", "support", "CTI_SKILLS", "spanish:9"));
        assertThat(bench.originated()).isEmpty();
        bench.time.advance(Duration.ofSeconds(60));
        assertThat(bench.originated()).containsExactly("Local/2002@agents");
    }
}
