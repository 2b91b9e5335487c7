package org.opencti.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.AgentStateStoreContract;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.port.AgentStateStore;

/** Against the local Redis (127.0.0.1:6379); each test works under a random key prefix and deletes its keys. */
class RedisAgentStateStoreTest extends AgentStateStoreContract {
    private static final String URI = "redis://127.0.0.1:6379";
    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> rawConnection;
    private static RedisCommands<String, String> raw;

    private String prefix;
    private RedisAgentStateStore store;

    @BeforeAll
    static void connectRaw() {
        rawClient = RedisClient.create(URI);
        rawConnection = rawClient.connect();
        raw = rawConnection.sync();
    }

    @AfterAll
    static void closeRaw() {
        rawConnection.close();
        rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @BeforeEach
    void fresh() {
        prefix = "cti-test-" + UUID.randomUUID() + ":";
        store = new RedisAgentStateStore(URI, prefix);
    }

    @AfterEach
    void cleanUp() {
        store.close();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = raw.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
            if (!page.getKeys().isEmpty()) {
                raw.del(page.getKeys().toArray(new String[0]));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    @Override
    protected AgentStateStore store() {
        return store;
    }

    @Test
    void eachAgentIsAHashAndItsIdIsInTheSet() {
        Instant since = Instant.parse("2026-11-22T09:00:00.5Z");
        store.put(new AgentStatus("1001", AgentState.ON_CALL, "inbound", since, "1732266958.17"));
        store.put(new AgentStatus("1002", AgentState.READY, null, since, null));

        assertThat(raw.hgetall(prefix + "agent:1001")).isEqualTo(Map.of("state", "ON_CALL", "reason", "inbound",
            "since", "2026-11-22T09:00:00.500Z", "callId", "1732266958.17"));
        assertThat(raw.hgetall(prefix + "agent:1002")).isEqualTo(Map.of("state", "READY",
            "since", "2026-11-22T09:00:00.500Z"));
        assertThat(raw.smembers(prefix + "agents")).containsExactlyInAnyOrder("1001", "1002");
    }

    @Test
    void aReplayedPutLeavesTheSameKeys() {
        AgentStatus status = new AgentStatus("1001", AgentState.WRAP_UP, null, Instant.parse("2026-11-22T09:00:00Z"), null);
        store.put(status);
        Map<String, String> once = raw.hgetall(prefix + "agent:1001");

        store.put(status);

        assertThat(raw.hgetall(prefix + "agent:1001")).isEqualTo(once);
        assertThat(raw.keys(prefix + "*")).containsExactlyInAnyOrder(prefix + "agent:1001", prefix + "agents");
    }

    @Test
    void anIdWhoseHashIsGoneIsLeftOutOfAll() {
        store.put(new AgentStatus("1001", AgentState.READY, null, Instant.parse("2026-11-22T09:00:00Z"), null));
        raw.sadd(prefix + "agents", "ghost");

        assertThat(store.all()).containsOnlyKeys("1001");
    }

    @Test
    void anUnreadableHashIsReportedByAgent() {
        raw.hset(prefix + "agent:1001", Map.of("state", "DANCING", "since", "2026-11-22T09:00:00Z"));

        assertThatThrownBy(() -> store.get("1001"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("1001");
    }

    @Test
    void commandLatenciesGoToTheMeterRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RedisAgentStateStore measured = new RedisAgentStateStore(URI, prefix + "m:", registry)) {
            measured.put(new AgentStatus("1001", AgentState.READY, null, Instant.parse("2026-11-22T09:00:00Z"), null));
            measured.get("1001");
        }
        // Lettuce records a command when it completes: EVALSHA/EVAL for put, HGETALL for get
        assertThat(registry.find("lettuce.command.completion").timers()).isNotEmpty()
            .allSatisfy(t -> assertThat(t.count()).isPositive());
        assertThat(registry.find("lettuce.command.completion").tag("command", "HGETALL").timer()).isNotNull();
    }

    @Test
    void storesWithDifferentPrefixesDoNotSeeEachOther() {
        String other = prefix + "other:";
        try (RedisAgentStateStore second = new RedisAgentStateStore(URI, other)) {
            second.put(new AgentStatus("1001", AgentState.READY, null, Instant.parse("2026-11-22T09:00:00Z"), null));

            assertThat(store.all()).isEmpty();
            assertThat(second.all()).containsOnlyKeys("1001");
        }
    }

    @Test
    void aStoreOverANodesSharedLinkUsesItsPrefixAndLeavesItOpenWhenClosed() {
        try (RedisLink link = new RedisLink(URI, prefix)) {
            AgentStatus ready = new AgentStatus("1002", AgentState.READY, null, Instant.parse("2026-11-26T09:00:00Z"), null);
            try (RedisAgentStateStore shared = new RedisAgentStateStore(link)) {
                shared.put(ready);
            }

            assertThat(store.get("1002")).as("the same keys as a store of its own with that prefix").contains(ready);
            assertThat(link.sync().hgetall(prefix + "agent:1002")).as("the link is still open").containsEntry("state", "READY");
        }
    }

    @Test
    void anUnreachableRedisFailsWithoutThePassword() {
        assertThatThrownBy(() -> new RedisAgentStateStore("redis://:s3cret-pw@127.0.0.1:1", prefix))
            .isInstanceOf(RuntimeException.class)
            .satisfies(e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret-pw");
                }
            });
        assertThatThrownBy(() -> new RedisAgentStateStore(":s3cret-pw@127.0.0.1", prefix))
            .isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw"));
    }
}
