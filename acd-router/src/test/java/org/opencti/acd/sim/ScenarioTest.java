package org.opencti.acd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    @Test
    void theSampleIsADayOfAFiftyAgentCentreWithTwoQueues() {
        Scenario s = Scenario.sample();
        assertThat(s.name()).isEqualTo("weekday-50-agents");
        assertThat(s.duration()).isEqualTo(Duration.ofHours(12));
        assertThat(s.queues()).extracting(Scenario.Queue::name).containsExactly("billing", "support");
        assertThat(s.agents().stream().mapToInt(g -> g.ids().size()).sum()).isEqualTo(50);
        Scenario.Queue billing = s.queues().get(0);
        assertThat(billing.callsPerHour()).hasSize(24).startsWith(70.0, 95.0, 115.0, 125.0, 130.0, 130.0);
        assertThat(billing.handleTime()).isEqualTo(new Distribution.LogNormal(300, 150));
        assertThat(billing.patience()).as("the top-level default").isEqualTo(new Distribution.Exponential(180));
        assertThat(s.queues().get(1).patience()).as("overridden").isEqualTo(new Distribution.Exponential(240));
        assertThat(billing.tierMix()).containsExactly(Map.entry("Gold", 0.10), Map.entry("Silver", 0.30),
            Map.entry("Bronze", 0.40));
        assertThat(s.agents().get(5).ids()).containsExactly("b-101", "b-102", "b-103", "b-104");
        assertThat(s.agents().get(1).shiftStart()).isEqualTo(Duration.ofHours(4));
        assertThat(s.expectedCalls()).isBetween(3000.0, 3500.0);
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        String yaml = """
            duration: 2h
            agentAnswerSeconds: 25
            patiense: {distribution: exponential, meanSeconds: 60}
            tiers: {Gold: 0.6, Silver: 0.6}
            queues:
              - name: a
                skills: {s: 11}
                handleTime: {distribution: weibull, meanSeconds: 60}
                arrivals: [10, 10, 10]
              - name: a
                skills: {nobody: 1}
                ringTimeoutSeconds: 30
                intervalMinutes: 20
                handleTime: {distribution: lognormal, meanSeconds: 60}
                arrivals: [{callsPerHour: 5}, {callsPerHour: 5}, {callsPerHour: 5}, {callsPerHour: -1}]
            agents:
              - {count: 3, ids: [x], skills: {s: 5}}
              - {ids: [x, x], skills: {s: 5}, shift: {from: 2h, to: 1h}}
            """;
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenario.parse(yaml, "bad.yaml"));
        assertThat(e.source()).isEqualTo("bad.yaml");
        assertThat(e.problems()).contains(
            "patiense: unknown key; expected one of name, start, duration, warmUp, seed, agentAnswerSeconds, handleTime,"
                + " patience, tiers, queues, agents",
            "tiers: shares add up to 1.2; at most 1 (the rest are callers unknown to the directory)",
            "queues[0].skills.s: must be <= 10, got 11",
            "queues[0].ringTimeoutSeconds: must be longer than agentAnswerSeconds (25), or no agent ever answers",
            "queues[0].handleTime.distribution: must be one of exponential, lognormal, constant; got \"weibull\"",
            "queues[0].arrivals: 3 intervals of 60 min cover 3h, longer than the duration 2h",
            "queues[1].name: \"a\" is already the name of another queue",
            "queues[1].intervalMinutes: must be 15, 30 or 60, got 20",
            "queues[1].handleTime.sdSeconds: missing",
            "queues[1].arrivals[3].callsPerHour: must be >= 0, got -1",
            "queues[1].skills: no agent group has {nobody=1}, so nobody can take its calls",
            "agents[0]: give either count (agents made up) or ids (an explicit list), not both or neither",
            "agents[1].ids[1]: agent id \"x\" is used twice (ids must be unique across groups)",
            "agents[1].shift.to: must be after shift.from");
        assertThat(e.getMessage()).startsWith("bad.yaml: ").contains("problems:");
    }

    @Test
    void missingSectionsAndBrokenYamlAreNamed() {
        assertThatThrownBy(() -> Scenario.parse("seed: 1\n", "s.yaml")).isInstanceOf(ScenarioException.class)
            .hasMessageContaining("duration: missing")
            .hasMessageContaining("queues: must be a list of at least one queue")
            .hasMessageContaining("agents: must be a list of at least one agent group");
        assertThatThrownBy(() -> Scenario.parse("", "s.yaml")).hasMessage("s.yaml: the scenario is empty; see sample-scenario.yaml");
        assertThatThrownBy(() -> Scenario.parse("duration: [1h\n", "s.yaml")).hasMessageStartingWith("s.yaml: not valid YAML");
        assertThatThrownBy(() -> Scenario.parse("seed: 1\nseed: 2\n", "s.yaml")).hasMessageContaining("Duplicate field 'seed'");
        assertThatThrownBy(() -> Scenario.parse("duration: 8 hours\n", "s.yaml"))
            .hasMessageContaining("duration: must be a duration such as 8h, 90m, 1h30m or PT8H, got \"8 hours\"");
    }

    @Test
    void durationsAreWrittenTheWayPeopleWriteThem() {
        assertThat(YamlFields.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(YamlFields.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(YamlFields.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(YamlFields.parseDuration("0.5h")).isEqualTo(Duration.ofMinutes(30));
        assertThat(YamlFields.parseDuration("PT8H")).isEqualTo(Duration.ofHours(8));
        assertThat(YamlFields.parseDuration("0")).isEqualTo(Duration.ZERO);
        assertThat(YamlFields.parseDuration("8")).isNull();
        assertThat(YamlFields.parseDuration("h")).isNull();
        assertThat(YamlFields.parseDuration("1h 30m")).isNull();
    }

    @Test
    void loadsFromAFileAndNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("day.yaml");
        Files.writeString(file, Scenario.sampleText());
        assertThat(Scenario.load(file)).isEqualTo(Scenario.sample());
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> Scenario.load(missing)).isInstanceOf(ScenarioException.class)
            .hasMessage(missing + ": file not found");
    }

    @Test
    void patienceCanBeNoneAndTheNameDefaultsToTheFileName() {
        Scenario s = Scenario.parse("""
            duration: 1h
            handleTime: {distribution: constant, seconds: 60}
            patience: none
            queues: [{name: q, arrivals: [10]}]
            agents: [{count: 1}]
            """, "/tmp/my-day.yaml");
        assertThat(s.name()).isEqualTo("my-day");
        assertThat(s.queues().get(0).patience()).isEqualTo(new Distribution.Never());
        assertThat(s.queues().get(0).handleTime()).isEqualTo(new Distribution.Constant(60));
        assertThat(s.agents().get(0).ids()).containsExactly("group0-1");
        assertThat(s.queues().get(0).tierMix()).isEmpty();
    }
}
