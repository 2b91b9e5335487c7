package org.opencti.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.opencti.core.agent.AgentState;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD's side of the dialer: which agents a campaign may have, holding them for it, and connecting its live answers.
 *
 * <p>Blending, inbound first: an agent is free for outbound work only when READY, not held by a campaign, and no inbound
 * caller waits in a queue they serve. The dialer's runners call {@link #snapshot}, {@link #reserve} and {@link #release}
 * on their own threads and must never wait for the ACD, so the ACD's owner keeps an immutable snapshot
 * ({@link OutboundSnapshot}) and the holds
 * are a concurrent map: {@code reserve} is one {@code putIfAbsent} (two campaigns can never book one agent) and the owner
 * then moves the agent READY to RESERVED ("campaign &lt;id&gt;"), after which the inbound router cannot offer them a call.
 * The window between the snapshot and that move is the price of not blocking: an inbound call routed in it wins, and a
 * live answer then finds the agent busy and is sent to the safe-harbour message ({@link CallListener#notConnected}).
 *
 * <p>Each agent a campaign reserves gets a nailed-up leg: their phone originated into {@code [cti-nailed]}, which waits
 * and loops back after each bridge, so a live answer is bridged at once; it is hung up when the agent logs out. Without
 * one (not answered yet), the agent's phone is rung into the agent-leg context as for an inbound call. The inbound router
 * uses an idle nailed-up leg too ({@link #idleLeg}), so a blended agent's phone never rings while off-hook. The conversation
 * ends when either side hangs up: the interaction row ("outbound") is written and the agent wraps up like after an
 * inbound call. Everything but the three non-blocking methods runs on the ACD's owner.
 *
 * <p>Several nodes: a conversation is mirrored once the agent is on it ({@link LiveCallMirror}, with its campaign), and a
 * node taking the floor over adopts it ({@link #adopt}): the agent stays on the call and held for the campaign, the hangup
 * writes the row and wraps up as here. The campaign's runner on that node never dialed the line, so nobody asks for the
 * call's disposition there; the hold ends with the call. A node leaving the floor forgets its conversations, holds and
 * nailed-up legs ({@link #forget}): they are the next holder's.
 */
public final class OutboundAgents implements PbxEventListener {
    public static final String NAILED_CONTEXT = "cti-nailed";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundAgents.class);
    private static final Duration RING = Duration.ofSeconds(20);

    /** One logged-in agent as the dialer sees them; {@code heldBy} is the campaign holding them, or null. */
    public record Member(String agentId, Map<String, Integer> skills, AgentState state, Instant since, boolean free, Long heldBy) {
    }

    /** What becomes of a live answer handed to an agent, told on the ACD's owner (must not block). */
    public interface CallListener {
        /** The agent is on the call (bridged with the customer): only now may their desktop show it. */
        void agentConnected();

        /** The agent ended the conversation (the customer's channel is hung up). */
        void agentHungUp();

        /** The agent could not be reached (taken by inbound meanwhile, phone not answered): the customer is still waiting. */
        void notConnected(String why);
    }

    /** An agent's nailed-up leg: its channel's Uniqueid and name. */
    record Leg(String uniqueId, String channel) {
    }

    private static final class Nailed {
        String uniqueId;
        String channel;
        String callId;
    }

    private record Outbound(InboundCall call, AgentSession agent, long campaignId, CallListener listener) {
    }

    /**
     * The listener of a conversation adopted at a takeover: the campaign's runner here did not dial it (the one that did is
     * gone with the last holder), so there is nobody to tell; what happens is logged.
     */
    private static final CallListener ADOPTED = new CallListener() {
        @Override
        public void agentConnected() {
            // already on the call when adopted
        }

        @Override
        public void agentHungUp() {
            LOG.info("the agent ended a campaign call adopted at takeover: no runner here asks for its disposition");
        }

        @Override
        public void notConnected(String why) {
            LOG.info("a campaign call adopted at takeover was not connected: {}", why);
        }
    };

    private final AcdService acd;
    private final Scheduler scheduler;
    private final ConcurrentMap<String, Long> holds = new ConcurrentHashMap<>();
    private final OutboundSnapshot agents;
    private final Map<String, Nailed> nailed = new HashMap<>();
    private final Map<String, Outbound> byChannel = new HashMap<>();
    private long seq;

    public OutboundAgents(AcdService acd, Scheduler scheduler) {
        this.acd = acd;
        this.scheduler = scheduler;
        // an agent logged out keeps no nailed-up leg (the rebuild is where a logout is seen)
        this.agents = new OutboundSnapshot(acd, scheduler, holds, id -> {
            if (nailed.containsKey(id)) {
                dropNailed(id);
            }
        });
        acd.owner().execute(() -> {
            acd.legs().useNailedLegs(this);
            agents.start();
        });
    }

    /** The logged-in agents, as of the ACD's last change (at most {@link OutboundSnapshot#REBUILD_SPACING} old); any thread. */
    public List<Member> snapshot() {
        return agents.current();
    }

    /** Runs {@code listener} (on the ACD's owner; it must not block) whenever the snapshot changes. */
    public void onChange(Runnable listener) {
        agents.onChange(listener);
    }

    /** Holds a free agent for the campaign; false when they are not free or another campaign has them. Never blocks. */
    public boolean reserve(String agentId, long campaignId) {
        boolean free = agents.current().stream().anyMatch(m -> m.agentId().equals(agentId) && m.free());
        if (!free || holds.putIfAbsent(agentId, campaignId) != null) {
            return false;
        }
        acd.owner().execute(() -> held(agentId, campaignId));
        return true;
    }

    /** The campaign is done with the agent: a reserved agent is ready again (and offered waiting inbound calls first). */
    public void release(String agentId, long campaignId) {
        if (!holds.remove(agentId, campaignId)) {
            return;
        }
        acd.owner().execute(() -> {
            AgentSession a = acd.agentOrNull(agentId);
            if (a != null && a.state == AgentState.RESERVED && reason(campaignId).equals(a.reason) && a.callId == null) {
                acd.agentReadyAgain(a);
            }
            agents.soon();
        });
    }

    /**
     * Bridges the campaign's answered customer ({@code uniqueId}, {@code channel}) with the agent the campaign holds: over
     * their nailed-up leg when it is up, else by ringing their phone. Never blocks.
     */
    public void connect(long campaignId, String agentId, String uniqueId, String channel, String number, CallListener listener) {
        acd.owner().execute(() -> {
            AgentSession a = acd.agentOrNull(agentId);
            if (a == null || a.state != AgentState.RESERVED || !reason(campaignId).equals(a.reason)) {
                listener.notConnected("agent " + agentId + " is " + (a == null ? "unknown" : a.state.name().toLowerCase()));
                return;
            }
            Instant now = scheduler.clock().instant();
            String queue = a.queues.isEmpty() ? acd.settings().defaultQueue() : a.queues.get(0);
            InboundCall call = new InboundCall(callId(uniqueId), uniqueId, uniqueId, channel, number, null, queue, now);
            call.outbound = true;
            call.campaignId = campaignId;
            call.agentId = agentId;
            call.stage = InboundCall.Stage.RINGING;
            a.callId = call.callId;
            Outbound o = new Outbound(call, a, campaignId, listener);
            byChannel.put(uniqueId, o);
            popCustomer(o);
            Nailed leg = nailed.get(agentId);
            if (leg != null && leg.channel != null && leg.callId == null) {
                leg.callId = call.callId;
                call.nailedLeg = true;
                call.agentLegUniqueId = leg.uniqueId;
                call.agentLegChannel = leg.channel;
                byChannel.put(leg.uniqueId, o);
                talking(o);
                return;
            }
            acd.change(a, AgentState.RINGING, reason(campaignId), false);
            acd.actions().originateAgentLeg(call, a.profile, acd.settings().agentLegContext(), RING, (result, failure) -> {
                boolean answered = failure == null && result != null && result.success();
                if (call.stage == InboundCall.Stage.ENDED) {
                    if (answered) {
                        hangUpUnused(result.channelName());
                    }
                    return;
                }
                if (!answered) {
                    byChannel.remove(uniqueId);
                    call.stage = InboundCall.Stage.ENDED;
                    acd.change(a, AgentState.NOT_READY, "ring no answer", true);
                    listener.notConnected("agent " + agentId + " did not answer");
                    return;
                }
                call.agentLegUniqueId = result.uniqueId();
                call.agentLegChannel = result.channelName();
                byChannel.put(result.uniqueId(), o);
                talking(o);
            });
        });
    }

    private void popCustomer(Outbound o) {
        InboundCall call = o.call();
        acd.actions().screenPop(call.callerNumber).thenAccept(pop -> acd.owner().execute(() -> {
            call.pop = pop;
            pop.customer().ifPresent(c -> {
                call.customerId = c.customer().id();
                if (call.stage != InboundCall.Stage.ENDED) {
                    acd.actions().notify(new DesktopEvent.ScreenPopped(call.agentId, scheduler.clock().instant(), call.callId, pop,
                        Map.of("campaign", Long.toString(o.campaignId()))));
                }
            });
        }));
    }

    private void talking(Outbound o) {
        InboundCall call = o.call();
        call.stage = InboundCall.Stage.CONNECTED;
        call.answeredAt = scheduler.clock().instant();
        acd.change(o.agent(), AgentState.ON_CALL, reason(o.campaignId()), false);
        acd.actions().notify(new DesktopEvent.CallConnected(call.agentId, call.answeredAt, call.callId));
        acd.actions().bridge(call.callerChannel, call.agentLegChannel);
        acd.mirror().connected(call); // the next floor holder adopts it
        o.listener().agentConnected();
    }

    /**
     * A campaign conversation the last floor holder left (its agent was on it, {@code call} restored from what it stored):
     * followed here from now on, by both its channels, with the campaign's hold on the agent. The caller (the takeover)
     * restores the agent's state and keeps their booking. The agent leg that is their nailed-up leg becomes theirs here
     * (kept up after the call, used for the next ones). On the owner.
     */
    void adopt(AgentSession a, InboundCall call, long campaignId) {
        String agentId = a.profile.id();
        call.stage = InboundCall.Stage.CONNECTED;
        holds.put(agentId, campaignId);
        Outbound o = new Outbound(call, a, campaignId, ADOPTED);
        byChannel.put(call.callerUniqueId, o);
        byChannel.put(call.agentLegUniqueId, o);
        if (call.nailedLeg) {
            adoptLeg(agentId, call.agentLegUniqueId, call.agentLegChannel, call.callId);
        }
        LOG.info("adopted campaign {}'s call {} with agent {} from the last floor holder", campaignId, call.callId, agentId);
        agents.soon();
    }

    /** An agent's nailed-up leg the last holder had (its call adopted here): known here from now on. On the owner. */
    void adoptLeg(String agentId, String uniqueId, String channel, String callId) {
        Nailed leg = new Nailed();
        leg.uniqueId = uniqueId;
        leg.channel = channel;
        leg.callId = callId;
        nailed.put(agentId, leg);
    }

    /**
     * This node leaves the floor (or is about to rebuild from the shared state): its conversations, holds and nailed-up legs
     * are the next holder's, so it forgets them, writing nothing. A hangup heard after this finds nothing. On the owner.
     */
    void forget() {
        for (Outbound o : byChannel.values()) {
            o.call().stage = InboundCall.Stage.ENDED;
        }
        byChannel.clear();
        holds.clear();
        nailed.clear();
        agents.soon();
    }

    /** The store lost what it held: every conversation is written again. On the owner. */
    void rewrite() {
        new HashSet<>(byChannel.values()).stream().filter(o -> o.call().stage == InboundCall.Stage.CONNECTED)
            .forEach(o -> acd.mirror().connected(o.call()));
    }

    // ---- on the owner ------------------------------------------------------------------------------

    /**
     * The agent's nailed-up leg when it is answered and carries no campaign call, else null: the inbound router bridges a
     * caller with it instead of ringing a phone that is already off-hook. It is not marked taken: the agent has one call
     * at a time, and while they have the inbound caller they are not READY, so no campaign can hold them and use it.
     */
    Leg idleLeg(String agentId) {
        Nailed leg = nailed.get(agentId);
        return leg == null || leg.channel == null || leg.callId != null ? null : new Leg(leg.uniqueId, leg.channel);
    }

    private void held(String agentId, long campaignId) {
        AgentSession a = acd.agentOrNull(agentId);
        if (a == null || !Objects.equals(holds.get(agentId), campaignId)) {
            return;
        }
        if (a.state == AgentState.READY && agents.inboundNeeds(a)) {
            // a caller waits for them though the snapshot (up to a rebuild old) said not: inbound first
            LOG.info("a caller waits in a queue of agent {}: not held for campaign {}", agentId, campaignId);
            holds.remove(agentId, campaignId);
            agents.soon();
        } else if (a.state == AgentState.READY) {
            // Reserved here at once (the router passes them over), booked in the shared store before their phone is nailed up.
            acd.role().claim(a, "campaign:" + campaignId);
            acd.change(a, AgentState.RESERVED, reason(campaignId), false);
            long epoch = a.epoch;
            acd.role().book(a, booking -> {
                if (a.epoch != epoch || !Objects.equals(holds.get(agentId), campaignId)) {
                    return; // released meanwhile: that freed the booking
                }
                if (booking == FloorRole.Booking.BOOKED) {
                    nailUp(a);
                    return;
                }
                LOG.info("agent {} could not be booked for campaign {} ({}): not held", agentId, campaignId, booking);
                holds.remove(agentId, campaignId);
                acd.agentReadyAgain(a);
                agents.now();
            });
        } else {
            LOG.info("agent {} was taken ({}) before campaign {}'s hold reached the ACD: inbound first", agentId, a.state, campaignId);
        }
    }

    private void nailUp(AgentSession a) {
        String id = a.profile.id();
        if (nailed.containsKey(id)) {
            return;
        }
        Nailed leg = new Nailed();
        nailed.put(id, leg);
        OriginateRequest request = new OriginateRequest("nailed/" + id + "/" + (++seq), a.profile.phone(), NAILED_CONTEXT, "s", 1,
            null, RING, Map.of("CTI_AGENT", id));
        acd.actions().originate(request, (result, failure) -> {
            if (failure != null || result == null || !result.success()) {
                LOG.info("agent {}'s nailed-up leg was not answered: their campaign calls ring their phone", id);
                nailed.remove(id, leg);
                return;
            }
            if (nailed.get(id) != leg) {
                // dropped while it rang (logged out, or this node left the floor and forgot it): nobody would ever use it
                hangUpUnused(result.channelName());
                return;
            }
            leg.uniqueId = result.uniqueId();
            leg.channel = result.channelName();
            if (a.state == AgentState.LOGGED_OUT) {
                dropNailed(id);
            }
        });
    }

    /** A leg answered for nothing: hung up, also on a node that left the floor meanwhile (the next holder does not know it). */
    private void hangUpUnused(String channel) {
        if (acd.holdsFloor()) {
            acd.actions().hangup(channel);
        } else {
            acd.actions().hangupStray(channel);
        }
    }

    private void dropNailed(String agentId) {
        Nailed leg = nailed.remove(agentId);
        if (leg != null && leg.channel != null) {
            acd.actions().hangup(leg.channel);
        }
    }

    @Override
    public void onPbxEvent(PbxEvent event) {
        if (event instanceof PbxEvent.ChannelHungUp hung) {
            acd.owner().execute(() -> channelGone(hung.channel().uniqueId()));
        }
    }

    /** The channel hung up, or is gone from the PBX's list at a takeover (as if its hangup had been heard). On the owner. */
    void channelGone(String uniqueId) {
        nailed.entrySet().removeIf(e -> uniqueId.equals(e.getValue().uniqueId));
        Outbound o = byChannel.remove(uniqueId);
        if (o != null && o.call().stage != InboundCall.Stage.ENDED) {
            ended(o, uniqueId.equals(o.call().callerUniqueId));
        }
        agents.soon(); // the caller may have left a queue: its agents may be free for outbound now
    }

    private void ended(Outbound o, boolean customerLeft) {
        InboundCall call = o.call();
        AgentSession a = o.agent();
        InboundCall.Stage was = call.stage;
        call.stage = InboundCall.Stage.ENDED;
        byChannel.remove(call.callerUniqueId);
        if (call.agentLegUniqueId != null) {
            byChannel.remove(call.agentLegUniqueId);
        }
        if (!acd.holdsFloor()) {
            return; // left the floor before forgetting it (queued behind this): the call and its row are the next holder's
        }
        Nailed leg = nailed.get(a.profile.id());
        boolean nailedLeg = leg != null && call.callId.equals(leg.callId);
        if (nailedLeg) {
            leg.callId = null; // the leg loops back to its Wait in [cti-nailed]
        }
        if (!customerLeft) {
            acd.actions().hangup(call.callerChannel);
        } else if (!nailedLeg) {
            acd.actions().hangup(call.agentLegChannel);
        }
        Instant now = scheduler.clock().instant();
        if (was != InboundCall.Stage.CONNECTED) {
            acd.change(a, AgentState.RESERVED, reason(o.campaignId()), true); // still held: the campaign releases them
            return;
        }
        acd.actions().record(call, now, "answered");
        acd.mirror().ended(call); // forgotten once its row is stored
        acd.actions().notify(new DesktopEvent.CallEnded(a.profile.id(), now, call.callId, customerLeft ? "customer hung up"
            : "agent hung up"));
        acd.wrapUps().start(a, call, now);
        if (o.listener() == ADOPTED && holds.remove(a.profile.id(), o.campaignId())) {
            agents.soon(); // no runner here holds them: free once their wrap-up is over
        }
        if (!customerLeft) {
            o.listener().agentHungUp();
        }
    }

    /** The ACD's id of the campaign call whose customer is on {@code customerUniqueId}, as the agent's frames name it. */
    public static String callId(String customerUniqueId) {
        return "o-" + customerUniqueId;
    }

    private static String reason(long campaignId) {
        return "campaign " + campaignId;
    }
}
