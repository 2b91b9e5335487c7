package org.opencti.core.adapter.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import org.opencti.core.cluster.AgentBookings;
import org.opencti.core.cluster.FloorLease;

/**
 * The floor lease and the agent bookings in Redis, sharing the epoch counter, on a {@link RedisLink}'s command
 * connection. Keys (after the link's prefix):
 * <ul>
 *   <li>{@code floor:holder}: a hash {@code node}, {@code address}, {@code epoch}, expiring after the lease time
 *       (PEXPIRE), so Redis's own clock decides when a silent holder has lost the floor;</li>
 *   <li>{@code floor:epoch}: the counter every new tenure INCRs; never expires;</li>
 *   <li>{@code bookings}: a hash agent to work, and {@code bookings:epoch} agent to the epoch it was booked under.
 *       One hash rather than a key per agent: {@link #all()} is one HGETALL and {@link #retainOnly} one script, no SCAN.</li>
 * </ul>
 * Every change is one Lua script, so it is atomic and a replay after a reconnect changes nothing more. May block up to the
 * link's 2 s command timeout.
 */
public final class RedisFloor implements FloorLease, AgentBookings {
    /** KEYS[1] holder hash, KEYS[2] epoch counter; ARGV[1] node, ARGV[2] address, ARGV[3] ttl ms, ARGV[4] epoch seen. */
    private static final String CLAIM = """
        local held = redis.call('HMGET', KEYS[1], 'node', 'address', 'epoch')
        if held[1] then
          if held[1] ~= ARGV[1] then return {} end
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return {held[1], held[2], held[3]}
        end
        local epoch = redis.call('INCR', KEYS[2])
        local seen = tonumber(ARGV[4])
        if epoch <= seen then
          epoch = seen + 1
          redis.call('SET', KEYS[2], tostring(epoch))
        end
        epoch = tostring(epoch)
        redis.call('HSET', KEYS[1], 'node', ARGV[1], 'address', ARGV[2], 'epoch', epoch)
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return {ARGV[1], ARGV[2], epoch}
        """;
    /** KEYS[1] holder hash; ARGV[1] node. */
    private static final String RELEASE = """
        if redis.call('HGET', KEYS[1], 'node') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
    /** KEYS[1] bookings, KEYS[2] bookings:epoch, KEYS[3] epoch counter; ARGV[1] agent, ARGV[2] work, ARGV[3] epoch. */
    private static final String BOOK = """
        if tonumber(ARGV[3]) < tonumber(redis.call('GET', KEYS[3]) or '0') then return 0 end
        local booked = redis.call('HGET', KEYS[1], ARGV[1])
        if booked and booked ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
        return 1
        """;
    /** KEYS[1] bookings, KEYS[2] bookings:epoch; ARGV[1] agent, ARGV[2] work. */
    private static final String FREE = """
        if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
          redis.call('HDEL', KEYS[1], ARGV[1])
          redis.call('HDEL', KEYS[2], ARGV[1])
        end
        return 1
        """;
    /** KEYS as for BOOK; ARGV[1] epoch, then agent/work pairs to keep. */
    private static final String RETAIN_ONLY = """
        if tonumber(ARGV[1]) < tonumber(redis.call('GET', KEYS[3]) or '0') then return 0 end
        local keep = {}
        for i = 2, #ARGV, 2 do keep[ARGV[i]] = ARGV[i + 1] end
        local booked = redis.call('HGETALL', KEYS[1])
        for i = 1, #booked, 2 do
          local under = tonumber(redis.call('HGET', KEYS[2], booked[i]) or '0')
          if keep[booked[i]] ~= booked[i + 1] and under < tonumber(ARGV[1]) then
            redis.call('HDEL', KEYS[1], booked[i])
            redis.call('HDEL', KEYS[2], booked[i])
          end
        end
        return 1
        """;

    private final RedisCommands<String, String> commands;
    private final RedisAsyncCommands<String, String> async;
    private final String holderKey;
    private final String epochKey;
    private final String bookingsKey;
    private final String bookingEpochsKey;

    public RedisFloor(RedisLink link) {
        Objects.requireNonNull(link, "link");
        this.commands = link.sync();
        this.async = link.async();
        this.holderKey = link.prefix() + "floor:holder";
        this.epochKey = link.prefix() + "floor:epoch";
        this.bookingsKey = link.prefix() + "bookings";
        this.bookingEpochsKey = link.prefix() + "bookings:epoch";
    }

    @Override
    public Optional<Tenure> claim(String nodeId, String address, Duration ttl) {
        return claim(nodeId, address, ttl, 0);
    }

    @Override
    public Optional<Tenure> claim(String nodeId, String address, Duration ttl, long epochSeen) {
        requireId(nodeId);
        Objects.requireNonNull(address, "address");
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("the floor lease time must be at least 1 ms, not " + ttl);
        }
        List<Object> held = commands.eval(CLAIM, ScriptOutputType.MULTI, new String[] {holderKey, epochKey},
            nodeId, address, Long.toString(ttl.toMillis()), Long.toString(Math.max(0, epochSeen)));
        return held.isEmpty() ? Optional.empty() : Optional.of(tenure(held.get(0), held.get(1), held.get(2)));
    }

    @Override
    public void release(String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        commands.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {holderKey}, nodeId);
    }

    @Override
    public Optional<Tenure> holder() {
        Map<String, String> held = commands.hgetall(holderKey);
        return held.isEmpty() ? Optional.empty() : Optional.of(tenure(held.get("node"), held.get("address"), held.get("epoch")));
    }

    @Override
    public boolean book(String agentId, String work, long epoch) {
        requireId(agentId);
        requireId(work);
        Long booked = commands.eval(BOOK, ScriptOutputType.INTEGER, bookingKeys(), agentId, work, Long.toString(epoch));
        return booked == 1L;
    }

    /** One EVAL on the shared connection, not waited for: Redis runs a connection's commands in the order sent. */
    @Override
    public CompletionStage<Boolean> bookAsync(String agentId, String work, long epoch) {
        requireId(agentId);
        requireId(work);
        return async.<Long>eval(BOOK, ScriptOutputType.INTEGER, bookingKeys(), agentId, work, Long.toString(epoch))
            .thenApply(booked -> booked == 1L);
    }

    @Override
    public CompletionStage<Void> freeAsync(String agentId, String work) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(work, "work");
        return async.<Long>eval(FREE, ScriptOutputType.INTEGER, bookingKeys(), agentId, work).thenAccept(done -> { });
    }

    @Override
    public void free(String agentId, String work) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(work, "work");
        commands.eval(FREE, ScriptOutputType.INTEGER, bookingKeys(), agentId, work);
    }

    @Override
    public boolean retainOnly(Map<String, String> keep, long epoch) {
        Objects.requireNonNull(keep, "keep");
        List<String> args = new ArrayList<>(1 + 2 * keep.size());
        args.add(Long.toString(epoch));
        keep.forEach((agent, work) -> {
            args.add(Objects.requireNonNull(agent, "agent to keep"));
            args.add(Objects.requireNonNull(work, "work to keep for agent " + agent));
        });
        Long done = commands.eval(RETAIN_ONLY, ScriptOutputType.INTEGER, bookingKeys(), args.toArray(new String[0]));
        return done == 1L;
    }

    @Override
    public Map<String, String> all() {
        return Map.copyOf(commands.hgetall(bookingsKey));
    }

    private String[] bookingKeys() {
        return new String[] {bookingsKey, bookingEpochsKey, epochKey};
    }

    /** The holder as Redis keeps it; a hash missing a field was not written by this class and is reported, not guessed at. */
    private Tenure tenure(Object node, Object address, Object epoch) {
        try {
            return new Tenure(Objects.requireNonNull((String) node, "node"), Objects.requireNonNull((String) address, "address"),
                Long.parseLong(Objects.requireNonNull((String) epoch, "epoch")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the floor holder in Redis (" + holderKey + ") is unreadable: " + e.getMessage(), e);
        }
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("node, agent and work ids must not be blank");
        }
    }
}
