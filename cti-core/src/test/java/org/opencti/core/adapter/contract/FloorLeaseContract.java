package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.FloorLease.Tenure;

/**
 * What every {@link FloorLease} must do. A subclass hands out a lease nobody has claimed yet (epoch counter at 0) and
 * knows how to let a lease claimed with {@link #shortTtl()} run out: move its clock, or wait for Redis to drop it.
 */
public abstract class FloorLeaseContract {
    /** Long enough never to run out during a test, even on a slow machine. */
    protected static final Duration LONG = Duration.ofMinutes(1);
    private static final String A = "cti-a";
    private static final String B = "cti-b";
    private static final String ADDRESS_A = "http://10.0.0.5:8080";
    private static final String ADDRESS_B = "http://10.0.0.6:8080";

    protected abstract FloorLease lease();

    /** A lease time that runs out within the test. */
    protected abstract Duration shortTtl();

    /** Returns once a lease claimed with {@link #shortTtl()} and not renewed has run out. */
    protected abstract void letTheLeaseRunOut();

    @Test
    public void nobodyHoldsAFreshFloor() {
        assertThat(lease().holder()).isEmpty();
    }

    @Test
    public void theFirstClaimTakesTheFloorUnderEpochOne() {
        assertThat(lease().claim(A, ADDRESS_A, LONG)).contains(new Tenure(A, ADDRESS_A, 1));
        assertThat(lease().holder()).contains(new Tenure(A, ADDRESS_A, 1));
    }

    @Test
    public void anotherNodeCannotClaimAHeldFloor() {
        lease().claim(A, ADDRESS_A, LONG);

        assertThat(lease().claim(B, ADDRESS_B, LONG)).isEmpty();
        assertThat(lease().holder()).contains(new Tenure(A, ADDRESS_A, 1));
    }

    @Test
    public void aRenewalOrAReplayedClaimKeepsTheTenure() {
        Tenure first = lease().claim(A, ADDRESS_A, LONG).orElseThrow();

        assertThat(lease().claim(A, ADDRESS_A, LONG)).contains(first);
        assertThat(lease().claim(A, ADDRESS_A, LONG)).contains(first);
        assertThat(lease().holder()).contains(first);
    }

    @Test
    public void whenTheLeaseRunsOutAnotherNodeTakesTheFloorUnderAHigherEpoch() {
        lease().claim(A, ADDRESS_A, shortTtl());

        letTheLeaseRunOut();

        assertThat(lease().holder()).isEmpty();
        assertThat(lease().claim(B, ADDRESS_B, LONG)).contains(new Tenure(B, ADDRESS_B, 2));
        assertThat(lease().claim(A, ADDRESS_A, LONG)).isEmpty();
        assertThat(lease().holder()).contains(new Tenure(B, ADDRESS_B, 2));
    }

    @Test
    public void theSameNodeComingBackAfterItsLeaseRanOutDrawsANewEpoch() {
        lease().claim(A, ADDRESS_A, shortTtl());

        letTheLeaseRunOut();

        // someone may have held the floor in between: the bookings made under the old epoch must not count
        assertThat(lease().claim(A, ADDRESS_A, LONG)).contains(new Tenure(A, ADDRESS_A, 2));
    }

    @Test
    public void aReleaseLetsAnotherNodeClaimAtOnce() {
        lease().claim(A, ADDRESS_A, LONG);

        lease().release(B);
        assertThat(lease().holder()).contains(new Tenure(A, ADDRESS_A, 1));
        lease().release(A);
        lease().release(A);

        assertThat(lease().holder()).isEmpty();
        assertThat(lease().claim(B, ADDRESS_B, LONG)).contains(new Tenure(B, ADDRESS_B, 2));
        lease().release(A);
        assertThat(lease().holder()).contains(new Tenure(B, ADDRESS_B, 2));
    }

    @Test
    public void anAddressOfAnyCharactersIsKeptExactly() {
        String address = "http://[fe80::1%eth0]:8080/cti?x=1|2\n\"é\" 東京 \uD83D\uDCDE";

        assertThat(lease().claim(A, address, LONG)).contains(new Tenure(A, address, 1));
        assertThat(lease().holder().map(Tenure::address)).contains(address);
    }

    @Test
    public void concurrentClaimsByManyNodesLeaveExactlyOneHolder() throws Exception {
        int nodes = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<Future<Optional<Tenure>>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                String node = "cti-" + i;
                claims.add(pool.submit(() -> {
                    go.await();
                    return lease().claim(node, "http://" + node, LONG);
                }));
            }
            go.countDown();
            List<Tenure> won = new ArrayList<>();
            for (Future<Optional<Tenure>> claim : claims) {
                claim.get(20, TimeUnit.SECONDS).ifPresent(won::add);
            }

            assertThat(won).hasSize(1);
            assertThat(won.get(0).epoch()).isEqualTo(1);
            assertThat(lease().holder()).contains(won.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void blankNodeIdsAndLeaseTimesUnderAMillisecondAreRefused() {
        assertThatThrownBy(() -> lease().claim(" ", ADDRESS_A, LONG)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("node");
        assertThatThrownBy(() -> lease().claim(null, ADDRESS_A, LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lease().claim(A, ADDRESS_A, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("lease time");
        assertThatThrownBy(() -> lease().claim(A, ADDRESS_A, Duration.ofNanos(999_999)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lease().claim(A, null, LONG)).isInstanceOf(NullPointerException.class);

        assertThat(lease().holder()).isEmpty();
        assertThat(lease().claim(A, ADDRESS_A, LONG)).contains(new Tenure(A, ADDRESS_A, 1));
    }
}
