package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;

/**
 * What every {@link AgentBookings} must do, with the {@link FloorLease} whose epoch fences it (the same store: a new
 * holder's claim must outdate the old holder's epoch). A subclass hands out both fresh for each test.
 */
public abstract class AgentBookingsContract {
    private static final Duration LONG = Duration.ofMinutes(1);

    protected abstract FloorLease lease();

    protected abstract AgentBookings bookings();

    private long holdTheFloor(String node) {
        return lease().claim(node, "http://" + node + ":8080", LONG).orElseThrow().epoch();
    }

    @Test
    public void nothingIsBookedAtFirst() {
        assertThat(bookings().all()).isEmpty();
    }

    @Test
    public void aFreeAgentIsBookedAndAReplayForTheSameWorkSucceedsAgain() {
        long epoch = holdTheFloor("cti-a");

        assertThat(bookings().book("1001", "call:1732266958.17", epoch)).isTrue();
        assertThat(bookings().book("1001", "call:1732266958.17", epoch)).isTrue();

        assertThat(bookings().all()).isEqualTo(Map.of("1001", "call:1732266958.17"));
    }

    @Test
    public void anAgentBookedForOtherWorkIsRefused() {
        long epoch = holdTheFloor("cti-a");
        bookings().book("1001", "call:1", epoch);

        assertThat(bookings().book("1001", "campaign:7", epoch)).isFalse();

        assertThat(bookings().all()).isEqualTo(Map.of("1001", "call:1"));
    }

    @Test
    public void freeingReleasesOnlyTheNamedWork() {
        long epoch = holdTheFloor("cti-a");
        bookings().book("1001", "call:1", epoch);
        bookings().book("1002", "call:2", epoch);

        bookings().free("1001", "call:2");
        bookings().free("1003", "call:1");
        assertThat(bookings().all()).isEqualTo(Map.of("1001", "call:1", "1002", "call:2"));

        bookings().free("1001", "call:1");
        bookings().free("1001", "call:1");
        assertThat(bookings().all()).isEqualTo(Map.of("1002", "call:2"));
        assertThat(bookings().book("1001", "campaign:7", epoch)).isTrue();
    }

    @Test
    public void aNodeThatLostTheFloorCanNoLongerBook() {
        long old = holdTheFloor("cti-a");
        bookings().book("1001", "call:1", old);
        lease().release("cti-a");
        long current = holdTheFloor("cti-b");
        assertThat(current).isGreaterThan(old);

        assertThat(bookings().book("1002", "call:2", old)).isFalse();
        assertThat(bookings().book("1001", "call:1", old)).isFalse();

        assertThat(bookings().all()).isEqualTo(Map.of("1001", "call:1"));
        // the new holder adopts the call it found booked, and books under its own epoch
        assertThat(bookings().book("1001", "call:1", current)).isTrue();
        assertThat(bookings().book("1002", "call:2", current)).isTrue();
    }

    @Test
    public void theNewHolderKeepsOnlyTheBookingsItAdopted() {
        long old = holdTheFloor("cti-a");
        bookings().book("1001", "call:1", old);
        bookings().book("1002", "call:2", old);
        bookings().book("1003", "call:3", old);
        lease().release("cti-a");
        long current = holdTheFloor("cti-b");

        assertThat(bookings().retainOnly(Map.of("1001", "call:1", "1002", "call:9", "1004", "call:4"), current)).isTrue();

        assertThat(bookings().all()).isEqualTo(Map.of("1001", "call:1"));
        assertThat(bookings().retainOnly(Map.of(), current)).isTrue();
        assertThat(bookings().all()).isEmpty();
    }

    @Test
    public void theCleanUpLeavesTheNewHoldersOwnBookingsAloneWhateverTheOrder() {
        long old = holdTheFloor("cti-a");
        bookings().book("1001", "call:1", old);
        lease().release("cti-a");
        long current = holdTheFloor("cti-b");
        assertThat(bookings().book("1002", "call:2", current)).isTrue(); // routed before its clean-up ran

        assertThat(bookings().retainOnly(Map.of(), current)).isTrue();

        assertThat(bookings().all()).isEqualTo(Map.of("1002", "call:2"));
    }

    @Test
    public void aNodeThatLostTheFloorCannotWipeTheBookings() {
        long old = holdTheFloor("cti-a");
        lease().release("cti-a");
        long current = holdTheFloor("cti-b");
        bookings().book("1001", "call:1", current);

        assertThat(bookings().retainOnly(Map.of(), old)).isFalse();

        assertThat(bookings().all()).isEqualTo(Map.of("1001", "call:1"));
    }

    @Test
    public void idsOfAnyCharactersAreKeptExactly() {
        long epoch = holdTheFloor("cti-a");
        String agent = "agent|1001:\"é\" \uD83C\uDFA7";
        String work = "call:1|2 \n東京";

        assertThat(bookings().book(agent, work, epoch)).isTrue();

        assertThat(bookings().all()).isEqualTo(Map.of(agent, work));
        assertThat(bookings().retainOnly(Map.of(agent, work), epoch)).isTrue();
        assertThat(bookings().all()).isEqualTo(Map.of(agent, work));
    }

    @Test
    public void concurrentBookingsOfOneAgentForDifferentWorkLetExactlyOneThrough() throws Exception {
        long epoch = holdTheFloor("cti-a");
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String work = "call:" + i;
                tries.add(pool.submit(() -> {
                    go.await();
                    return bookings().book("1001", work, epoch);
                }));
            }
            go.countDown();
            int booked = 0;
            for (Future<Boolean> t : tries) {
                booked += t.get(20, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(booked).isEqualTo(1);
            assertThat(bookings().all()).containsOnlyKeys("1001");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void blankIdsAreRefusedAndNothingIsBooked() {
        long epoch = holdTheFloor("cti-a");

        assertThatThrownBy(() -> bookings().book(" ", "call:1", epoch)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("agent");
        assertThatThrownBy(() -> bookings().book("1001", "", epoch)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("work");
        assertThatThrownBy(() -> bookings().retainOnly(null, epoch)).isInstanceOf(NullPointerException.class);

        assertThat(bookings().all()).isEmpty();
    }
}
