package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.postgres.PostgresDatabase;
import org.opencti.core.time.ExecutorScheduler;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.StateOwner;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.compliance.DialPolicy;
import org.opencti.dialer.compliance.InMemoryCustomerStandings;
import org.opencti.dialer.compliance.PostgresAttemptLog;
import org.opencti.dialer.compliance.PostgresDncLists;
import org.opencti.dialer.compliance.PostgresRefusalLog;
import org.opencti.dialer.lead.Lead;
import org.opencti.dialer.lead.LeadStatus;
import org.opencti.dialer.lead.LeadStore;
import org.opencti.dialer.lead.ListLevels;
import org.opencti.dialer.lead.PostgresLeadStore;
import org.opencti.dialer.store.TestDatabase;

/**
 * Two runners, each on its own thread with its own connection pool (as two servers would be), race over one campaign's
 * leads in PostgreSQL: every lead is dialed exactly once between them. Lines fail as soon as they are dialed, so each
 * runner claims again at once and the claims really overlap.
 */
class PostgresRunnerTest {
    private static final int LEADS = 400;
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Lines that fail as invalid numbers the moment they are dialed (the event goes through the runner's queue). */
    private static final class FailingLines implements OutboundLines {
        final List<DialRequest> dialed = new ArrayList<>();
        CampaignRunner runner;

        @Override
        public synchronized void dial(DialRequest request) {
            dialed.add(request);
            runner.onLineEvent(new LineEvent.Failed(request.line(), LineEvent.Failure.INVALID_NUMBER));
        }

        @Override
        public void connect(String line, String agentId) {
        }

        @Override
        public void safeHarbour(String line) {
        }

        @Override
        public void hangup(String line) {
        }

        @Override
        public void leaveMessage(String line) {
        }

        synchronized List<DialRequest> dialed() {
            return List.copyOf(dialed);
        }
    }

    @Test
    void twoNodesRacingOverOneListInPostgresDialEveryLeadExactlyOnce() throws Exception {
        db.empty();
        ManualScheduler setup = new ManualScheduler(RunnerFixture.T0);
        RunnerFixture.Stores stores = new RunnerFixture.Stores(new PostgresCampaignStore(db.dataSource()),
            new PostgresLeadStore(db.dataSource()), new PostgresAttemptLog(db.dataSource()), new PostgresDncLists(db.dataSource()),
            new PostgresRefusalLog(db.dataSource()), new PostgresCallbackStore(db.dataSource()));
        RunnerFixture f = new RunnerFixture(DialMode.PROGRESSIVE, false, stores, setup);
        f.leads(LEADS);
        // the clock stands still at noon in New York, so every lead is inside its calling hours; timers still run in real time
        Clock noon = Clock.fixed(RunnerFixture.T0, ZoneOffset.UTC);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (PostgresDatabase secondPool = db.anotherPool(); StateOwner ownerA = new StateOwner("cti-campaign-a");
             StateOwner ownerB = new StateOwner("cti-campaign-b")) {
            FailingLines linesA = new FailingLines();
            FailingLines linesB = new FailingLines();
            CampaignRunner a = runner(f, new PostgresLeadStore(db.dataSource()), linesA, "node-a", ownerA, noon, workers, "a");
            CampaignRunner b = runner(f, new PostgresLeadStore(secondPool.dataSource()), linesB, "node-b", ownerB, noon, workers, "b");
            a.start();
            b.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stores.leads().listsOf(f.campaign.id()).get(0).done() < LEADS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            a.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
            b.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);

            List<Long> dialed = new ArrayList<>();
            linesA.dialed().forEach(d -> dialed.add(d.leadId()));
            linesB.dialed().forEach(d -> dialed.add(d.leadId()));
            Set<Long> distinct = new HashSet<>(dialed);
            assertThat(distinct).hasSize(LEADS);
            assertThat(dialed).as("no lead dialed twice").hasSize(LEADS);
            assertThat(linesA.dialed()).as("node a took part").isNotEmpty();
            assertThat(linesB.dialed()).as("node b took part").isNotEmpty();
            for (long id : distinct) {
                Lead lead = stores.leads().find(id).orElseThrow();
                assertThat(lead.status()).isEqualTo(LeadStatus.DONE);
                assertThat(lead.attempts()).isEqualTo(1);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static CampaignRunner runner(RunnerFixture f, LeadStore leads, FailingLines lines, String node, StateOwner owner, Clock clock,
                                         ExecutorService workers, String agentPrefix) {
        InMemoryCampaignAgents agents = new InMemoryCampaignAgents(clock);
        for (int i = 1; i <= 4; i++) {
            agents.login(agentPrefix + i, Set.of("sales"));
        }
        RunnerFixture.Stores s = f.stores;
        RunnerPorts ports = new RunnerPorts(leads, new DialPolicy(s.dnc(), s.attempts(), new InMemoryCustomerStandings(), s.refusals(),
            clock), new ListLevels(leads, e -> { }, clock), s.attempts(), s.dnc(), s.callbacks(), lines, agents);
        CampaignRunner runner = new CampaignRunner(f.campaign, ports, RunnerSettings.defaults(node), owner,
            new ExecutorScheduler(clock, owner.executor()), workers, stats -> { });
        lines.runner = runner;
        return runner;
    }
}
