package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.HASH;
import static org.opencti.config.TestYaml.INFRA;
import static org.opencti.config.TestYaml.problems;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRoutingValidationTest {

    /** billing needs billing 5, or after 20 s billing 3 or spanish 4; support needs support 3. */
    private static final String MODEL = """
            skills: [{name: billing}, {name: support}, {name: spanish}]
            queues:
              - name: billing
                skills: [{skill: billing, minLevel: 5}]
                expansion: [{afterSeconds: 20, anyOf: [[{skill: billing, minLevel: 3}], [{skill: spanish, minLevel: 4}]]}]
              - {name: support, skills: [{skill: support, minLevel: 3}]}
            agents:
            """;

    private static String agent(String id, String extra) {
        return "  - {id: \"" + id + "\", name: X, phone: PJSIP/" + id + ", passwordHash: \"" + HASH + "\"" + extra + "}\n";
    }

    private static String withAgents(String agents) {
        return MODEL + agents + INFRA;
    }

    @Test
    void queuesAndWeightAreRead() {
        AgentDef ann = TestYaml.parse(withAgents(agent("2001", ", skills: {billing: 7, support: 4}, queues: {support: 2, billing: 1},"
                + " weight: 2.5"))).agent("2001").orElseThrow();

        assertThat(ann.queues()).containsExactly(Map.entry("support", 2), Map.entry("billing", 1));
        assertThat(ann.weight()).isEqualTo(2.5);
        assertThat(ann.toString()).contains("queues={support=2, billing=1}", "weight=2.5").doesNotContain(HASH);
    }

    @Test
    void withoutQueuesAnAgentServesEveryQueueTheyMeetStepZeroOfAtPriorityOne() {
        ContactCentreConfig config = TestYaml.parse(withAgents(agent("2001", ", skills: {billing: 7}")
                + agent("2002", ", skills: {billing: 3, support: 9}, queues: {billing: 3}")));
        AgentDef ann = config.agent("2001").orElseThrow();
        AgentDef bob = config.agent("2002").orElseThrow();
        QueueDef billing = config.queue("billing").orElseThrow();
        QueueDef support = config.queue("support").orElseThrow();

        assertThat(ann.queues()).isEmpty();
        assertThat(ann.weight()).isEqualTo(AgentDef.DEFAULT_WEIGHT);
        assertThat(ann.queuePriority(billing)).isEqualTo(1);
        assertThat(ann.queuePriority(support)).isZero();
        assertThat(bob.queuePriority(billing)).as("listed, though only through expansion").isEqualTo(3);
        assertThat(bob.queuePriority(support)).as("not listed").isZero();
    }

    @Test
    void expansionAdmitsMoreAgentsAsTheCallWaitsAndKeepsTheEarlierOnes() {
        ContactCentreConfig config = TestYaml.parse(withAgents(agent("2001", ", skills: {billing: 7}")
                + agent("2002", ", skills: {spanish: 4}") + agent("2003", ", skills: {support: 9}")));
        QueueDef billing = config.queue("billing").orElseThrow();

        assertThat(billing.admits(config.agent("2001").orElseThrow(), 0)).isTrue();
        assertThat(billing.admits(config.agent("2001").orElseThrow(), 300)).isTrue();
        assertThat(billing.admits(config.agent("2002").orElseThrow(), 19)).isFalse();
        assertThat(billing.admits(config.agent("2002").orElseThrow(), 20)).isTrue();
        assertThat(billing.everAdmits(config.agent("2003").orElseThrow())).isFalse();
    }

    @Test
    void listedQueuesMustExistAndBeReachableForTheAgent() {
        assertThat(problems(withAgents(agent("2001", ", skills: {billing: 7}") + agent("2002", ", skills: {spanish: 4}")
                + agent("2003", ", skills: {support: 5, spanish: 3}, queues: {support: 1, billing: 2, biling: 3, sales: 1}")
                + agent("2004", ", skills: {spanish: 4}, queues: {billing: 1, support: 1}"))))
                .containsExactly(
                        "agents[2].queues.billing: agent 2003 never qualifies for queue \"billing\"",
                        "agents[2].queues.biling: unknown queue \"biling\" (did you mean \"billing\"?)",
                        "agents[2].queues.sales: unknown queue \"sales\"",
                        "agents[3].queues.support: agent 2004 never qualifies for queue \"support\"");
    }

    @Test
    void aMisspeltSkillOrBrokenQueueIsReportedOnceNotAlsoAsNeverQualifying() {
        assertThat(problems(withAgents(agent("2001", ", skills: {biling: 7}, queues: {billing: 1}"))))
                .containsExactly("agents[0].skills.biling: unknown skill \"biling\"");
        assertThat(problems(withAgents(agent("2001", ", skills: {billing: 7}, queues: {support: 1}"))
                .replace("{skill: support, minLevel: 3}", "{skill: suport, minLevel: 3}")))
                .containsExactly("queues[1].skills[0]: unknown skill \"suport\"");
    }

    @Test
    void priorityFromOneAndWeightAboveZero() {
        assertThat(problems(withAgents(agent("2001", ", skills: {billing: 7}, queues: {billing: 0}, weight: 0")
                + agent("2002", ", skills: {billing: 7}, queues: {billing: 101}, weight: -1")
                + agent("2003", ", skills: {billing: 7}, queues: {billing: ~}, weight: 1001")
                + agent("2004", ", skills: {billing: 7}, queues: [billing], weight: heavy")))).containsExactly(
                "agents[0].queues.billing: priority 0 is outside 1..100 (1 = highest)",
                "agents[0].weight: 0 must be more than 0",
                "agents[1].queues.billing: priority 101 is outside 1..100 (1 = highest)",
                "agents[1].weight: -1 must be more than 0",
                "agents[2].queues.billing: priority required (1 = highest)",
                "agents[2].weight: 1001 is more than 1000",
                "agents[3].queues: expected a mapping of queue to priority, got a list",
                "agents[3].weight: expected a number, got \"heavy\"");
    }
}
