package org.opencti.dialer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.dialer.run.RunnerFixture.now;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.dialer.campaign.DialMode;

/** Two nodes running one campaign over one lead store never dial a lead twice (the PostgreSQL race: PostgresRunnerTest). */
class SharedListTest {
    @Test
    void twoRunnersOverOneStoreDialEveryLeadOnceBetweenThem() {
        RunnerFixture a = new RunnerFixture(DialMode.PREDICTIVE, false);
        a.leads(40);
        a.login("a1", "a2", "a3");
        RunnerFixture b = new RunnerFixture(a);
        b.login("b1", "b2", "b3", "b4");
        now(a.runner("node-a").start());
        now(b.runner("node-b").start());

        int seenA = 0;
        int seenB = 0;
        for (int second = 0; second < 120; second++) {
            a.advance(Duration.ofSeconds(1));
            seenA = failNew(a, seenA);
            seenB = failNew(b, seenB);
        }

        List<Long> dialed = new ArrayList<>();
        a.lines.dialed().forEach(d -> dialed.add(d.leadId()));
        b.lines.dialed().forEach(d -> dialed.add(d.leadId()));
        assertThat(dialed).hasSize(40);
        assertThat(new HashSet<>(dialed)).hasSize(40);
        assertThat(a.lines.dialed()).isNotEmpty();
        assertThat(b.lines.dialed()).isNotEmpty();
        assertThat(a.stores.leads().listsOf(a.campaign.id()).get(0).done()).isEqualTo(40);
    }

    private static int failNew(RunnerFixture f, int seen) {
        List<OutboundLines.DialRequest> all = f.lines.dialed();
        for (OutboundLines.DialRequest d : all.subList(seen, all.size())) {
            f.event(new LineEvent.Failed(d.line(), LineEvent.Failure.INVALID_NUMBER));
        }
        return all.size();
    }
}
