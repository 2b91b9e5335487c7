package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.AGENT;
import static org.opencti.config.TestYaml.HASH;
import static org.opencti.config.TestYaml.INFRA;
import static org.opencti.config.TestYaml.MODEL;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;
import static org.opencti.config.TestYaml.withAgents;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

    private static String agent(String id, String extra) {
        return "  - {id: \"" + id + "\", name: X, phone: PJSIP/" + id + ", passwordHash: \"" + HASH + "\"" + extra + "}\n";
    }

    @Test
    void minimalDocumentLoadsWithDefaults() {
        ContactCentreConfig config = TestYaml.parse(VALID);

        assertThat(config.defaultQueue()).as("first queue").isEqualTo("billing");
        assertThat(config.queue("billing").orElseThrow())
                .isEqualTo(new QueueDef("billing", List.of(new SkillLevel("billing", 5)), 10, 15, 20));
        assertThat(config.agent("2001").orElseThrow().role()).isEqualTo("agent");
        assertThat(config.ami()).isEqualTo(new AmiConfig("127.0.0.1", 5038, "cti", "s3cret", 5, 3, 100_000));
        assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 8080, List.of(), 65_536));
        assertThat(config.fastAgi()).isEqualTo(new FastAgiConfig("0.0.0.0", 4573));
    }

    @Test
    void queueRequiringAnUndefinedSkill() {
        String yaml = """
                skills: [{name: billing}, {name: support}]
                queues:
                  - {name: billing, skills: [{skill: billing}]}
                  - {name: support}
                  - {name: es, skills: [{skill: spanish, minLevel: 5}]}
                """ + INFRA;

        assertThat(problems(yaml)).containsExactly("queues[2].skills[0]: unknown skill \"spanish\"");
    }

    @Test
    void agentInAnUndefinedTeam() {
        assertThat(problems(withAgents(AGENT + agent("2002", ", team: red")))).containsExactly("agents[1].team: unknown team \"red\"");
    }

    @Test
    void skillLevelsOutsideOneToTen() {
        String yaml = withAgents(AGENT + agent("2002", "") + agent("2003", "") + agent("2004", ", skills: {billing: 12}"))
                .replace("minLevel: 5", "minLevel: 0");

        assertThat(problems(yaml)).containsExactly(
                "queues[0].skills[0].minLevel: level 0 is outside 1..10",
                "agents[3].skills.billing: level 12 is outside 1..10");
    }

    @Test
    void duplicateAgentIdAndDuplicateQueue() {
        String yaml = withAgents(AGENT + AGENT).replace("{name: support, skills", "{name: billing, skills");

        assertThat(problems(yaml)).containsExactly(
                "queues[1].name: duplicate queue \"billing\"",
                "agents[1].id: duplicate agent id \"2001\"");
    }

    @Test
    void passwordHashMustBeBcryptAndIsNeverQuoted() {
        String yaml = withAgents(AGENT.replace(HASH, "hunter2"));

        assertThat(problems(yaml)).containsExactly("agents[0].passwordHash: not a bcrypt hash");
        assertThat(TestYaml.failure(yaml, Map.of())).hasMessageNotContaining("hunter2");
    }

    @Test
    void roleMustBeKnown() {
        assertThat(problems(withAgents(agent("2001", ", role: boss"))))
                .containsExactly("agents[0].role: must be one of agent, supervisor, admin");
    }

    @Test
    void requiredFieldsAreNamed() {
        String yaml = withAgents("  - {id: \"2001\", name: Ann, passwordHash: \"" + HASH + "\"}\n  - {name: Bob}\n");

        assertThat(problems(yaml)).containsExactly(
                "agents[0].phone: required",
                "agents[1].id: required",
                "agents[1].phone: required",
                "agents[1].passwordHash: required");
    }

    @Test
    void phoneMustBeAnAsteriskDialString() {
        String yaml = withAgents(agent("2001", "").replace("PJSIP/2001", "\"PJSIP/2001&PJSIP/666\""));

        assertThat(problems(yaml)).containsExactly(
                "agents[0].phone: \"PJSIP/2001&PJSIP/666\" is not an Asterisk dial string (like PJSIP/2001 or Local/2001@agents)");
    }

    @Test
    void defaultQueueAndRegionMustExist() {
        assertThat(problems("defaultQueue: x\ndefaultRegion: ZZ\n" + VALID)).containsExactly(
                "defaultRegion: \"ZZ\" is not a region",
                "defaultQueue: unknown queue \"x\"");
        assertThat(problems("defaultRegion: gb\n" + VALID)).containsExactly("defaultRegion: \"gb\" is not a region (did you mean \"GB\"?)");
        assertThat(TestYaml.parse("defaultRegion: GB\ndefaultQueue: support\n" + VALID).defaultQueue()).isEqualTo("support");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = MODEL.replace("skill: support", "skill: sales") + "agents:\n" + agent("2001", ", role: x, skills: {billing: 11}")
                + INFRA.replace("username: cti, ", "");

        ConfigException e = TestYaml.failure(yaml, Map.of());

        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).isEqualTo("""
                test.yaml: 4 problems
                  - queues[1].skills[0]: unknown skill "sales"
                  - agents[0].skills.billing: level 11 is outside 1..10
                  - agents[0].role: must be one of agent, supervisor, admin
                  - asterisk.ami.username: required""");
    }
}
