package org.opencti.acd;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The ACD's live calls, by call id and by the Uniqueid of each of their channels. */
final class CallTable {
    private final Map<String, InboundCall> byId = new LinkedHashMap<>();
    private final Map<String, InboundCall> byChannel = new HashMap<>();
    /** Told of every call that ends or leaves (the live call mirror); not of {@link #clear}. */
    private final Consumer<InboundCall> onRemoved;

    CallTable(Consumer<InboundCall> onRemoved) {
        this.onRemoved = onRemoved;
    }

    void add(InboundCall call) {
        byId.put(call.callId, call);
        indexCaller(call);
    }

    void indexCaller(InboundCall call) {
        if (call.callerUniqueId != null) {
            byChannel.put(call.callerUniqueId, call);
        }
    }

    void unindexAgentLeg(InboundCall call) {
        if (call.agentLegUniqueId != null) {
            byChannel.remove(call.agentLegUniqueId);
        }
    }

    void indexAgentLeg(InboundCall call) {
        if (call.agentLegUniqueId != null) {
            byChannel.put(call.agentLegUniqueId, call);
        }
    }

    /** Another channel of the call (the consulted party during an attended transfer). */
    void indexChannel(String uniqueId, InboundCall call) {
        byChannel.put(uniqueId, call);
    }

    void unindexChannel(String uniqueId) {
        if (uniqueId != null) {
            byChannel.remove(uniqueId);
        }
    }

    /** Only this call's own entries go: after a transfer the caller's channel may already belong to the next leg. */
    void remove(InboundCall call) {
        if (byId.remove(call.callId, call)) {
            onRemoved.accept(call);
        }
        if (call.callerUniqueId != null) {
            byChannel.remove(call.callerUniqueId, call);
        }
        if (call.agentLegUniqueId != null) {
            byChannel.remove(call.agentLegUniqueId, call);
        }
    }

    /** Forgets every call at once, telling nobody: this node left the floor, the stored calls are the next holder's. */
    void clear() {
        byId.clear();
        byChannel.clear();
    }

    InboundCall byId(String callId) {
        return byId.get(callId);
    }

    InboundCall byChannel(String uniqueId) {
        return byChannel.get(uniqueId);
    }

    Collection<InboundCall> all() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    /** Channels still indexed; zero once every call has ended (anything else is a leak). */
    int channelCount() {
        return byChannel.size();
    }
}
