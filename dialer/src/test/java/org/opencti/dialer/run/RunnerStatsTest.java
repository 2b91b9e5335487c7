package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opencti.dialer.run.RunnerFixture.now;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.compliance.RefusalReason;
import org.opencti.dialer.lead.NewLead;

/** The wallboard figures, checked by hand against a scripted hour. */
class RunnerStatsTest {
    @Test
    void anHourOfTwoAgentsGivesTheFiguresWorkedOutByHand() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.stores.leads().addList(f.campaign.id(), "list", List.of(lead(1, null, 0), lead(2, null, 0), lead(3, null, 0), lead(4, null, 0),
            lead(5, null, 9), lead(6, ZoneId.of("Asia/Tokyo"), 9)), 0, f.time.now());
        f.stores.dnc().addInternal("+15551230005", "request", "2001", f.time.now());
        f.login("a1", "a2");
        RunnerSettings d = RunnerSettings.defaults("node-a");
        f.runner("node-a", new RunnerSettings("node-a", d.lease(), Duration.ofHours(2), d.ringTimeout(), d.previewTimeout(),
            d.wrapUpLimit(), false, 0, d.pacingRule(), d.priors()), f.agents);

        // t=0: the two best leads are refused (do-not-call: closed; 01:00 in Tokyo: back in 2 h); no lead for the agents yet
        now(f.runner.start());
        assertThat(f.lines.dialed()).isEmpty();
        // t=1 s: leads 1 and 2; 2 is invalid, so a2 gets 3, which is congested, so a2 gets 4; 1 and 4 answer
        f.advance(Duration.ofSeconds(1));
        assertThat(f.lines.dialed()).extracting(OutboundLines.DialRequest::leadId).containsExactly(1L, 2L);
        f.event(new LineEvent.Failed(f.line(1), LineEvent.Failure.INVALID_NUMBER));
        f.event(new LineEvent.Failed(f.line(2), LineEvent.Failure.CONGESTION));
        f.event(new LineEvent.Answered(f.line(0)));
        f.event(new LineEvent.Answered(f.line(3)));
        f.event(new LineEvent.AgentConnected(f.line(0)));
        f.event(new LineEvent.AgentConnected(f.line(3)));
        assertThat(f.lines.dialed()).extracting(OutboundLines.DialRequest::leadId).containsExactly(1L, 2L, 3L, 4L);
        // a1 talks 600 s, a2 1200 s; both disposed at once
        f.advance(Duration.ofSeconds(600));
        f.event(new LineEvent.CustomerHungUp(f.line(0)));
        now(f.runner.dispose("a1", 1, "sale", null, null));
        f.advance(Duration.ofSeconds(600));
        f.event(new LineEvent.AgentHungUp(f.line(3)));
        now(f.runner.dispose("a2", 4, "no-sale", null, null));
        f.advance(Duration.ofSeconds(3600 - 1201));

        CampaignStats s = now(f.runner.stats());
        assertThat(s.at()).isEqualTo(RunnerFixture.T0.plus(Duration.ofHours(1)));
        assertThat(s.dials()).isEqualTo(4);
        assertThat(s.connects()).isEqualTo(2);
        assertThat(s.abandons()).isZero();
        assertThat(s.machines()).isZero();
        assertThat(s.usAbandonRate()).isZero();
        assertThat(s.ukAbandonRate()).isZero();
        // 1800 s of talk over 2 agents x 1 hour
        assertThat(s.talkSecondsPerAgentHour()).isCloseTo(900, within(1e-9));
        // 6 leads, 4 dialed (5 closed undialed, 6 waiting for Tokyo's morning): 4 / 6; lead 6 is the one left
        assertThat(s.leadsInList()).isEqualTo(6);
        assertThat(s.leadsAttempted()).isEqualTo(4);
        assertThat(s.listPenetration()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(s.leadsLeft()).isEqualTo(1);
        assertThat(s.refusals()).isEqualTo(Map.of(RefusalReason.DNC_INTERNAL, 1L, RefusalReason.OUTSIDE_CALLING_HOURS, 1L));
        assertThat(s.agentsLoggedIn()).isEqualTo(2);
        assertThat(s.agentsFree()).isEqualTo(2);
        assertThat(s.linesInProgress()).isZero();
        assertThat(s.state()).isEqualTo(RunnerState.RUNNING);
        assertThat(f.published).as("one a second").hasSize(3600);
        assertThat(f.published.get(f.published.size() - 1)).isEqualTo(s);
    }

    @Test
    void aDropLeavesTheUkTwentyFourHourWindowAfterADayAndStaysInTheUsThirtyDayWindow() {
        RunnerFixture f = OutcomesTest.twoLinesOneAgentLeft();
        f.advance(Duration.ofSeconds(2));
        assertThat(now(f.runner.stats()).ukAbandonRate()).isEqualTo(0.5);

        f.runner.onLineEvent(new LineEvent.CustomerHungUp(f.line(0)));
        now(f.runner.pause());
        f.advance(Duration.ofHours(25));

        CampaignStats s = now(f.runner.stats());
        assertThat(s.ukAbandonRate()).isZero();
        assertThat(s.usAbandonRate()).isEqualTo(0.5);
        assertThat(s.abandons()).isEqualTo(1);
    }

    private static NewLead lead(int n, ZoneId zone, int priority) {
        return new NewLead(n, String.format("+1555123%04d", n), "Ann", "Lee", zone, priority, null, null, null);
    }
}
