package org.opencti.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.AgentBookingsContract;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;

/** Against the local Redis, each test under its own key prefix. */
class RedisAgentBookingsTest extends AgentBookingsContract {
    private final RedisScratch scratch = new RedisScratch();
    private final RedisFloor floor = new RedisFloor(scratch.link());

    @AfterEach
    void cleanUp() {
        scratch.close();
    }

    @Override
    protected FloorLease lease() {
        return floor;
    }

    @Override
    protected AgentBookings bookings() {
        return floor;
    }

    @Test
    void aBookingIsAFieldOfTheBookingsHashWithItsEpochBesideIt() {
        long epoch = floor.claim("cti-a", "http://a", Duration.ofSeconds(30)).orElseThrow().epoch();
        floor.book("1001", "call:1", epoch);
        floor.book("1002", "campaign:7", epoch);

        assertThat(scratch.raw().hgetall(scratch.prefix + "bookings")).isEqualTo(Map.of("1001", "call:1", "1002", "campaign:7"));
        assertThat(scratch.raw().hgetall(scratch.prefix + "bookings:epoch")).isEqualTo(Map.of("1001", "1", "1002", "1"));

        floor.free("1001", "call:1");
        floor.retainOnly(Map.of(), epoch);
        assertThat(scratch.raw().hgetall(scratch.prefix + "bookings")).as("this epoch's own bookings stay")
            .isEqualTo(Map.of("1002", "campaign:7"));
        floor.free("1002", "campaign:7");
        assertThat(scratch.raw().exists(scratch.prefix + "bookings", scratch.prefix + "bookings:epoch")).isZero();
    }

    @Test
    void aNodeOnItsOwnLinkIsFencedOutByTheNextHolder() {
        RedisFloor nodeB = new RedisFloor(scratch.link());
        long old = floor.claim("cti-a", "http://a", Duration.ofSeconds(30)).orElseThrow().epoch();
        floor.release("cti-a");
        long current = nodeB.claim("cti-b", "http://b", Duration.ofSeconds(30)).orElseThrow().epoch();

        assertThat(floor.book("1001", "call:1", old)).isFalse();
        assertThat(nodeB.book("1001", "call:2", current)).isTrue();
        assertThat(floor.all()).isEqualTo(Map.of("1001", "call:2"));
    }
}
