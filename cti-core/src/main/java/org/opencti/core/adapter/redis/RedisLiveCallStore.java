package org.opencti.core.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.cluster.LiveCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor holder's live calls in Redis: one hash {@code <prefix>calls}, call id to the call as a JSON object (times as
 * ISO-8601 text, absent fields for nulls, {@code data} an object of text, {@code campaignId} a number, present only for a
 * campaign conversation, so values stored before it existed read as they did). A put sets the whole value (HSET), a remove
 * is an HDEL, so both are idempotent under Lettuce's replay.
 *
 * <p>A stored value this class cannot read (written by hand, or by a newer node with another shape) is left out of
 * {@link #all()} with a WARN naming the call, and counted in {@code cti.livecalls.unreadable}: a node taking the floor
 * over adopts every call it can rather than none. The value stays in Redis for whoever looks into it.
 */
public final class RedisLiveCallStore implements LiveCallStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLiveCallStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisCommands<String, String> commands;
    private final RedisAsyncCommands<String, String> async;
    private final String callsKey;
    private final Counter unreadable;

    public RedisLiveCallStore(RedisLink link) {
        Objects.requireNonNull(link, "link");
        this.commands = link.sync();
        this.async = link.async();
        this.callsKey = link.prefix() + "calls";
        this.unreadable = link.registry() == null ? null : Counter.builder("cti.livecalls.unreadable")
            .description("stored live calls left out because they could not be read").register(link.registry());
    }

    @Override
    public void put(LiveCall call) {
        Objects.requireNonNull(call, "call");
        if (call.callId().isBlank()) {
            throw new IllegalArgumentException("call id must not be blank");
        }
        commands.hset(callsKey, call.callId(), encode(call));
    }

    @Override
    public CompletionStage<Void> putAsync(LiveCall call) {
        Objects.requireNonNull(call, "call");
        if (call.callId().isBlank()) {
            throw new IllegalArgumentException("call id must not be blank");
        }
        return async.hset(callsKey, call.callId(), encode(call)).thenAccept(done -> { });
    }

    @Override
    public CompletionStage<Void> removeAsync(String callId) {
        return async.hdel(callsKey, Objects.requireNonNull(callId, "callId")).thenAccept(done -> { });
    }

    @Override
    public void remove(String callId) {
        commands.hdel(callsKey, Objects.requireNonNull(callId, "callId"));
    }

    @Override
    public List<LiveCall> all() {
        List<LiveCall> calls = new ArrayList<>();
        commands.hgetall(callsKey).forEach((callId, json) -> {
            try {
                calls.add(decode(callId, json));
            } catch (IllegalArgumentException | JsonProcessingException | DateTimeException e) {
                if (unreadable != null) {
                    unreadable.increment();
                }
                LOG.warn("live call {} in Redis ({}) is unreadable and left out: {}", callId, callsKey, e.getMessage());
            }
        });
        return List.copyOf(calls);
    }

    static String encode(LiveCall call) {
        ObjectNode o = JSON.createObjectNode();
        o.put("callId", call.callId());
        o.put("stage", call.stage().name());
        o.put("queue", call.queue());
        putText(o, "callerUniqueId", call.callerUniqueId());
        putText(o, "callerChannel", call.callerChannel());
        putText(o, "linkedId", call.linkedId());
        putText(o, "callerNumber", call.callerNumber());
        putText(o, "callerName", call.callerName());
        o.put("waitingSince", call.waitingSince().toString());
        putText(o, "agentId", call.agentId());
        putText(o, "agentLegUniqueId", call.agentLegUniqueId());
        putText(o, "agentLegChannel", call.agentLegChannel());
        putText(o, "answeredAt", call.answeredAt() == null ? null : call.answeredAt().toString());
        ObjectNode data = o.putObject("data");
        call.data().forEach(data::put);
        if (call.campaignId() != null) {
            o.put("campaignId", call.campaignId().longValue());
        }
        return o.toString();
    }

    /** The call a stored value holds; fields it does not know are ignored (a newer node may add some). */
    static LiveCall decode(String callId, String json) throws JsonProcessingException {
        JsonNode o = JSON.readTree(json);
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!callId.equals(text(o, "callId"))) {
            throw new IllegalArgumentException("stored under another call id: " + text(o, "callId"));
        }
        String answeredAt = text(o, "answeredAt");
        Map<String, String> data = new HashMap<>();
        JsonNode d = o.get("data");
        if (d != null && !d.isNull()) {
            if (!d.isObject()) {
                throw new IllegalArgumentException("data is not an object");
            }
            for (Iterator<String> names = d.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                data.put(name, required(d, name));
            }
        }
        return new LiveCall(callId, LiveCall.Stage.valueOf(required(o, "stage")), required(o, "queue"),
            text(o, "callerUniqueId"), text(o, "callerChannel"), text(o, "linkedId"), text(o, "callerNumber"),
            text(o, "callerName"), Instant.parse(required(o, "waitingSince")), text(o, "agentId"), text(o, "agentLegUniqueId"),
            text(o, "agentLegChannel"), answeredAt == null ? null : Instant.parse(answeredAt), data, campaignId(o));
    }

    /** The campaign's id, null when absent; anything but a whole number that fits a long is unreadable. */
    private static Long campaignId(JsonNode o) {
        JsonNode v = o.get("campaignId");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("campaignId is not a whole number: " + v);
        }
        return v.longValue();
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static String required(JsonNode o, String field) {
        String v = text(o, field);
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v;
    }

    /** A text field, null when absent or null; any other type is unreadable. */
    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return v.textValue();
    }
}
