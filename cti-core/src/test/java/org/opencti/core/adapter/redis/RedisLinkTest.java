package org.opencti.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisLinkTest {
    private final RedisScratch scratch = new RedisScratch();

    @AfterEach
    void cleanUp() {
        scratch.close();
    }

    @Test
    void everyPortOnOneLinkRecordsItsCommandLatencies() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RedisLink link = scratch.link(registry);
        RedisFloor floor = new RedisFloor(link);
        RedisLiveCallStore calls = new RedisLiveCallStore(link);

        floor.claim("cti-a", "http://a", Duration.ofSeconds(30));
        floor.holder();
        calls.all();
        link.close();

        assertThat(registry.find("lettuce.command.completion").tag("command", "HGETALL").timer())
            .isNotNull().satisfies(t -> assertThat(t.count()).isEqualTo(2));
    }

    @Test
    void anUnreachableRedisFailsWithoutThePassword() {
        assertThatThrownBy(() -> new RedisLink("redis://:s3cret-pw@127.0.0.1:1", scratch.prefix))
            .isInstanceOf(RuntimeException.class)
            .satisfies(e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret-pw");
                }
            });
        assertThatThrownBy(() -> new RedisLink(":s3cret-pw@127.0.0.1", scratch.prefix))
            .isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
    }
}
