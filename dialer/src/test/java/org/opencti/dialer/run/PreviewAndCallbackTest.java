package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.dialer.run.RunnerFixture.now;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.lead.LeadStatus;

/** Preview offers, dials, skips and time-outs; callbacks to the same agent and to the pool, kept across a restart. */
class PreviewAndCallbackTest {
    private static List<AgentNotice> noticesOf(RunnerFixture f, String agent) {
        return f.agents.notices().stream().filter(n -> n.agentId().equals(agent)).map(InMemoryCampaignAgents.Notice::notice).toList();
    }

    private static AgentNotice.PreviewOffered lastOffer(RunnerFixture f, String agent) {
        List<AgentNotice> mine = noticesOf(f, agent);
        return mine.stream().filter(AgentNotice.PreviewOffered.class::isInstance).map(AgentNotice.PreviewOffered.class::cast)
            .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void previewOffersOneLeadToAFreeAgentWhoDialsItAndIsOnTheLineWhenItIsAnswered() {
        RunnerFixture f = new RunnerFixture(DialMode.PREVIEW, false);
        f.leads(5);
        f.login("a1");
        now(f.runner("node-a").start());

        AgentNotice.PreviewOffered offer = lastOffer(f, "a1");
        assertThat(offer.lead().e164()).isEqualTo("+15551230001");
        assertThat(offer.script()).isEqualTo("Hello {first_name}, this is {agent}.");
        assertThat(offer.answerBy()).isEqualTo(f.time.now().plusSeconds(60));
        assertThat(f.lines.dialed()).as("preview never dials by itself").isEmpty();
        f.advance(Duration.ofSeconds(20));
        assertThat(noticesOf(f, "a1")).as("one offer at a time").hasSize(1);

        now(f.runner.previewDial("a1", offer.lead().id()));
        assertThat(f.lines.dialed()).singleElement().satisfies(d -> {
            assertThat(d.agentId()).isEqualTo("a1");
            assertThat(d.leadId()).isEqualTo(offer.lead().id());
        });
        f.advance(Duration.ofSeconds(60));
        f.event(new LineEvent.Answered(f.line(0)));

        assertThat(f.lines.actions()).singleElement().extracting(RecordingOutboundLines.Action::agentId).isEqualTo("a1");
        assertThat(f.stores.attempts().find(1).orElseThrow().agentId()).isEqualTo("a1");
        assertThat(now(f.runner.stats()).abandons()).isZero();
    }

    @Test
    void aSkippedPreviewGoesBackForLaterAndTheAgentIsOfferedTheNextLead() {
        RunnerFixture f = new RunnerFixture(DialMode.PREVIEW, false);
        f.leads(5);
        f.login("a1");
        now(f.runner("node-a").start());
        long first = lastOffer(f, "a1").lead().id();

        now(f.runner.previewSkip("a1", first, "already a customer"));

        Lead skipped = f.stores.leads().find(first).orElseThrow();
        assertThat(skipped.status()).isEqualTo(LeadStatus.NEW);
        assertThat(skipped.attempts()).isZero();
        assertThat(skipped.nextAttemptAt()).isEqualTo(f.time.now().plus(Duration.ofMinutes(30)));
        assertThat(lastOffer(f, "a1").lead().id()).isNotEqualTo(first);
        assertThat(now(f.runner.stats()).previewSkips()).isEqualTo(1);
        assertThatThrownBy(() -> now(f.runner.previewDial("a1", first))).hasMessageContaining("agent a1 has no preview of lead " + first);
    }

    @Test
    void aPreviewWithNoDecisionInTimeIsWithdrawnAndItsLeadReturned() {
        RunnerFixture f = new RunnerFixture(DialMode.PREVIEW, false);
        f.leads(1);
        f.login("a1");
        now(f.runner("node-a").start());
        long lead = lastOffer(f, "a1").lead().id();

        f.advance(Duration.ofSeconds(59));
        assertThat(f.stores.leads().find(lead).orElseThrow().status()).isEqualTo(LeadStatus.IN_PROGRESS);
        f.advance(Duration.ofSeconds(1));

        assertThat(noticesOf(f, "a1")).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(AgentNotice.PreviewWithdrawn.class,
            w -> assertThat(w.reason()).isEqualTo("no decision within 60 s")));
        assertThatThrownBy(() -> now(f.runner.previewDial("a1", lead))).hasMessageContaining("no preview");
        Lead back = f.stores.leads().find(lead).orElseThrow();
        assertThat(back.status()).isEqualTo(LeadStatus.NEW);
        assertThat(back.nextAttemptAt()).as("dialable again at once").isEqualTo(f.time.now());
        assertThat(f.agents.heldBy("a1")).isEmpty();
        f.advance(Duration.ofSeconds(59));
        assertThat(noticesOf(f, "a1").stream().filter(AgentNotice.PreviewOffered.class::isInstance))
            .as("an agent who let a preview lapse is likely away: nothing for a while").hasSize(1);
        f.advance(Duration.ofSeconds(1));
        assertThat(lastOffer(f, "a1").lead().id()).isEqualTo(lead);
    }

    /** A progressive call on a1 that ends in a callback disposition for {@code dueAt}. */
    private static void talkAndAgreeCallback(RunnerFixture f, Instant dueAt, boolean sameAgent) {
        now(f.runner.start());
        assertThat(f.dial(0).agentId()).isEqualTo("a1");
        f.event(new LineEvent.Answered(f.line(0)));
        f.event(new LineEvent.AgentConnected(f.line(0)));
        f.advance(Duration.ofSeconds(30));
        f.event(new LineEvent.AgentHungUp(f.line(0)));
        now(f.runner.dispose("a1", 1, "callback", null, new CallbackRequest(dueAt, sameAgent)));
    }

    @Test
    void aCallbackToTheSameAgentIsOfferedToThemAsAPreviewWhenDueAndFreeAndNotToAnotherAgent() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        f.runner("node-a");
        Instant due = f.time.now().plus(Duration.ofHours(1));
        talkAndAgreeCallback(f, due, true);
        assertThat(f.stores.callbacks().pending(f.campaign.id())).singleElement().satisfies(c -> {
            assertThat(c.agentId()).isEqualTo("a1");
            assertThat(c.dueAt()).isEqualTo(due);
            assertThat(c.leadId()).isEqualTo(1);
        });
        f.login("a2");
        f.agents.set("a1", CampaignAgents.Activity.TALKING);
        f.agents.neededByInbound("a1", true);

        f.advance(Duration.ofHours(1).plusSeconds(5));
        assertThat(noticesOf(f, "a2")).as("a callback for a1 is not a2's").isEmpty();
        f.agents.neededByInbound("a1", false);
        f.agents.set("a1", CampaignAgents.Activity.FREE);
        f.advance(Duration.ofSeconds(1));

        AgentNotice.PreviewOffered offer = lastOffer(f, "a1");
        assertThat(offer.callbackId()).isNotNull();
        assertThat(offer.lead().id()).isEqualTo(1);
        assertThat(noticesOf(f, "a1")).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(AgentNotice.CallbackDue.class,
            c -> assertThat(c.toAgent()).isTrue()));
        now(f.runner.previewDial("a1", 1));
        assertThat(f.lines.dialed()).hasSize(2).last().satisfies(d -> assertThat(d.agentId()).isEqualTo("a1"));
        f.event(new LineEvent.Answered(f.line(1)));
        assertThat(f.stores.callbacks().pending(f.campaign.id())).isEmpty();
        assertThat(f.stores.attempts().find(2).orElseThrow().outcome()).isEqualTo(CallOutcome.LIVE_ANSWER);
    }

    @Test
    void aPoolCallbackSurvivesARestartAndIsDialedWhenDueWithAFreeAgentHeldForIt() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        f.runner("node-a");
        Instant due = f.time.now().plus(Duration.ofMinutes(30));
        talkAndAgreeCallback(f, due, false);
        now(f.runner.stop());

        CampaignRunner restarted = f.runner("node-b");
        now(restarted.start());
        f.advance(Duration.ofMinutes(29));
        assertThat(f.lines.dialed()).as("not before it is due").hasSize(1);
        f.advance(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(f.lines.dialed()).hasSize(2).last().satisfies(d -> {
            assertThat(d.e164()).isEqualTo("+15551230001");
            assertThat(d.agentId()).isEqualTo("a1");
        });
        assertThat(noticesOf(f, "a1")).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(AgentNotice.CallbackDue.class,
            c -> assertThat(c.toAgent()).isFalse()));
        assertThat(f.stores.callbacks().pending(f.campaign.id())).singleElement().extracting(Callback::claimedBy).isEqualTo("node-b");

        f.advance(Duration.ofSeconds(20));
        f.event(new LineEvent.Failed(f.line(1), LineEvent.Failure.NO_ANSWER));
        assertThat(f.stores.callbacks().pending(f.campaign.id())).as("no answer: due again by the no-answer rule").singleElement()
            .satisfies(c -> {
                assertThat(c.dueAt()).isEqualTo(f.time.now().plus(Duration.ofHours(2)));
                assertThat(c.attempts()).isEqualTo(1);
            });
    }

    @Test
    void aCallbackToANumberPutOnDoNotCallMeanwhileIsNotDialed() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(1);
        f.login("a1");
        f.runner("node-a");
        talkAndAgreeCallback(f, f.time.now().plus(Duration.ofMinutes(5)), false);
        f.stores.dnc().addInternal("+15551230001", "request", "supervisor", f.time.now());

        f.advance(Duration.ofMinutes(6));

        assertThat(f.lines.dialed()).hasSize(1);
        assertThat(f.stores.callbacks().pending(f.campaign.id())).isEmpty();
        assertThat(now(f.runner.stats()).refusals()).containsEntry(org.opencti.dialer.compliance.RefusalReason.DNC_INTERNAL, 1L);
    }
}
