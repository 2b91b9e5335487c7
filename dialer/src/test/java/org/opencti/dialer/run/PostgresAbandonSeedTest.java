package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opencti.dialer.run.RunnerFixture.now;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencti.core.time.ManualScheduler;
import org.opencti.dialer.campaign.CallOutcome;
import org.opencti.dialer.campaign.DialMode;
import org.opencti.dialer.campaign.PostgresCampaignStore;
import org.opencti.dialer.compliance.PostgresAttemptLog;
import org.opencti.dialer.compliance.PostgresDncLists;
import org.opencti.dialer.compliance.PostgresRefusalLog;
import org.opencti.dialer.lead.PostgresLeadStore;
import org.opencti.dialer.store.TestDatabase;

/** The abandon windows rebuilt from PostgreSQL's attempt log (more than one page of it), on virtual time. */
class PostgresAbandonSeedTest {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = new TestDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aRunnerOnThePostgresLogReportsItsPastDropsAndOldAttemptsLeaveTheWindows() {
        db.empty();
        RunnerFixture.Stores stores = new RunnerFixture.Stores(new PostgresCampaignStore(db.dataSource()),
            new PostgresLeadStore(db.dataSource()), new PostgresAttemptLog(db.dataSource()), new PostgresDncLists(db.dataSource()),
            new PostgresRefusalLog(db.dataSource()), new PostgresCallbackStore(db.dataSource()));
        RunnerFixture f = new RunnerFixture(DialMode.PREDICTIVE, false, stores, new ManualScheduler(RunnerFixture.T0));
        AbandonSeedTest.seed(stores.attempts(), f.campaign.id(), f.time.now(), 1000, 30, 20);
        AbandonSeedTest.outcome(stores.attempts(), f.campaign.id(), f.time.now().minus(Duration.ofDays(31)), CallOutcome.ABANDONED, 9001);
        AbandonSeedTest.outcome(stores.attempts(), f.campaign.id(), f.time.now().minus(Duration.ofHours(25)), CallOutcome.MACHINE, 9002);
        f.leads(10);
        f.login("a1");

        now(f.runner("node-a").start());

        assertThat(now(f.runner.stats()).usAbandonRate()).isCloseTo(0.03, within(1e-12));
        assertThat(f.runner.us.counts().amdMachines()).isEqualTo(1);
        assertThat(f.runner.uk.counts().amdMachines()).isZero();
        assertThat(f.lines.dialed()).hasSize(1);

        // a second node on the same log: its drop is counted by the first after a rebuild, once
        RunnerFixture b = new RunnerFixture(f);
        b.login("b1");
        now(b.runner("node-b").start());
        b.agents.set("b1", CampaignAgents.Activity.TALKING); // busy on an inbound call when the line is answered
        b.event(new LineEvent.Answered(b.line(0)));
        b.advance(Duration.ofSeconds(3)); // no agent within 2 s: safe-harbour message, abandoned
        assertThat(b.runner.us.counts().abandoned()).isEqualTo(31);
        assertThat(f.runner.us.counts().abandoned()).isEqualTo(30);
        f.advance(AbandonLedger.EVERY);
        assertThat(f.runner.us.counts().abandoned()).isEqualTo(31);
        assertThat(b.runner.us.counts().abandoned()).isEqualTo(31);
    }
}
