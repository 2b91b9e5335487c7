package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.dialer.run.RunnerFixture.now;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.lead.LeadStatus;

/** Blending, pause and stop, leases given back, and the runner's thread. */
class LifecycleTest {
    @Test
    void anAgentTheInboundSideNeedsIsNotUsedAndOneTakenBetweenTheSnapshotAndTheReservationIsSkipped() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(10);
        f.login("a1", "a2", "a3");
        f.agents.neededByInbound("a1", true);
        // a2 is in the snapshot as free, but inbound takes them before the runner's reservation lands
        CampaignAgents racing = new CampaignAgents() {
            @Override
            public List<CampaignAgent> available(Campaign campaign) {
                return f.agents.available(campaign);
            }

            @Override
            public boolean reserve(long campaignId, String agentId) {
                return !agentId.equals("a2") && f.agents.reserve(campaignId, agentId);
            }

            @Override
            public void release(long campaignId, String agentId) {
                f.agents.release(campaignId, agentId);
            }

            @Override
            public void notify(String agentId, AgentNotice notice) {
                f.agents.notify(agentId, notice);
            }
        };
        now(f.runner("node-a", RunnerSettings.defaults("node-a"), racing).start());

        assertThat(f.lines.dialed()).singleElement().extracting(OutboundLines.DialRequest::agentId).isEqualTo("a3");
        assertThat(f.stores.leads().listsOf(f.campaign.id()).get(0).inProgress()).as("no lead claimed for the agents not had").isEqualTo(1);

        f.agents.neededByInbound("a1", false);
        f.runner.agentsChanged();
        assertThat(f.lines.dialed()).hasSize(2).last().extracting(OutboundLines.DialRequest::agentId).isEqualTo("a1");
    }

    @Test
    void pauseStopsNewDialsAndWithdrawsPreviewsAndStartResumes() {
        RunnerFixture f = new RunnerFixture(DialMode.PREVIEW, false);
        f.leads(3);
        f.login("a1");
        now(f.runner("node-a").start());
        assertThat(f.agents.notices()).hasSize(1);

        assertThat(now(f.runner.pause())).isEqualTo(RunnerState.PAUSED);
        f.advance(Duration.ofMinutes(2));

        assertThat(f.agents.notices()).hasSize(2).last().extracting(InMemoryCampaignAgents.Notice::notice)
            .isInstanceOf(AgentNotice.PreviewWithdrawn.class);
        assertThat(f.stores.leads().listsOf(f.campaign.id()).get(0).inProgress()).isZero();
        assertThat(f.agents.heldBy("a1")).isEmpty();
        assertThat(now(f.runner.stats()).state()).isEqualTo(RunnerState.PAUSED);

        now(f.runner.start());
        assertThat(f.agents.notices()).hasSize(3).last().extracting(InMemoryCampaignAgents.Notice::notice)
            .isInstanceOf(AgentNotice.PreviewOffered.class);
    }

    @Test
    void stopLetsLinesInProgressFinishDialsNothingNewAndGivesEveryLeaseBack() {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(10);
        f.login("a1", "a2");
        now(f.runner("node-a").start());
        assertThat(f.lines.dialed()).hasSize(2);

        CompletableFuture<CampaignStats> stopped = f.runner.stop().toCompletableFuture();
        f.event(new LineEvent.Failed(f.line(0), LineEvent.Failure.BUSY));
        f.advance(Duration.ofSeconds(5));

        assertThat(stopped).as("a line is still ringing").isNotDone();
        assertThat(f.lines.dialed()).as("the freed agent gets no new line").hasSize(2);
        f.event(new LineEvent.Answered(f.line(1)));
        f.event(new LineEvent.AgentConnected(f.line(1)));
        f.event(new LineEvent.CustomerHungUp(f.line(1)));

        assertThat(stopped).isCompleted();
        assertThat(stopped.join().state()).isEqualTo(RunnerState.STOPPED);
        assertThat(stopped.join().dials()).isEqualTo(2);
        assertThat(f.stores.leads().listsOf(f.campaign.id()).get(0).inProgress()).isZero();
        assertThat(f.stores.leads().find(f.dial(0).leadId()).orElseThrow().status()).isEqualTo(LeadStatus.RETRY);
        assertThat(f.time.pending()).as("the tick stopped; only the wrap-up limit of the agent who talked is left").isEqualTo(1);
        now(f.runner.dispose(f.dial(1).agentId(), 2, "no-sale", null, null));
        assertThat(f.agents.heldBy("a1")).isEmpty();
        assertThat(f.agents.heldBy("a2")).isEmpty();
        assertThatThrownBy(() -> now(f.runner.start())).hasMessageContaining("was stopped");
    }

    @Test
    void everythingRunsOnTheRunnersOwnThreadWhoeverCalls() throws Exception {
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false);
        f.leads(5);
        f.login("a1", "a2");
        ExecutorService worker = Executors.newFixedThreadPool(2, r -> new Thread(r, "dialer-io"));
        // real time, for real threads, but from the fixture's noon in New York: the campaign's day ends at 23:59 there, and a
        // run in the minute before midnight (04:59 UTC in winter) dialed nothing
        Clock fromT0 = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), RunnerFixture.T0));
        try (StateOwner owner = new StateOwner("cti-campaign-1")) {
            CampaignRunner runner = new CampaignRunner(f.campaign, f.ports(f.agents), RunnerSettings.defaults("node-a"), owner,
                new ExecutorScheduler(fromT0, owner.executor()), worker, s -> { });
            runner.start().toCompletableFuture().get(5, TimeUnit.SECONDS);
            await(() -> f.lines.dialed().size() == 2);

            runner.onLineEvent(new LineEvent.Answered(f.line(0)));
            await(() -> f.lines.actions().size() == 1);

            assertThat(f.lines.dialThreads()).containsOnly("cti-campaign-1");
            assertThat(f.lines.actions()).singleElement().extracting(RecordingOutboundLines.Action::thread).isEqualTo("cti-campaign-1");
            assertThat(runner.stats().toCompletableFuture().get(5, TimeUnit.SECONDS).connects()).isEqualTo(1);
        } finally {
            worker.shutdownNow();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void runnerSettingsRefuseARingShorterThanFifteenSecondsAndALeaseThatCannotCoverAPreview() {
        RunnerSettings d = RunnerSettings.defaults("node-a");
        assertThatThrownBy(() -> new RunnerSettings("node-a", d.lease(), d.recheck(), Duration.ofSeconds(14), d.previewTimeout(),
            d.wrapUpLimit(), false, 0, d.pacingRule(), d.priors())).hasMessageContaining("ring timeout must be at least 15 s");
        assertThatThrownBy(() -> new RunnerSettings("node-a", Duration.ofMinutes(1), d.recheck(), d.ringTimeout(), d.previewTimeout(),
            d.wrapUpLimit(), false, 0, d.pacingRule(), d.priors())).hasMessageContaining("must cover a preview");
        assertThatThrownBy(() -> new OutboundLines.DialRequest("l1", 1, 1, "+15551230001", "+15551230000", false, "bye",
            Duration.ofSeconds(10), null)).hasMessageContaining("dial request l1: ring timeout must be at least 15 s");
        assertThat(Set.of(d.ringTimeout())).containsExactly(Duration.ofSeconds(25));
    }
}
