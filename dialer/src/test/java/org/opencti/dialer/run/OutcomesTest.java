package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.opencti.dialer.run.RunnerFixture.now;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.compliance.DncList;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.lead.LeadStatus;
import org.opencti.dialer.pacing.AbandonRate;

/** What each outcome does: the 2-second connect, the safe-harbour drop, machines, retries, dispositions. */
class OutcomesTest {
    /** Predictive, two agents: a cold campaign dials one line each, and inbound then takes agent a2. */
    static RunnerFixture twoLinesOneAgentLeft() {
        RunnerFixture f = new RunnerFixture(DialMode.PREDICTIVE, false);
        f.leads(10);
        f.login("a1", "a2");
        now(f.runner("node-a").start());
        assertThat(f.lines.dialed()).hasSize(2).allSatisfy(d -> assertThat(d.agentId()).isNull());
        f.agents.set("a2", CampaignAgents.Activity.TALKING);
        f.agents.neededByInbound("a2", true);
        f.advance(Duration.ofSeconds(8));
        f.event(new LineEvent.Answered(f.line(0)));
        f.event(new LineEvent.Answered(f.line(1)));
        assertThat(f.lines.actions()).singleElement().extracting(RecordingOutboundLines.Action::agentId).isEqualTo("a1");
        return f;
    }

    @Test
    void aLiveAnswerWithNoFreeAgentTakesTheFirstAgentFreedWithinTwoSeconds() {
        RunnerFixture f = twoLinesOneAgentLeft();

        f.advance(Duration.ofMillis(1900));
        f.agents.neededByInbound("a2", false);
        f.agents.set("a2", CampaignAgents.Activity.FREE);
        f.runner.agentsChanged();

        assertThat(f.lines.actions()).hasSize(2).last().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("connect");
            assertThat(a.line()).isEqualTo(f.line(1));
            assertThat(a.agentId()).isEqualTo("a2");
        });
        f.advance(Duration.ofSeconds(5));
        CampaignStats stats = now(f.runner.stats());
        assertThat(stats.connects()).isEqualTo(2);
        assertThat(stats.abandons()).isZero();
        assertThat(f.stores.attempts().find(2).orElseThrow().outcome()).isEqualTo(CallOutcome.LIVE_ANSWER);
    }

    @Test
    void noAgentWithinTwoSecondsPlaysTheSafeHarbourMessageAndCountsAnAbandonUnderBothRules() {
        RunnerFixture f = twoLinesOneAgentLeft();

        f.advance(Duration.ofMillis(1999));
        assertThat(f.lines.actions()).hasSize(1);
        f.advance(Duration.ofMillis(1));

        assertThat(f.lines.actions()).hasSize(2).last().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("safe_harbour");
            assertThat(a.line()).isEqualTo(f.line(1));
        });
        CampaignStats stats = now(f.runner.stats());
        assertThat(stats.abandons()).isEqualTo(1);
        assertThat(stats.connects()).isEqualTo(1);
        // US: 1 abandoned / (1 connected + 1 abandoned); UK with no machines: D_live = 1, (1) / (1 + 1)
        assertThat(stats.usAbandonRate()).isEqualTo(0.5);
        assertThat(stats.ukAbandonRate()).isEqualTo(AbandonRate.ofcomRate(1, 1, 0, 0)).isEqualTo(0.5);
        assertThat(f.stores.attempts().find(2).orElseThrow().outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(f.stores.leads().find(f.dial(1).leadId()).orElseThrow().status()).as("no retry rule for abandoned: done")
            .isEqualTo(LeadStatus.DONE);

        f.agents.neededByInbound("a2", false);
        f.agents.set("a2", CampaignAgents.Activity.FREE);
        f.runner.agentsChanged();
        assertThat(f.lines.actions()).as("a dropped call is not connected later").hasSize(2);
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingForAnAgentIsAnAbandon() {
        RunnerFixture f = twoLinesOneAgentLeft();

        f.advance(Duration.ofMillis(800));
        f.event(new LineEvent.CustomerHungUp(f.line(1)));
        f.advance(Duration.ofSeconds(3));

        assertThat(f.lines.actions()).hasSize(1);
        CampaignStats stats = now(f.runner.stats());
        assertThat(stats.abandons()).isEqualTo(1);
        assertThat(stats.usAbandonRate()).isEqualTo(0.5);
        assertThat(stats.ukAbandonRate()).isEqualTo(0.5);
        assertThat(f.stores.attempts().find(2).orElseThrow().outcome()).isEqualTo(CallOutcome.ABANDONED);
    }

    @Test
    void withAmdMachinesAreHungUpOrGetTheMessageAndPeopleAndNotSureMeetAnAgent() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, true);
        f.leads(10);
        f.login("a1", "a2", "a3");
        now(f.runner("node-a", new RunnerSettings("node-a", Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(25),
            Duration.ofSeconds(60), Duration.ofMinutes(5), true, 0.05, AbandonRate.Rule.US_TSR,
            RunnerSettings.defaults("x").priors()), f.agents).start());
        assertThat(f.dial(0).amd()).isTrue();

        f.event(new LineEvent.Answered(f.line(0)));
        assertThat(f.lines.actions()).as("AMD is still listening").isEmpty();
        f.event(new LineEvent.MachineDetected(f.line(0)));
        f.event(new LineEvent.Answered(f.line(1)));
        f.event(new LineEvent.HumanDetected(f.line(1)));
        f.event(new LineEvent.NotSure(f.line(2)));

        assertThat(f.lines.actions()).extracting(RecordingOutboundLines.Action::kind, RecordingOutboundLines.Action::line)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("leave_message", f.line(0)),
                org.assertj.core.groups.Tuple.tuple("connect", f.line(1)), org.assertj.core.groups.Tuple.tuple("connect", f.line(2)));
        CampaignStats stats = now(f.runner.stats());
        assertThat(stats.machines()).isEqualTo(1);
        assertThat(stats.connects()).isEqualTo(2);
        // UK: no drops; F = 1 machine verdict x 5 % = 0.05; rate = 0.05 / (2 + 0.05)
        assertThat(stats.ukAbandonRate()).isCloseTo(0.05 / 2.05, within(1e-12));
        assertThat(stats.usAbandonRate()).isZero();
        assertThat(f.stores.attempts().find(1).orElseThrow().outcome()).isEqualTo(CallOutcome.MACHINE);
        assertThat(f.lines.dialed()).as("the machine's agent got a new line").hasSize(4);
    }

    @Test
    void retriesFollowTheCampaignsRuleByOutcomeUntilTheAttemptsAreUsedUp() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        now(f.runner("node-a").start());

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(f.lines.dialed()).hasSize(attempt);
            f.advance(Duration.ofSeconds(4));
            f.event(new LineEvent.Failed(f.line(attempt - 1), LineEvent.Failure.BUSY));
            Lead lead = f.stores.leads().find(1).orElseThrow();
            assertThat(lead.attempts()).isEqualTo(attempt);
            if (attempt < 3) {
                assertThat(lead.status()).isEqualTo(LeadStatus.RETRY);
                assertThat(lead.nextAttemptAt()).isEqualTo(f.time.now().plus(Duration.ofMinutes(15)));
                f.advance(Duration.ofMinutes(15).minusSeconds(1));
                assertThat(f.lines.dialed()).as("not before its time").hasSize(attempt);
                f.advance(Duration.ofSeconds(1));
            }
        }

        assertThat(f.stores.leads().find(1).orElseThrow().status()).as("busy allows 3 attempts").isEqualTo(LeadStatus.DONE);
        f.advance(Duration.ofHours(3));
        assertThat(f.lines.dialed()).hasSize(3);
        assertThat(f.stores.attempts().find(3).orElseThrow().outcome()).isEqualTo(CallOutcome.BUSY);
    }

    @Test
    void aNoAnswerMustHaveRungFifteenSecondsOrItIsFiledAsCongestion() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(2);
        f.login("a1", "a2");
        now(f.runner("node-a").start());

        f.advance(Duration.ofSeconds(10));
        f.event(new LineEvent.Failed(f.line(0), LineEvent.Failure.NO_ANSWER));
        f.advance(Duration.ofSeconds(15));
        f.event(new LineEvent.Failed(f.line(1), LineEvent.Failure.NO_ANSWER));

        assertThat(f.stores.attempts().find(1).orElseThrow().outcome()).isEqualTo(CallOutcome.CONGESTION);
        assertThat(f.stores.leads().find(f.dial(0).leadId()).orElseThrow().status()).as("no rule for congestion")
            .isEqualTo(LeadStatus.DONE);
        assertThat(f.stores.attempts().find(2).orElseThrow().outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        Lead rang = f.stores.leads().find(f.dial(1).leadId()).orElseThrow();
        assertThat(rang.status()).isEqualTo(LeadStatus.RETRY);
        assertThat(rang.nextAttemptAt()).isEqualTo(f.time.now().plus(Duration.ofHours(2)));
    }

    @Test
    void aDoNotCallDispositionPutsTheNumberOnTheInternalListAtOnceAndFreesTheAgent() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        now(f.runner("node-a").start());
        f.event(new LineEvent.Answered(f.line(0)));
        f.event(new LineEvent.AgentConnected(f.line(0)));
        f.advance(Duration.ofSeconds(40));
        f.event(new LineEvent.CustomerHungUp(f.line(0)));
        f.advance(Duration.ofSeconds(10));
        assertThat(f.agents.heldBy("a1")).as("held in wrap-up").contains(f.campaign.id());

        now(f.runner.dispose("a1", 1, "dnc", null, null));

        assertThat(f.stores.dnc().find(f.campaign.id(), "+15551230001")).hasValueSatisfying(h -> assertThat(h.list())
            .isEqualTo(DncList.INTERNAL));
        assertThat(f.stores.attempts().find(1).orElseThrow().disposition()).isEqualTo("dnc");
        assertThat(f.agents.activity("a1")).contains(CampaignAgents.Activity.FREE);
        assertThat(f.agents.heldBy("a1")).isEmpty();
    }

    @Test
    void aDispositionIsRefusedForAnotherAgentsCallAnUnknownCodeOrACallbackWithoutItsTime() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1", "a2");
        now(f.runner("node-a").start());
        f.event(new LineEvent.Answered(f.line(0)));
        String agent = f.dial(0).agentId();
        String other = agent.equals("a1") ? "a2" : "a1";

        assertThatThrownBy(() -> now(f.runner.dispose(other, 1, "sale", null, null))).isInstanceOf(CompletionException.class)
            .hasMessageContaining("agent " + other + " has no call of attempt 1");
        assertThatThrownBy(() -> now(f.runner.dispose(agent, 1, "bogus", null, null)))
            .hasMessageContaining("disposition \"bogus\" is not in campaign");
        assertThatThrownBy(() -> now(f.runner.dispose(agent, 1, "callback", null, null))).hasMessageContaining("give its time");
        assertThatThrownBy(() -> now(f.runner.dispose(agent, 1, "sale", null, new CallbackRequest(f.time.now().plusSeconds(60), true))))
            .hasMessageContaining("is not a callback");
        assertThat(f.stores.attempts().find(1).orElseThrow().disposition()).isNull();

        now(f.runner.dispose(agent, 1, "sale", null, null));
        assertThat(f.agents.heldBy(agent)).as("still talking: held until the hang-up").isPresent();
        f.event(new LineEvent.AgentHungUp(f.line(0)));
        assertThat(f.agents.heldBy(agent)).isEmpty();
    }

    @Test
    void aLiveAnswerWhoseAgentWasTakenMeanwhileHearsTheSafeHarbourAndCountsAsAbandonedNotConnected() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        now(f.runner("node-a").start());
        f.advance(Duration.ofSeconds(7));
        f.event(new LineEvent.Answered(f.line(0)));

        f.event(new LineEvent.NotConnected(f.line(0), "agent a1 is ringing"));

        assertThat(f.lines.actions()).extracting(RecordingOutboundLines.Action::kind).containsExactly("connect", "safe_harbour");
        CampaignStats stats = now(f.runner.stats());
        assertThat(stats.connects()).isZero();
        assertThat(stats.abandons()).isEqualTo(1);
        assertThat(f.stores.attempts().find(1).orElseThrow().outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(f.agents.heldBy("a1")).isEmpty();
        assertThat(f.agents.notices()).as("the agent who never reached the call is not shown it").isEmpty();
        f.event(new LineEvent.AgentConnected(f.line(0)));
        assertThat(f.agents.notices()).as("a late report for the dropped line changes nothing").isEmpty();

        f.advance(Duration.ofSeconds(61)); // the next rebuild reads the attempt as abandoned: the early connect is gone
        assertThat(now(f.runner.stats()).usAbandonRate()).isEqualTo(1.0);
    }

    @Test
    void aLateNotConnectedForALineAlreadyOverChangesNothing() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        now(f.runner("node-a").start());
        f.event(new LineEvent.Failed(f.line(0), LineEvent.Failure.BUSY));

        f.event(new LineEvent.NotConnected(f.line(0), "late"));

        assertThat(f.lines.actions()).isEmpty();
        assertThat(now(f.runner.stats()).abandons()).isZero();
    }

    @Test
    void aPersonWhoHangsUpBeforeTheAgentIsOnTheLineLeavesTheAgentNothingToDispose() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        now(f.runner("node-a").start());
        f.event(new LineEvent.Answered(f.line(0)));

        f.event(new LineEvent.CustomerHungUp(f.line(0)));

        assertThat(f.agents.notices()).isEmpty();
        assertThat(f.agents.heldBy("a1")).as("no wrap-up for a call the agent never had").isEmpty();
    }
}
