package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.dialer.run.RunnerFixture.now;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.lead.LeadStatus;

/** The dial loop of each mode: how many lines, for whom, and nothing with nobody logged in. */
class DialLoopTest {
    @Test
    void progressiveDialsOneLinePerFreeAgentWithTheAgentHeldAndRedialsForAnAgentWhoseLineFailed() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(10);
        f.login("a1", "a2", "a3");

        now(f.runner("node-a").start());

        assertThat(f.lines.dialed()).hasSize(3);
        assertThat(f.lines.dialed()).extracting(OutboundLines.DialRequest::agentId).containsExactlyInAnyOrder("a1", "a2", "a3");
        assertThat(f.dial(0).ringTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(f.dial(0).callerId()).isEqualTo(f.campaign.callerId());
        assertThat(f.dial(0).amd()).isFalse();
        assertThat(f.agents.heldBy("a1")).contains(f.campaign.id());

        f.advance(Duration.ofSeconds(3));
        assertThat(f.lines.dialed()).as("every free agent already has a line").hasSize(3);

        String agent = f.dial(1).agentId();
        f.event(new LineEvent.Failed(f.line(1), LineEvent.Failure.BUSY));

        assertThat(f.lines.dialed()).hasSize(4);
        assertThat(f.dial(3).agentId()).isEqualTo(agent);
        assertThat(new HashSet<>(f.lines.dialed().stream().map(OutboundLines.DialRequest::e164).toList())).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(DialMode.class)
    void nobodyLoggedInDialsNothingAndOffersNothing(DialMode mode) {
        RunnerFixture f = new RunnerFixture(mode, false);
        f.leads(10);
        now(f.runner("node-a").start());

        f.advance(Duration.ofSeconds(30));

        assertThat(f.lines.dialed()).isEmpty();
        assertThat(f.agents.notices()).isEmpty();
        assertThat(f.stores.leads().listsOf(f.campaign.id()).get(0).inProgress()).isZero();
    }

    @Test
    void aLiveAnswerOnAProgressiveLineMeetsItsWaitingAgentAtOnce() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        now(f.runner("node-a").start());

        f.advance(Duration.ofSeconds(7));
        f.event(new LineEvent.Answered(f.line(0)));

        assertThat(f.lines.actions()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("connect");
            assertThat(a.agentId()).isEqualTo("a1");
        });
        assertThat(f.agents.notices()).as("told only once the lines have them on it").isEmpty();
        f.event(new LineEvent.AgentConnected(f.line(0)));
        f.event(new LineEvent.AgentConnected(f.line(0)));
        assertThat(f.agents.notices()).singleElement().satisfies(n -> assertThat(n.notice())
            .isInstanceOfSatisfying(AgentNotice.Connected.class, c -> {
                assertThat(c.lead().e164()).isEqualTo("+15551230001");
                assertThat(c.script()).isEqualTo("Hello {first_name}, this is {agent}.");
            }));
        assertThat(f.stores.attempts().find(1).orElseThrow().outcome()).isEqualTo(CallOutcome.LIVE_ANSWER);
        assertThat(f.stores.leads().find(1).orElseThrow().status()).isEqualTo(LeadStatus.DONE);
        assertThat(now(f.runner.stats()).connects()).isEqualTo(1);
    }

    @Test
    void predictiveStartsProgressiveThenDialsMoreLinesThanFreeAgentsOnceItHasLearntTheRates() {
        RunnerFixture f = new RunnerFixture(DialMode.PREDICTIVE, false);
        f.leads(2000);
        f.login("a1", "a2", "a3", "a4", "a5");
        now(f.runner("node-a").start());
        assertThat(f.lines.dialed()).as("a cold campaign dials one line per free agent").hasSize(5);

        // Warm up: one line in five is a person who talks a moment and is disposed at once, the rest are busy after 1 s.
        int handled = 0;
        int most = 0;
        for (int second = 0; second < 600 && now(f.runner.stats()).connects() < 60; second++) {
            f.advance(Duration.ofSeconds(1));
            List<OutboundLines.DialRequest> ringing = f.lines.dialed().subList(handled, f.lines.dialed().size());
            most = Math.max(most, ringing.size());
            handled += ringing.size();
            for (OutboundLines.DialRequest d : ringing) {
                if (d.leadId() % 5 == 0) {
                    f.event(new LineEvent.Answered(d.line()));
                    talkAndDispose(f, d.line());
                } else {
                    f.event(new LineEvent.Failed(d.line(), LineEvent.Failure.BUSY));
                }
            }
        }

        assertThat(now(f.runner.stats()).connects()).isGreaterThanOrEqualTo(60);
        assertThat(most).as("lines in progress at once with 5 agents").isGreaterThan(5);
    }

    private static void talkAndDispose(RunnerFixture f, String line) {
        f.lines.actions().stream().filter(a -> a.line().equals(line) && a.kind().equals("connect")).findFirst().ifPresent(a -> {
            f.event(new LineEvent.AgentConnected(line));
            f.event(new LineEvent.AgentHungUp(line));
            AgentNotice.Connected c = f.agents.notices().stream().map(InMemoryCampaignAgents.Notice::notice)
                .filter(n -> n instanceof AgentNotice.Connected k && k.line().equals(line)).map(AgentNotice.Connected.class::cast)
                .findFirst().orElseThrow();
            now(f.runner.dispose(a.agentId(), c.attemptId(), "no-sale", null, null));
        });
    }
}
