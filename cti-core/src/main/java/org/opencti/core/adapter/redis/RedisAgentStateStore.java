package org.opencti.core.adapter.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.port.AgentStateStore;

/**
 * Agent states in Redis, shared between nodes. Each agent is a hash {@code <prefix>agent:<id>} with the fields
 * {@code state}, {@code reason}, {@code since} (ISO-8601) and {@code callId} (absent when null), and every id is in
 * the set {@code <prefix>agents}. A put replaces the whole hash and adds the id in one Lua script, so it is atomic
 * and idempotent: Lettuce may replay it after a reconnect. Over a {@link RedisLink}: the node's shared one, or one of its
 * own; 2 s command timeout.
 */
public final class RedisAgentStateStore implements AgentStateStore, AutoCloseable {
    static final Duration COMMAND_TIMEOUT = RedisLink.COMMAND_TIMEOUT;
    private static final String STATE = "state";
    private static final String REASON = "reason";
    private static final String SINCE = "since";
    private static final String CALL_ID = "callId";
    /** KEYS[1] the agent's hash, KEYS[2] the set of ids; ARGV[1] the id, then field/value pairs. */
    private static final String PUT_SCRIPT = """
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], unpack(ARGV, 2))
        redis.call('SADD', KEYS[2], ARGV[1])
        return 1
        """;

    private final RedisLink link;
    private final boolean ownsLink;
    private final String prefix;

    /**
     * A store with a connection of its own, closed with it.
     *
     * @param uri       e.g. {@code redis://127.0.0.1:6379} or {@code redis://:secret@host:6379/0}; never logged whole
     * @param keyPrefix put in front of every key (e.g. {@code "cti:"}); may be empty
     */
    public RedisAgentStateStore(String uri, String keyPrefix) {
        this(uri, keyPrefix, null);
    }

    /**
     * @param registry where command latencies go ({@code lettuce.command.completion} and
     *                 {@code lettuce.command.firstresponse}, by command type, with histograms); null for none
     */
    public RedisAgentStateStore(String uri, String keyPrefix, MeterRegistry registry) {
        this(new RedisLink(uri, keyPrefix, registry), true);
    }

    /** A store over a node's shared link (its key prefix, its connection); closing the store leaves the link open. */
    public RedisAgentStateStore(RedisLink link) {
        this(link, false);
    }

    private RedisAgentStateStore(RedisLink link, boolean ownsLink) {
        this.link = Objects.requireNonNull(link, "link");
        this.ownsLink = ownsLink;
        this.prefix = link.prefix();
    }

    @Override
    public void put(AgentStatus status) {
        Objects.requireNonNull(status, "status");
        if (status.agentId().isBlank()) {
            throw new IllegalArgumentException("agent id must not be blank");
        }
        link.sync().eval(PUT_SCRIPT, ScriptOutputType.INTEGER, new String[] {agentKey(status.agentId()), agentsKey()}, args(status));
    }

    /** The same script, sent without waiting: a connection's commands run in the order sent, so the last state wins. */
    @Override
    public CompletionStage<Void> putAsync(AgentStatus status) {
        Objects.requireNonNull(status, "status");
        if (status.agentId().isBlank()) {
            throw new IllegalArgumentException("agent id must not be blank");
        }
        return link.async().<Long>eval(PUT_SCRIPT, ScriptOutputType.INTEGER,
            new String[] {agentKey(status.agentId()), agentsKey()}, args(status)).thenAccept(done -> { });
    }

    private static String[] args(AgentStatus status) {
        List<String> args = new ArrayList<>();
        args.add(status.agentId());
        addField(args, STATE, status.state().name());
        addField(args, REASON, status.reason());
        addField(args, SINCE, status.since().toString());
        addField(args, CALL_ID, status.callId());
        return args.toArray(new String[0]);
    }

    @Override
    public Optional<AgentStatus> get(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return Optional.ofNullable(status(agentId, link.sync().hgetall(agentKey(agentId))));
    }

    /** Every agent, read with one SMEMBERS and the HGETALLs pipelined. */
    @Override
    public Map<String, AgentStatus> all() {
        Set<String> ids = link.sync().smembers(agentsKey());
        RedisAsyncCommands<String, String> async = link.async();
        Map<String, RedisFuture<Map<String, String>>> pending = new LinkedHashMap<>();
        for (String id : ids) {
            pending.put(id, async.hgetall(agentKey(id)));
        }
        Map<String, AgentStatus> result = new HashMap<>();
        for (Map.Entry<String, RedisFuture<Map<String, String>>> entry : pending.entrySet()) {
            Map<String, String> fields = LettuceFutures.awaitOrCancel(entry.getValue(), COMMAND_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
            AgentStatus status = status(entry.getKey(), fields);
            if (status != null) {
                result.put(entry.getKey(), status);
            }
        }
        return Map.copyOf(result);
    }

    @Override
    public void close() {
        if (ownsLink) {
            link.close();
        }
    }

    String agentKey(String agentId) {
        return prefix + "agent:" + agentId;
    }

    String agentsKey() {
        return prefix + "agents";
    }

    private static void addField(List<String> args, String field, String value) {
        if (value != null) {
            args.add(field);
            args.add(value);
        }
    }

    /** The status a hash holds, or null when there is no hash (or only a partial one). */
    private static AgentStatus status(String agentId, Map<String, String> fields) {
        String state = fields.get(STATE);
        String since = fields.get(SINCE);
        if (state == null || since == null) {
            return null;
        }
        try {
            return new AgentStatus(agentId, AgentState.valueOf(state), fields.get(REASON), Instant.parse(since),
                fields.get(CALL_ID));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("agent " + agentId + " has an unreadable state in Redis: " + fields, e);
        }
    }
}
