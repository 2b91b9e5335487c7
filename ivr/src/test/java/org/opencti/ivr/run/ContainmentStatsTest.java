package org.opencti.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencti.ivr.run.ContainmentStats.NodeStats;
import org.opencti.ivr.run.ContainmentStats.Snapshot;
import org.opencti.ivr.run.RunOutcome.End;
import org.opencti.ivr.tree.MenuTrees;

class ContainmentStatsTest {

    private static final MenuTrees SAMPLE = RunFixtures.sample();

    /** A caller known by their number: the order path skips the account check. */
    private static RunOutcome call(String... keys) {
        return RunFixtures.run(RunFixtures.runner(true), SAMPLE, "main", RunFixtures.KNOWN, ScriptedCaller.pressing(keys));
    }

    @Test
    void sampleCallsAddUp() {
        ContainmentStats stats = new ContainmentStats();
        stats.record(call("2", RunFixtures.ORDER, "1"));
        stats.record(call("2", RunFixtures.ORDER, "0"));
        stats.record(call("1", RunFixtures.ACCOUNT, RunFixtures.PIN));
        stats.record(call("7", ScriptedCaller.HANG_UP));
        stats.record(call("2", RunFixtures.ORDER, "9", "2", RunFixtures.ORDER, "1"));

        Snapshot snapshot = stats.snapshot();

        assertThat(snapshot.calls()).isEqualTo(5);
        assertThat(snapshot.selfService() + snapshot.person() + snapshot.hungUp()).isEqualTo(snapshot.calls());
        assertThat(snapshot.selfService()).isEqualTo(2);
        assertThat(snapshot.person()).isEqualTo(2);
        assertThat(snapshot.hungUp()).isEqualTo(1);
        assertThat(snapshot.containmentRate()).isEqualTo(0.4);
        assertThat(snapshot.nodes().get("welcome")).isEqualTo(new NodeStats(6, 2, 2, 1));
        assertThat(snapshot.nodes().get("sayStatus")).isEqualTo(new NodeStats(4, 2, 1, 0));
        assertThat(snapshot.nodes().get("goodbye")).isEqualTo(new NodeStats(2, 2, 0, 0));
        assertThat(snapshot.nodes().get("billingAgent")).isEqualTo(new NodeStats(1, 0, 1, 0));
        assertThat(snapshot.nodes().keySet()).startsWith("identify", "vipCheck", "hours", "welcome");
        snapshot.nodes().values().forEach(n -> assertThat(n.selfService() + n.person() + n.hungUp()).isLessThanOrEqualTo(n.visits()));
    }

    @Test
    void recordIsThreadSafe() {
        ContainmentStats stats = new ContainmentStats();
        RunOutcome self = new RunOutcome(List.of("a", "b"), End.SELF_SERVICE, "b");
        RunOutcome gone = new RunOutcome(List.of("a"), End.HUNG_UP, "a");
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        IntStream.range(0, 8).forEach(t -> writers.add(CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 1000; i++) {
                stats.record(i % 2 == 0 ? self : gone);
            }
        })));
        writers.forEach(CompletableFuture::join);

        Snapshot snapshot = stats.snapshot();

        assertThat(snapshot.calls()).isEqualTo(8000);
        assertThat(snapshot.nodes().get("a")).isEqualTo(new NodeStats(8000, 4000, 0, 4000));
        assertThat(snapshot.nodes().get("b")).isEqualTo(new NodeStats(4000, 4000, 0, 0));
    }

    @Test
    void anEmptySnapshotHasNoRate() {
        assertThat(new ContainmentStats().snapshot().containmentRate()).isZero();
    }
}
