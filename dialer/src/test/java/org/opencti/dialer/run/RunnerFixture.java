package org.opencti.dialer.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.SingleWriter;
import org.opencti.dialer.campaign.Campaign;
import org.opencti.dialer.campaign.CampaignStore;
import org.opencti.dialer.campaign.Campaigns;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.campaign.InMemoryCampaignStore;
import org.opencti.dialer.compliance.AttemptLog;
import org.opencti.dialer.compliance.DialPolicy;
import org.opencti.dialer.compliance.DncLists;
import org.opencti.dialer.compliance.InMemoryAttemptLog;
import org.opencti.dialer.compliance.InMemoryCustomerStandings;
import org.opencti.dialer.compliance.InMemoryDncLists;
import org.opencti.dialer.compliance.InMemoryRefusalLog;
import org.opencti.dialer.compliance.RefusalLog;
import org.opencti.dialer.lead.InMemoryLeadStore;
import org.opencti.dialer.lead.LeadStore;
import org.opencti.dialer.lead.ListLevels;
import org.opencti.dialer.lead.NewLead;

/**
 * One campaign, its stores (in memory unless given), a floor of agents and recording lines, on virtual time with the
 * runner's owner and worker inline: every call runs to its end before it returns, so a test reads the result at once.
 */
final class RunnerFixture {
    /** 12:00 in New York: inside the campaign's schedule and the default calling window. */
    static final Instant T0 = Instant.parse("2026-03-04T17:00:00Z");

    /** The stores a runner works through. */
    record Stores(CampaignStore campaigns, LeadStore leads, AttemptLog attempts, DncLists dnc, RefusalLog refusals,
                  CallbackStore callbacks) {
        static Stores inMemory() {
            return new Stores(new InMemoryCampaignStore(), new InMemoryLeadStore(), new InMemoryAttemptLog(), new InMemoryDncLists(),
                new InMemoryRefusalLog(), new InMemoryCallbackStore());
        }
    }

    final ManualScheduler time;
    final Stores stores;
    final Campaign campaign;
    final InMemoryCampaignAgents agents;
    final RecordingOutboundLines lines = new RecordingOutboundLines();
    final List<CampaignStats> published = new ArrayList<>();
    CampaignRunner runner;

    RunnerFixture(DialMode mode, boolean amd) {
        this(mode, amd, Stores.inMemory(), new ManualScheduler(T0));
    }

    RunnerFixture(DialMode mode, boolean amd, Stores stores, ManualScheduler time) {
        this.time = time;
        this.stores = stores;
        this.agents = new InMemoryCampaignAgents(time.clock());
        this.campaign = stores.campaigns().save(campaign(mode, amd));
    }

    /** A second node on the same campaign and stores: its own agents and lines. */
    RunnerFixture(RunnerFixture first) {
        this.time = first.time;
        this.stores = first.stores;
        this.campaign = first.campaign;
        this.agents = new InMemoryCampaignAgents(time.clock());
    }

    static Campaign campaign(DialMode mode, boolean amd) {
        Campaign c = Campaigns.allDay("Runner " + mode.word() + (amd ? " amd" : ""));
        return new Campaign(0, c.name(), mode, c.assignment(), c.callerId(), c.schedule(), c.callingHours(), c.abandonLimitPercent(),
            c.retryRules(), amd, c.safeHarbourMessage(), "Hello {first_name}, this is {agent}.", c.dispositions(), c.caps(),
            c.eligibility(), 0);
    }

    RunnerPorts ports(CampaignAgents floor) {
        return new RunnerPorts(stores.leads(), new DialPolicy(stores.dnc(), stores.attempts(), new InMemoryCustomerStandings(),
            stores.refusals(), time.clock()), new ListLevels(stores.leads(), e -> { }, time.clock()), stores.attempts(), stores.dnc(),
            stores.callbacks(), lines, floor);
    }

    CampaignRunner runner(String node) {
        return runner(node, RunnerSettings.defaults(node), agents);
    }

    CampaignRunner runner(String node, RunnerSettings settings, CampaignAgents floor) {
        runner = new CampaignRunner(campaign, ports(floor), settings, SingleWriter.inline(), time, Runnable::run, published::add);
        return runner;
    }

    /** {@code n} leads in one list, numbers +15551230001 upwards, zone unknown (09:00-20:00 New York). */
    void leads(int n) {
        List<NewLead> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new NewLead(i, String.format("+1555123%04d", i), "Ann", "Lee" + i, null, 0, null, null, null));
        }
        stores.leads().addList(campaign.id(), "list", list, 0, time.now());
    }

    void login(String... ids) {
        for (String id : ids) {
            agents.login(id, Set.of("sales"));
        }
    }

    void advance(Duration by) {
        time.advance(by);
    }

    void event(LineEvent event) {
        runner.onLineEvent(event);
    }

    OutboundLines.DialRequest dial(int index) {
        return lines.dialed().get(index);
    }

    String line(int index) {
        return dial(index).line();
    }

    static <T> T now(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
