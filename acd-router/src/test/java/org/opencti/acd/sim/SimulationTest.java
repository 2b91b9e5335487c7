package org.opencti.acd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static Scenario scenario(String yaml) {
        return Scenario.parse(yaml, "test");
    }

    @Test
    void theSampleDayRunsAndTheSameSeedGivesTheSameReport() {
        Scenario sample = Scenario.sample();
        SimulationReport first = Simulation.run(sample);
        assertThat(Simulation.run(sample)).isEqualTo(first);
        assertThat(Simulation.run(sample.withSeed(7))).isNotEqualTo(first);

        SimulationReport.Row all = first.total();
        assertThat(all.offered()).isEqualTo(first.callsSimulated());
        assertThat((double) all.offered()).isCloseTo(sample.expectedCalls(), within(sample.expectedCalls() * 0.05));
        assertThat(all.answered() + all.abandoned() + all.unserved()).isEqualTo(all.offered());
        assertThat(first.queues().stream().mapToLong(SimulationReport.Row::offered).sum()).isEqualTo(all.offered());
        assertThat(first.tiers()).extracting(SimulationReport.Row::name).containsExactly("Gold", "Silver", "Bronze", "Unknown");
        assertThat((double) first.tier("Gold").offered() / all.offered()).isCloseTo(0.10, within(0.02));
        assertThat(first.queue("billing").averageSpeedOfAnswer()).as("at least the 3 s ring").isGreaterThanOrEqualTo(3);
        assertThat(first.groups()).allSatisfy(g -> assertThat(g.occupancy()).isBetween(0.3, 1.0));
        // 10 agents for 8 h, plus whatever last calls ran over the end of the shift.
        assertThat(first.group("billing-early").staffedHours()).isBetween(80.0, 81.0);

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        first.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8))
            .contains("Simulation \"weekday-50-agents\": 12h from 2026-11-23T08:00:00Z, warm-up 0s, seed 42")
            .contains("Queue ", "billing ", "support ", "All ", "Tier ", "Gold ", "Agent group", "blended-late ");
    }

    @Test
    void constantTimesGiveExactFigures() {
        // Far more agents than calls: nobody queues, every wait is exactly the 2 s ring, every handle 120 s + 30 s wrap-up.
        SimulationReport r = Simulation.run(scenario("""
            duration: 4h
            agentAnswerSeconds: 2
            queues:
              - name: q
                wrapUpSeconds: 30
                serviceLevelSeconds: 2
                handleTime: {distribution: constant, seconds: 120}
                arrivals: [{callsPerHour: 30, intervals: 4}]
            agents: [{count: 20}]
            """));
        SimulationReport.Row q = r.queue("q");
        assertThat(q.offered()).isGreaterThan(80);
        assertThat(q.answered()).isEqualTo(q.offered());
        assertThat(q.averageSpeedOfAnswer()).isCloseTo(2.0, within(1e-9));
        assertThat(q.averageHandleTime()).isCloseTo(150.0, within(1e-9));
        assertThat(q.probabilityOfWaiting()).isZero();
        assertThat(q.serviceLevel()).isEqualTo(1.0);
        // Busy time per call: 2 s ringing + 120 s talk + 30 s wrap-up.
        double busy = r.groups().get(0).busySeconds();
        assertThat(busy).isCloseTo(q.answered() * 152.0, within(152.0 * 2));
    }

    @Test
    void callersWhoGiveUpWhileThePhoneRingsReleaseTheirAgents() {
        // Every caller hangs up after 5 s, every agent answers after 10 s: each offer ends with the caller gone while
        // the agent's phone rings. The ACD must free the agent when the leg answers, or occupancy would stick near 100 %.
        SimulationReport r = Simulation.run(scenario("""
            duration: 4h
            agentAnswerSeconds: 10
            patience: {distribution: constant, seconds: 5}
            queues:
              - name: q
                handleTime: {distribution: constant, seconds: 60}
                arrivals: [{callsPerHour: 60, intervals: 4}]
            agents: [{count: 2}]
            """));
        SimulationReport.Row q = r.queue("q");
        assertThat(q.answered()).isZero();
        assertThat(q.abandoned()).isEqualTo(q.offered()).isGreaterThan(150);
        assertThat(r.groups().get(0).occupancy()).isLessThan(0.2);
    }

    @Test
    void agentsWorkTheirShiftsAndFinishTheirLastCall() {
        SimulationReport r = Simulation.run(scenario("""
            duration: 4h
            patience: none
            queues:
              - name: q
                wrapUpSeconds: 10
                handleTime: {distribution: exponential, meanSeconds: 240}
                arrivals: [{callsPerHour: 40, intervals: 4}]
            agents:
              - {group: morning, count: 5, shift: {from: 0h, to: 2h}}
              - {group: afternoon, count: 5, shift: {from: 2h, to: 4h}}
            """));
        assertThat(r.group("morning").staffedHours()).isBetween(10.0, 10.5);
        assertThat(r.group("afternoon").staffedHours()).isCloseTo(10.0, within(1e-9));
        assertThat(r.group("morning").busySeconds()).isPositive();
        assertThat(r.group("afternoon").busySeconds()).isPositive();
        assertThat(r.queue("q").unserved()).isZero();
    }

    @Test
    void nobodyOnShiftLeavesCallersUnservedInsteadOfHangingTheRun() {
        SimulationReport r = Simulation.run(scenario("""
            duration: 1h
            patience: none
            queues:
              - name: q
                handleTime: {distribution: constant, seconds: 60}
                arrivals: [20]
            agents: [{count: 1, shift: {from: 0h, to: 1m}}]
            """));
        SimulationReport.Row q = r.queue("q");
        assertThat(q.unserved()).isPositive();
        assertThat(q.answered() + q.unserved()).isEqualTo(q.offered());
    }

    @Test
    void warmUpCallsAreSimulatedButNotCounted() {
        Scenario s = scenario("""
            duration: 4h
            warmUp: 2h
            queues:
              - name: q
                handleTime: {distribution: constant, seconds: 60}
                arrivals: [{callsPerHour: 60, intervals: 4}]
            agents: [{count: 3}]
            """);
        SimulationReport r = Simulation.run(s);
        assertThat(r.total().offered()).isLessThan(r.callsSimulated());
        assertThat((double) r.total().offered()).isCloseTo(r.callsSimulated() / 2.0, within(r.callsSimulated() * 0.2));
        assertThat(r.groups().get(0).staffedHours()).isCloseTo(6.0, within(1e-9));
    }
}
