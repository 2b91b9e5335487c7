package org.opencti.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencti.acd.routing.QueuedCall;
import org.opencti.core.agent.AgentState;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.call.ChannelTracker;
import org.opencti.core.cluster.FloorLease;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby becoming the floor holder, and a holder leaving the floor. Taking over reads, on the worker, every agent's
 * shared state and the last holder's live calls, then asks the PBX which channels are live (the truth), and on the owner
 * rebuilds: agents as they were stored; a conversation whose caller and agent leg are both live is adopted (its hangup
 * then writes its history row under the same key and wraps the agent up, as on the last holder); an agent whose call is
 * gone is not ready ({@link #CALL_LOST}: their phone may still ring with the last holder's offer, and the desktop says
 * why); an agent in wrap-up is ready (the form of that call stays answerable only on the node that had it); a caller still
 * waiting in the hold context goes back in line with their place ({@code waitingSince}) and priority; a caller on hold
 * that no live call names is queued as new; stored calls whose channels are gone are forgotten; bookings other than the
 * adopted conversations' are freed. A campaign conversation (the stored call names its campaign) is adopted into the
 * dialer's side ({@link OutboundAgents#adopt}) with the campaign's hold and booking; one whose customer or agent leg is gone
 * is then ended there as that hangup would have, so its row is written and the agent wraps up. On the owner, except
 * {@link #take}.
 */
final class Takeover {
    static final String CALL_LOST = "call lost at takeover";
    private static final Logger LOG = LoggerFactory.getLogger(Takeover.class);

    private final AcdService acd;
    private final FloorRole role;
    private final AgentStates states;
    private final ChannelTracker channels;
    private final LiveCallMirror mirror;
    private final Scheduler scheduler;
    /** While the takeover reads: channels the PBX's list may be older than (seen, and hung up, meanwhile); else null. */
    private Set<String> seen;
    private Set<String> gone;

    private record Stored(Map<String, AgentStatus> agents, List<LiveCall> calls, List<LiveChannel> live) {
    }

    Takeover(AcdService acd, FloorRole role, AgentStates states, ChannelTracker channels, LiveCallMirror mirror, Scheduler scheduler) {
        this.acd = acd;
        this.role = role;
        this.states = states;
        this.channels = channels;
        this.mirror = mirror;
        this.scheduler = scheduler;
    }

    /** Any thread. Completes on the owner once this node routes under {@code tenure}. */
    CompletionStage<Void> take(FloorLease.Tenure tenure, AcdPorts ports) {
        Objects.requireNonNull(tenure, "tenure");
        FloorLease.Tenure now = role.tenure();
        if (now != null && now.epoch() == tenure.epoch() && now.nodeId().equals(tenure.nodeId())) {
            return CompletableFuture.completedFuture(null); // a renewal: nothing changes hands
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        acd.owner().execute(() -> {
            seen = new HashSet<>();
            gone = new HashSet<>();
            CompletableFuture.supplyAsync(() -> List.of(ports.agentStates().all(), role.cluster().liveCalls().all()), ports.worker())
                .thenCompose(read -> ports.pbx().liveChannels().thenApply(live -> stored(read, live)))
                .whenComplete((stored, failure) -> acd.owner().execute(() -> {
                    try {
                        if (failure != null) {
                            throw new IllegalStateException("takeover under epoch " + tenure.epoch() + " could not read the shared "
                                + "state or the PBX's channels: " + failure, failure);
                        }
                        rebuild(tenure, stored);
                        done.complete(null);
                    } catch (RuntimeException e) {
                        LOG.error("takeover failed, this node stays a standby: {}", e.toString());
                        done.completeExceptionally(e);
                    } finally {
                        seen = null;
                        gone = null;
                    }
                }));
        });
        return done;
    }

    @SuppressWarnings("unchecked")
    private static Stored stored(List<Object> read, List<LiveChannel> live) {
        return new Stored((Map<String, AgentStatus>) read.get(0), (List<LiveCall>) read.get(1), live);
    }

    /** A standby hears every PBX event; while a takeover reads, it notes the channels its list may not know yet. */
    void heard(PbxEvent event) {
        if (seen != null && event instanceof PbxEvent.OnChannel on) {
            (event instanceof PbxEvent.ChannelHungUp ? gone : seen).add(on.channel().uniqueId());
        }
    }

    private void rebuild(FloorLease.Tenure tenure, Stored stored) {
        clear();
        Instant now = scheduler.clock().instant();
        PbxEvent.ChannelsResynced truth = new PbxEvent.ChannelsResynced(now, truth(stored.live()), false);
        channels.apply(truth);
        role.hold(tenure);
        Map<String, LiveCall> byId = new HashMap<>();
        stored.calls().forEach(c -> byId.put(c.callId(), c));
        Map<String, String> keep = new HashMap<>();
        Set<String> campaignCalls = new HashSet<>();
        List<Runnable> endedMeanwhile = new ArrayList<>();
        for (AgentSession a : acd.sessions()) {
            AgentStatus s = stored.agents().get(a.profile.id());
            if (s == null || s.state() == AgentState.LOGGED_OUT) {
                continue;
            }
            switch (s.state()) {
                case READY, NOT_READY -> states.restore(a, s.state(), s.reason(), s.since(), null, false);
                case WRAP_UP -> states.restore(a, AgentState.READY, null, now, null, true);
                default -> {
                    LiveCall live = s.callId() == null ? null : byId.get(s.callId());
                    OutboundAgents dialer = acd.legs().outbound();
                    if (adoptable(a, s, live) && live.campaignId() != null && dialer != null) {
                        adoptCampaignCall(a, s, live, dialer, keep, endedMeanwhile);
                        campaignCalls.add(live.callId());
                    } else if (adoptable(a, s, live) && live.campaignId() == null && acd.calls().byId(live.callId()) == null) {
                        adopt(a, s, live, keep);
                    } else {
                        states.restore(a, AgentState.NOT_READY, CALL_LOST, now, null, true);
                    }
                }
            }
        }
        int waiting = 0;
        endedMeanwhile.forEach(Runnable::run);
        for (LiveCall live : sortedByWait(stored.calls())) {
            if (acd.calls().byId(live.callId()) != null || campaignCalls.contains(live.callId())) {
                continue; // adopted
            }
            // a caller who hung up while nobody held the floor goes back in line too: the resync below ends the call as
            // abandoned, so it is written like any other
            boolean stillWaiting = live.stage() == LiveCall.Stage.WAITING
                && (inHold(live.callerUniqueId()) || live.callerUniqueId() != null && !channels.isLive(live.callerUniqueId()));
            if (stillWaiting && acd.calls().byChannel(live.callerUniqueId()) == null) {
                requeue(live, now);
                waiting++;
            } else if (endedUnwritten(live)) {
                // A conversation that ended as the last holder died: its agent had moved on (wrap-up), its row may have died
                // in that holder's write-behind buffer (the stored call is forgotten only once its row is stored). Written
                // now under the same key: nothing changes if the row is there.
                InboundCall call = LiveCallMirror.restore(live, queueOf(live));
                acd.actions().record(call, now, "answered");
                CompletionStage<Void> written = call.historyStored;
                String id = live.callId();
                if (written != null) {
                    written.whenComplete((done, e) -> acd.owner().execute(() -> mirror.forget(id)));
                }
            } else {
                mirror.forget(live.callId());
            }
        }
        role.retainOnly(keep);
        LOG.info("took the floor under epoch {}: {} conversations adopted ({} of campaigns), {} callers back in line", tenure.epoch(),
            keep.size(), campaignCalls.size(), waiting);
        acd.ends().reconcile(truth); // callers on hold that no stored call names are queued as new
        acd.dispatch();
    }

    /**
     * The agent's stored conversation. Adopted also when it ended while nobody held the floor (a channel gone): the resync
     * that ends the takeover then ends it as a hangup would have, so its history row is written (at the takeover's time)
     * and the agent wraps up.
     */
    /** A stored conversation whose caller is gone and that nobody adopted. */
    private boolean endedUnwritten(LiveCall live) {
        return live.stage() == LiveCall.Stage.CONNECTED && live.agentId() != null && live.answeredAt() != null
            && (live.callerUniqueId() == null || !channels.isLive(live.callerUniqueId()));
    }

    private boolean adoptable(AgentSession a, AgentStatus s, LiveCall live) {
        return (s.state() == AgentState.ON_CALL || s.state() == AgentState.ON_HOLD) && live != null
            && live.stage() == LiveCall.Stage.CONNECTED && a.profile.id().equals(live.agentId())
            && live.callerUniqueId() != null && live.agentLegUniqueId() != null;
    }

    private void adopt(AgentSession a, AgentStatus s, LiveCall live, Map<String, String> keep) {
        InboundCall call = LiveCallMirror.restore(live, queueOf(live));
        call.stage = InboundCall.Stage.CONNECTED;
        acd.calls().add(call);
        acd.calls().indexAgentLeg(call);
        acd.recorder().adopted(call);
        OutboundAgents dialer = acd.legs().outbound();
        if (call.nailedLeg && dialer != null) {
            dialer.adoptLeg(a.profile.id(), call.agentLegUniqueId, call.agentLegChannel, null); // in use by an inbound call: not taken
        } else {
            call.nailedLeg = false; // nobody here could use the leg again: hung up at the end, the agent's phone then rings here
        }
        role.claim(a, "call:" + call.callId);
        keep.put(a.profile.id(), a.booking);
        // On hold stays on hold: the caller hears music and the agent's "resume" bridges them again.
        states.restore(a, s.state(), s.reason(), s.since(), call.callId, false);
    }

    /**
     * The agent's campaign conversation, adopted into the dialer's side with the campaign's hold and booking. A side gone
     * from the PBX's list (it hung up while nobody held the floor) ends it once every agent is restored ({@code ended}):
     * as that hangup would have, so its row is written (at the takeover's time) and the agent wraps up.
     */
    private void adoptCampaignCall(AgentSession a, AgentStatus s, LiveCall live, OutboundAgents dialer, Map<String, String> keep,
                                   List<Runnable> ended) {
        InboundCall call = LiveCallMirror.restore(live, queueOf(live));
        role.claim(a, "campaign:" + live.campaignId());
        keep.put(a.profile.id(), a.booking);
        states.restore(a, s.state(), "campaign " + live.campaignId(), s.since(), call.callId, false);
        dialer.adopt(a, call, live.campaignId());
        if (!channels.isLive(call.callerUniqueId)) {
            ended.add(() -> dialer.channelGone(call.callerUniqueId));
        } else if (!channels.isLive(call.agentLegUniqueId)) {
            ended.add(() -> dialer.channelGone(call.agentLegUniqueId));
        }
    }

    private void requeue(LiveCall live, Instant now) {
        InboundCall call = LiveCallMirror.restore(live, queueOf(live));
        call.stage = InboundCall.Stage.WAITING;
        call.agentId = null;
        acd.calls().add(call);
        acd.engine().enqueue(new QueuedCall(call.callId, call.queue, call.waitingSince, call.caller, call.skills));
        acd.recorder().adopted(call);
        acd.timers().scheduleOverflowCheck(call, now);
        // the customer is looked up again for the pop (the last holder's lookup went with it); the offer does not wait for it
        acd.actions().screenPop(call.callerNumber).thenAccept(pop -> acd.owner().execute(() -> {
            if (call.stage == InboundCall.Stage.WAITING) {
                call.pop = pop;
            }
        }));
    }

    private static List<LiveCall> sortedByWait(List<LiveCall> calls) {
        List<LiveCall> sorted = new ArrayList<>(calls);
        sorted.sort((x, y) -> x.waitingSince().compareTo(y.waitingSince()));
        return sorted;
    }

    private String queueOf(LiveCall live) {
        return acd.queue(live.queue()) != null ? live.queue() : acd.settings().defaultQueue();
    }

    private boolean inHold(String uniqueId) {
        Optional<ChannelTracker.TrackedChannel> ch = uniqueId == null ? Optional.empty() : channels.get(uniqueId);
        return ch.map(c -> acd.settings().holdContext().equals(c.context()) && c.bridgeId() == null).orElse(false);
    }

    /** The PBX's list, less what hung up since it was asked for, plus what appeared since (the list may predate both). */
    private List<LiveChannel> truth(List<LiveChannel> listed) {
        Map<String, LiveChannel> truth = new LinkedHashMap<>();
        listed.forEach(lc -> truth.put(lc.channel().uniqueId(), lc));
        // Heard from while the list was on its way: the tracker applied those events in order, so where such a channel is now
        // (a caller who left the IVR for the hold context meanwhile, a channel the list predates) is the tracker's; the list
        // adds only what the tracker does not follow.
        for (String uid : seen) {
            channels.get(uid).ifPresent(ch -> truth.put(uid, heard(uid, ch, truth.get(uid))));
        }
        gone.forEach(truth::remove);
        return new ArrayList<>(truth.values());
    }

    /** The channel as the tracker has it, with the state, exten and application of its row in the PBX's list, if any. */
    private static LiveChannel heard(String uid, ChannelTracker.TrackedChannel ch, LiveChannel listed) {
        ChannelRef ref = listed != null ? listed.channel() : new ChannelRef(uid, ch.name(), ch.linkedId(), ch.box());
        return new LiveChannel(ref, listed != null ? listed.state() : ChannelState.UNKNOWN, ch.callerIdNum(), ch.callerIdName(),
            ch.context(), listed != null ? listed.exten() : null, listed != null ? listed.application() : null, ch.bridgeId());
    }

    /**
     * Forgets every call and agent this node followed, writing nothing (the shared state is the next holder's): on leaving
     * the floor, and before a takeover rebuilds. Pending PBX answers and timers find their call ended and their agent moved on.
     */
    void clear() {
        role.forgetBookings();
        OutboundAgents dialer = acd.legs().outbound();
        if (dialer != null) {
            dialer.forget();
        }
        for (InboundCall call : List.copyOf(acd.calls().all())) {
            call.cancelWaitingTimers();
            call.attempt++;
            call.stage = InboundCall.Stage.ENDED;
            acd.engine().remove(call.callId);
        }
        acd.calls().clear();
        for (AgentSession a : acd.sessions()) {
            states.forget(a);
        }
    }

    /**
     * The store lost what it held (Redis restarted empty), or was out of reach (writes may have been lost), while this node
     * kept routing: it holds on under {@code tenure} and
     * writes back, in order behind anything still queued, every agent's state, every call it follows and the bookings of the
     * agents at work. On the owner.
     */
    Void rewrite(FloorLease.Tenure tenure) {
        // not hold(): the calls and agents stay, so an offer whose booking is still on the line must hear its answer
        role.holdOn(tenure);
        for (AgentSession a : acd.sessions()) {
            acd.actions().storeState(a.status());
            if (a.booking != null) {
                String work = a.booking;
                a.booking = null;
                role.claim(a, work);
                role.book(a, answer -> {
                    if (answer != FloorRole.Booking.BOOKED) {
                        LOG.warn("agent {} could not be booked again for {} after the store lost it: {}", a.profile.id(), work, answer);
                    }
                });
            }
        }
        for (InboundCall call : acd.calls().all()) {
            if (call.stage == InboundCall.Stage.WAITING) {
                mirror.waiting(call);
            } else if (call.stage == InboundCall.Stage.CONNECTED) {
                mirror.connected(call);
            }
        }
        OutboundAgents dialer = acd.legs().outbound();
        if (dialer != null) {
            dialer.rewrite(); // the campaign conversations
        }
        LOG.info("floor held on under epoch {}: {} agents and {} calls written back", tenure.epoch(), acd.sessions().size(),
            acd.calls().size());
        return null;
    }
}
