package org.opencti.acd;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.opencti.acd.routing.CallSkills;
import org.opencti.acd.routing.CallerProfile;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.screenpop.ScreenPop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holder's live calls, written where the next holder finds them ({@link org.opencti.core.cluster.LiveCallStore}): a
 * caller when they take their place in line, the conversation when the agent answers, gone when the call ends or leaves
 * the queues. Writes go on the cluster's mirror line in the order the ACD made them (a later write for a call never
 * overtakes an earlier one); a failed write is logged and counted ({@code cti.acd.livecalls.failed}), never waited for.
 * Queue calls and callbacks are mirrored from the caller's wait on; a campaign conversation ({@link OutboundAgents}) once the
 * agent is on it, CONNECTED with its campaign ({@link LiveCall#campaignId()}), so the next holder adopts it into its
 * {@link OutboundAgents}. An agent leg that is the agent's nailed-up leg is marked ({@code nailedLeg}): nobody hangs it up at
 * the end of the call, on this node or the next.
 */
final class LiveCallMirror {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCallMirror.class);
    private static final String IVR = "ivr.";
    private static final String SKILL = "skill.";

    private final ClusterPorts cluster;
    private final Executor owner;
    private final Counter failed;

    LiveCallMirror(ClusterPorts cluster, MeterRegistry meters, Executor owner) {
        this.cluster = cluster;
        this.owner = owner;
        this.failed = meters.counter("cti.acd.livecalls.failed");
    }

    /** The caller waits (first time in line, or in another queue now). */
    void waiting(InboundCall call) {
        write(call, LiveCall.Stage.WAITING);
    }

    /** The caller talks to their agent. */
    void connected(InboundCall call) {
        write(call, LiveCall.Stage.CONNECTED);
    }

    void ended(InboundCall call) {
        if (!cluster.shared()) {
            return;
        }
        String id = call.callId;
        // Forgotten only once its history row is stored: a holder that dies with the row still in its write-behind buffer
        // leaves the call stored, and the next holder writes the row (the same key: written once either way). Looked at
        // after the task that ended the call, which is the one that records it.
        owner.execute(() -> {
            CompletionStage<Void> stored = call.historyStored;
            if (stored == null) {
                run("remove " + id, () -> cluster.liveCalls().removeAsync(id));
            } else {
                stored.whenComplete((done, e) -> owner.execute(() -> run("remove " + id, () -> cluster.liveCalls().removeAsync(id))));
            }
        });
    }

    /** A stored call whose channels are gone: forgotten, after the writes already on the line. */
    void forget(String callId) {
        run("remove " + callId, () -> cluster.liveCalls().removeAsync(callId));
    }

    private void write(InboundCall call, LiveCall.Stage stage) {
        if (!cluster.shared() || call.callerUniqueId == null) {
            return;
        }
        boolean connected = stage == LiveCall.Stage.CONNECTED;
        LiveCall live = new LiveCall(call.callId, stage, call.queue, call.callerUniqueId, call.callerChannel, call.linkedId,
            call.callerNumber, call.callerName, call.waitingSince, connected ? call.agentId : null,
            connected ? call.agentLegUniqueId : null, connected ? call.agentLegChannel : null, connected ? call.answeredAt : null,
            data(call), call.outbound ? call.campaignId : null);
        run("put " + call.callId, () -> cluster.liveCalls().putAsync(live));
    }

    /**
     * Hands the write to the store without waiting, from the owner's thread: a call's writes reach the store in the order
     * the ACD made them (one connection keeps its commands' order).
     */
    private void run(String what, Supplier<CompletionStage<Void>> write) {
        try {
            write.get().whenComplete((done, e) -> {
                if (e != null) {
                    failed(what, e);
                }
            });
        } catch (RuntimeException e) {
            failed(what, e);
        }
    }

    private void failed(String what, Throwable e) {
        failed.increment();
        LOG.warn("live call {} not written (a takeover now would miss it): {}", what, e.toString());
    }

    /** What the ACD keeps about the call beyond the record's fields: the caller's priority, skills, the IVR's data. */
    static Map<String, String> data(InboundCall call) {
        Map<String, String> d = new LinkedHashMap<>();
        put(d, "customerId", call.customerId);
        put(d, "tier", call.tier);
        put(d, "ivrPath", call.ivrPath);
        put(d, "recording", call.recording);
        put(d, "offeredAt", call.offeredAt);
        d.put("originalPosition", Integer.toString(call.originalPosition));
        if (call.callback) {
            d.put("callback", "true");
        }
        if (call.agentDialed) {
            d.put("agentDialed", "true");
        }
        if (call.nailedLeg) {
            d.put("nailedLeg", "true");
        }
        CallerProfile p = call.caller;
        put(d, "callerTier", p.tier());
        d.put("vip", Boolean.toString(p.vip()));
        d.put("churnRisk", Boolean.toString(p.churnRisk()));
        put(d, "accountManager", p.accountManagerId());
        d.put("ivrBoost", Double.toString(p.ivrBoost()));
        if (!call.skills.required().isEmpty()) {
            call.skills.required().forEach(r -> d.put(SKILL + r.skill(), Integer.toString(r.minLevel())));
            d.put("skillsUntil", call.skills.until().toString());
        }
        call.callData.forEach((k, v) -> d.put(IVR + k, v));
        return d;
    }

    /** The call as the ACD follows it again, from what the last holder stored; stage and agent are the caller's to set. */
    static InboundCall restore(LiveCall live, String queue) {
        InboundCall call = new InboundCall(live.callId(), live.callerUniqueId(), live.linkedId(), live.callerChannel(),
            live.callerNumber(), live.callerName(), queue, live.waitingSince());
        Map<String, String> d = live.data();
        call.customerId = d.containsKey("customerId") ? Long.valueOf(d.get("customerId")) : null;
        call.tier = d.get("tier");
        call.ivrPath = d.get("ivrPath");
        call.recording = d.get("recording");
        call.offeredAt = d.containsKey("offeredAt") ? Instant.parse(d.get("offeredAt")) : null;
        call.originalPosition = Integer.parseInt(d.getOrDefault("originalPosition", "0"));
        call.callback = Boolean.parseBoolean(d.get("callback"));
        call.agentDialed = Boolean.parseBoolean(d.get("agentDialed"));
        call.nailedLeg = Boolean.parseBoolean(d.get("nailedLeg"));
        call.outbound = live.campaignId() != null;
        call.campaignId = live.campaignId();
        call.caller = new CallerProfile(d.get("callerTier"), Boolean.parseBoolean(d.get("vip")), Boolean.parseBoolean(d.get("churnRisk")),
            d.get("accountManager"), Double.parseDouble(d.getOrDefault("ivrBoost", "0")));
        List<SkillRequirement> skills = new ArrayList<>();
        Map<String, String> ivr = new LinkedHashMap<>();
        d.forEach((k, v) -> {
            if (k.startsWith(SKILL)) {
                skills.add(new SkillRequirement(k.substring(SKILL.length()), Integer.parseInt(v)));
            } else if (k.startsWith(IVR)) {
                ivr.put(k.substring(IVR.length()), v);
            }
        });
        call.skills = skills.isEmpty() ? CallSkills.NONE : new CallSkills(skills, Instant.parse(d.get("skillsUntil")));
        call.callData = Map.copyOf(ivr);
        call.agentId = live.agentId();
        call.agentLegUniqueId = live.agentLegUniqueId();
        call.agentLegChannel = live.agentLegChannel();
        call.answeredAt = live.answeredAt();
        // the pop is not stored: until the new holder's lookup answers (Takeover asks at once) the offer shows the number
        call.pop = new ScreenPop(live.callerNumber(), null, ScreenPop.Outcome.DEGRADED, null, 0);
        return call;
    }

    private static void put(Map<String, String> d, String key, Object value) {
        if (value != null) {
            d.put(key, value.toString());
        }
    }
}
