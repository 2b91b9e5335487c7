package org.opencti.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.Await;
import org.opencti.core.adapter.contract.FloorLeaseContract;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.FloorLease.Tenure;

/** Against the local Redis, where the lease runs out on Redis's own clock: short leases, and a wait until the key is gone. */
class RedisFloorLeaseTest extends FloorLeaseContract {
    private final RedisScratch scratch = new RedisScratch();
    private final RedisFloor floor = new RedisFloor(scratch.link());
    private final String holderKey = scratch.prefix + "floor:holder";

    @AfterEach
    void cleanUp() {
        scratch.close();
    }

    @Override
    protected FloorLease lease() {
        return floor;
    }

    @Override
    protected Duration shortTtl() {
        return Duration.ofMillis(200);
    }

    @Override
    protected void letTheLeaseRunOut() {
        Await.until("Redis dropped the floor holder", () -> scratch.raw().exists(holderKey) == 0);
    }

    @Test
    void theHolderIsAnExpiringHashAndTheEpochCounterNeverExpires() {
        floor.claim("cti-a", "http://10.0.0.5:8080", Duration.ofSeconds(30));

        assertThat(scratch.raw().hgetall(holderKey)).isEqualTo(Map.of("node", "cti-a", "address", "http://10.0.0.5:8080",
            "epoch", "1"));
        assertThat(scratch.raw().pttl(holderKey)).isBetween(1L, 30_000L);
        assertThat(scratch.raw().get(scratch.prefix + "floor:epoch")).isEqualTo("1");
        assertThat(scratch.raw().pttl(scratch.prefix + "floor:epoch")).isEqualTo(-1L);
    }

    @Test
    void aRenewalSetsTheLeaseTimeAgain() {
        floor.claim("cti-a", "http://a", Duration.ofSeconds(30));
        scratch.raw().pexpire(holderKey, 5_000);

        floor.claim("cti-a", "http://a", Duration.ofSeconds(30));

        assertThat(scratch.raw().pttl(holderKey)).isGreaterThan(5_000L);
    }

    @Test
    void twoNodesOnTheirOwnLinksShareTheFloor() {
        RedisFloor other = new RedisFloor(scratch.link());
        floor.claim("cti-a", "http://a", Duration.ofSeconds(30));

        assertThat(other.claim("cti-b", "http://b", Duration.ofSeconds(30))).isEmpty();
        assertThat(other.holder()).contains(new Tenure("cti-a", "http://a", 1));
        floor.release("cti-a");
        assertThat(other.claim("cti-b", "http://b", Duration.ofSeconds(30))).contains(new Tenure("cti-b", "http://b", 2));
    }

    @Test
    void aHolderWithoutAnEpochIsReportedNotGuessed() {
        scratch.raw().hset(holderKey, Map.of("node", "cti-a", "address", "http://a"));

        assertThatThrownBy(floor::holder).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("floor holder").hasMessageContaining(holderKey);
    }
}
