package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.memory.InMemoryFloor;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.time.ManualScheduler;
import org.opencti.core.time.Scheduler;

class NodeFloorTest {
    private static final Duration LEASE = Duration.ofSeconds(5);
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-26T09:00:00Z"));
    private final InMemoryFloor store = new InMemoryFloor(time.clock());

    /** What a node was told, in order. */
    private static final class Log implements NodeFloor.Changes {
        final List<String> seen = new ArrayList<>();

        @Override
        public void gained(FloorLease.Tenure tenure) {
            seen.add("gained " + tenure.epoch());
        }

        @Override
        public void renewedUnder(FloorLease.Tenure tenure) {
            seen.add("renewed " + tenure.epoch());
        }

        @Override
        public void lost() {
            seen.add("lost");
        }
    }

    /** A node's own timer, which stops firing when the node "dies" (its process frozen or killed). */
    private final class NodeTimer implements Scheduler {
        final AtomicBoolean dead = new AtomicBoolean();

        @Override
        public java.time.Clock clock() {
            return time.clock();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            return time.schedule(delay, () -> {
                if (!dead.get()) {
                    task.run();
                }
            });
        }
    }

    /** The store as one node reaches it: unreachable while {@code cut}. */
    private final class Link implements FloorLease {
        final AtomicBoolean cut = new AtomicBoolean();

        @Override
        public Optional<Tenure> claim(String nodeId, String address, Duration ttl) {
            check();
            return store.claim(nodeId, address, ttl);
        }

        @Override
        public void release(String nodeId) {
            check();
            store.release(nodeId);
        }

        @Override
        public Optional<Tenure> holder() {
            check();
            return store.holder();
        }

        private void check() {
            if (cut.get()) {
                throw new IllegalStateException("Redis unreachable");
            }
        }
    }

    private NodeFloor node(String id, FloorLease lease, NodeFloor.Changes changes, Scheduler timer) {
        return new NodeFloor(id, "http://" + id + ":8080", LEASE, lease, changes, timer, new SimpleMeterRegistry(), () -> true);
    }

    @Test
    void theFirstNodeHoldsTheFloorAndTheOtherWaitsKnowingWhereTheHolderIs() {
        Log a = new Log();
        Log b = new Log();
        NodeFloor na = node("a", store, a, time);
        NodeFloor nb = node("b", store, b, time);
        na.start();
        nb.start();
        time.advance(Duration.ofSeconds(60));
        assertThat(a.seen).containsExactly("gained 1");
        assertThat(b.seen).isEmpty();
        assertThat(na.holds()).isTrue();
        assertThat(nb.holds()).isFalse();
        assertThat(nb.holder()).hasValueSatisfying(t -> assertThat(t.address()).isEqualTo("http://a:8080"));
    }

    @Test
    void aDeadHolderIsReplacedWithinTheLeaseAndTheRenewalPeriod() {
        Log a = new Log();
        Log b = new Log();
        NodeTimer aTimer = new NodeTimer();
        NodeFloor na = node("a", store, a, aTimer);
        NodeFloor nb = node("b", store, b, time);
        na.start();
        nb.start();
        time.advance(Duration.ofSeconds(10));
        aTimer.dead.set(true);
        Instant died = time.now();
        Duration bound = LEASE.plus(nb.renewEvery());
        while (!nb.holds() && Duration.between(died, time.now()).compareTo(bound.plusSeconds(5)) <= 0) {
            time.advance(Duration.ofMillis(100));
        }
        assertThat(nb.holds()).isTrue();
        assertThat(Duration.between(died, time.now())).isLessThanOrEqualTo(bound);
        assertThat(b.seen).containsExactly("gained 2");
    }

    @Test
    void aHolderCutOffFromTheStoreKeepsRoutingThenStandsDownWhenItSeesAnotherHolder() {
        Log a = new Log();
        Log b = new Log();
        Link aLink = new Link();
        NodeFloor na = node("a", aLink, a, time);
        NodeFloor nb = node("b", store, b, time);
        na.start();
        nb.start();
        aLink.cut.set(true);
        time.advance(Duration.ofSeconds(2));
        assertThat(na.holds()).as("nobody could take the floor yet: a keeps routing").isTrue();
        time.advance(Duration.ofSeconds(10));
        assertThat(nb.holds()).isTrue();
        assertThat(na.holds()).as("a cannot know yet; its bookings carry the old epoch and are refused").isTrue();
        aLink.cut.set(false);
        time.advance(Duration.ofSeconds(2));
        assertThat(na.holds()).isFalse();
        assertThat(a.seen).containsExactly("gained 1", "lost");
        assertThat(b.seen).containsExactly("gained 2");
    }

    @Test
    void aStoreThatLostTheLeaseGivesTheHolderANewEpochAndTheHolderIsTold() {
        Log a = new Log();
        NodeFloor na = node("a", store, a, time);
        na.start();
        store.release("a"); // as if Redis restarted empty
        time.advance(Duration.ofSeconds(2));
        assertThat(a.seen).containsExactly("gained 1", "renewed 2");
        assertThat(na.holds()).isTrue();
    }

    @Test
    void closingGivesTheFloorUpSoTheOtherNodeTakesItAtItsNextRenewal() {
        Log a = new Log();
        Log b = new Log();
        NodeFloor na = node("a", store, a, time);
        NodeFloor nb = node("b", store, b, time);
        na.start();
        nb.start();
        na.close();
        time.advance(nb.renewEvery());
        assertThat(nb.holds()).isTrue();
        assertThat(a.seen).containsExactly("gained 1", "lost");
        assertThat(b.seen).containsExactly("gained 2");
    }
}
