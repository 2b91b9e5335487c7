package org.opencti.core.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.FloorLeaseContract;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.FloorLease.Tenure;

class InMemoryFloorLeaseTest extends FloorLeaseContract {
    private static final Duration TTL = Duration.ofSeconds(3);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final InMemoryFloor floor = new InMemoryFloor(clock);

    @Override
    protected FloorLease lease() {
        return floor;
    }

    @Override
    protected Duration shortTtl() {
        return TTL;
    }

    @Override
    protected void letTheLeaseRunOut() {
        clock.advance(TTL);
    }

    @Test
    void aRenewalHoldsTheFloorForAnotherLeaseTimeFromNow() {
        floor.claim("cti-a", "http://a", TTL);
        clock.advance(Duration.ofSeconds(2));
        floor.claim("cti-a", "http://a", TTL);
        clock.advance(Duration.ofSeconds(2));

        assertThat(floor.claim("cti-b", "http://b", TTL)).isEmpty();
        assertThat(floor.holder()).contains(new Tenure("cti-a", "http://a", 1));

        clock.advance(Duration.ofMillis(999));
        assertThat(floor.holder()).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(floor.holder()).isEmpty();
    }
}
