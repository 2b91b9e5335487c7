package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileInputTest {

    @Test
    void oversizedTextIsRefusedBeforeParsing() {
        String tooBig = "#".repeat(17 * 1024 * 1024 - 1) + "\n";

        assertThatThrownBy(() -> ConfigLoader.parse(tooBig, "big.yaml", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("big.yaml: 1 problem\n  - file is 17 MiB; the limit is 16 MiB");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[ConfigLoader.MAX_BYTES + 1]);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": 1 problem\n  - file is 16.1 MiB; the limit is 16 MiB");
    }

    @Test
    void aFloorOfTenThousandAgentsFitsWithinTheLimits() {
        StringBuilder agents = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            agents.append("  - {id: \"").append(20_000 + i).append("\", name: Agent Number ").append(i)
                    .append(", team: blue, phone: PJSIP/").append(20_000 + i).append(", skills: {billing: 7, support: 5}, passwordHash: \"")
                    .append(TestYaml.HASH).append("\", queues: {billing: 1, support: 2}}\n");
        }
        String yaml = TestYaml.withAgents(agents.toString());

        assertThat(yaml.length()).as("the file written out in full").isGreaterThan(1024 * 1024);
        assertThat(ConfigLoader.parse(yaml, "floor.yaml", Map.of()).agents()).hasSize(10_000);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
        }

        assertThat(problems(yaml.toString()))
                .containsExactly("line 7, column 20: aliases expand to more than 2000000 values; refusing what looks like an alias bomb");
    }

    @Test
    void aliasCountIsLimited() {
        String yaml = "skills: &s [{name: a}]\nqueues: [" + String.join(", ", Collections.nCopies(51, "*s")) + "]\n";

        assertThat(problems(yaml)).containsExactly("line 2, column 210: more than 50 YAML aliases; refusing what looks like an alias bomb");
    }

    @Test
    void aliasChainThatDoublesIsRefusedWithinTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("x0: &x0 [a, b]\n");
        for (int level = 1; level <= 24; level++) {
            yaml.append("x").append(level).append(": &x").append(level).append(" [*x").append(level - 1).append(", *x")
                    .append(level - 1).append("]\n");
        }

        assertThat(problems(yaml.toString())).singleElement().asString()
                .endsWith("aliases expand to more than 2000000 values; refusing what looks like an alias bomb");
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "skills: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        assertThat(problems(yaml)).containsExactly("line 1, column 28: nested deeper than 20 levels");
    }

    @Test
    void syntaxErrorGivesLineAndColumnWithoutStackTraceOrExcerpt() {
        String yaml = VALID + "http:\n  port: [8080\n  bindHost: 127.0.0.1\n";

        ConfigException e = TestYaml.failure(yaml, Map.of());

        assertThat(e.problems()).containsExactly(
                "line 15, column 11: expected ',' or ']', but got : (while parsing a flow sequence that started at line 14, column 9)");
        assertThat(e.getMessage()).doesNotContain("\tat ", "^", "Exception");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void duplicateKeysAndSecondDocumentsAreRefused() {
        assertThat(problems(VALID + "http: {port: 80, port: 81}\n")).containsExactly("http.port: duplicate key (line 13, column 18)");
        assertThat(problems(VALID + "---\nhttp: {}\n")).containsExactly(
                "line 14, column 1: only one YAML document is allowed (remove the second '---')");
    }

    @Test
    void anchorsAliasesAndMergeKeysWork() {
        String yaml = TestYaml.MODEL + "agents:\n"
                + "  - &ann {id: \"2001\", name: Ann, team: blue, phone: PJSIP/2001, skills: {billing: 7}, passwordHash: \""
                + TestYaml.HASH + "\"}\n"
                + "  - {<<: *ann, id: \"2002\", name: Bob, phone: PJSIP/2002}\n"
                + TestYaml.INFRA;

        AgentDef bob = TestYaml.parse(yaml).agent("2002").orElseThrow();

        assertThat(bob.name()).isEqualTo("Bob");
        assertThat(bob.team()).isEqualTo("blue");
        assertThat(bob.skills()).containsExactly(Map.entry("billing", 7));
        assertThat(bob.passwordHash()).isEqualTo(TestYaml.HASH);
    }

    @Test
    void unknownAliasIsReported() {
        assertThat(problems(VALID + "http: *nowhere\n")).containsExactly(
                "http: alias *nowhere does not refer to a mapping or list anchored above it (anchors on single values are not supported)");
    }

    @Test
    void manyWrongNamesAreReportedQuicklyWithHintsForTheFirstOnly() {
        StringBuilder yaml = new StringBuilder("queues:\n");
        int count = 3_000;
        for (int i = 0; i < count; i++) {
            yaml.append("  - {name: queue-number-").append(i).append("}\n");
        }
        yaml.append("agents:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - {id: a").append(i).append(", name: X, phone: PJSIP/1, passwordHash: \"").append(TestYaml.HASH)
                    .append("\", queues: {queue-numbr-").append(i).append(": 1}}\n");
        }
        yaml.append(TestYaml.INFRA);

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(yaml.toString()));

        assertThat(problems).hasSize(count);
        assertThat(problems.get(0)).isEqualTo("agents[0].queues.queue-numbr-0: unknown queue \"queue-numbr-0\""
                + " (did you mean \"queue-number-0\"?)");
        assertThat(problems.get(count - 1)).isEqualTo("agents[2999].queues.queue-numbr-2999: unknown queue \"queue-numbr-2999\"");
    }

    @Test
    void aLongOverflowChainIsFollowedWithoutRecursion() {
        StringBuilder yaml = new StringBuilder("queues:\n");
        int count = 10_000;
        for (int i = 0; i < count; i++) {
            yaml.append("  - {name: q").append(i).append(", overflow: [{when: {closed: true}, then: {queue: q").append((i + 1) % count)
                    .append("}}]}\n");
        }
        yaml.append(TestYaml.INFRA);

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(yaml.toString()));

        assertThat(problems).containsExactly("queues[9999].overflow[0].then.queue: overflow loop q0 -> q1 -> q2 -> q3 -> ... 9992 more"
                + " ... -> q9996 -> q9997 -> q9998 -> q9999 -> q0");
    }
}
