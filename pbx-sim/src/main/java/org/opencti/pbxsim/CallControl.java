package org.opencti.pbxsim;

import java.util.List;
import java.util.UUID;

/**
 * Answer, bridge, redirect and hangup, with the event sequences of the captures (02, 03, 04, 07, 10).
 * Core thread only.
 */
final class CallControl {
    private final PbxCore core;

    CallControl(PbxCore core) {
        this.core = core;
    }

    /** The channel answers; an Originate waiting for it (or for its Local peer) succeeds. */
    void answer(Chan ch) {
        core.setState(ch, ChannelState.UP);
        OriginateJob job = pendingJob(ch);
        if (job != null) {
            core.originator.answered(job);
        }
    }

    static OriginateJob pendingJob(Chan ch) {
        if (ch.job != null && !ch.job.done) {
            return ch.job;
        }
        Chan peer = ch.peer;
        return peer != null && peer.job != null && !peer.job.done ? peer.job : null;
    }

    // ---- bridges ---------------------------------------------------------------------------------

    /** AMI Bridge: both channels leave what they run (and any bridge) and meet in a new basic bridge. */
    void bridge(Chan a, Chan b) {
        for (Chan ch : List.of(a, b)) {
            if (ch.bridge != null) {
                leaveBridge(ch);
            }
        }
        BridgeState bridge = new BridgeState(UUID.randomUUID().toString());
        core.bridges.put(bridge.id, bridge);
        core.emit(core.events.bridgeCreate(bridge));
        for (Chan ch : List.of(a, b)) {
            if (ch.agi != null) {
                ch.agi.detach();
                ch.agi = null;
            }
            if (ch.state != ChannelState.UP) {
                answer(ch);
            }
            core.runner.interrupt(ch);
            if (ch.dialplan) {
                ch.priority++;
            }
            bridge.members.add(ch);
            ch.bridge = bridge;
            if (ch == b) {
                ch.linkedid = a.linkedid;
            }
            core.emit(core.events.bridgeEnter(bridge, ch));
        }
        setBridgePeer(a, b.name);
        setBridgePeer(b, a.name);
        core.record(SimRecord.Kind.BRIDGED, a.name, b.name);
        core.customers.bridged(a);
        core.customers.bridged(b);
    }

    private void setBridgePeer(Chan ch, String value) {
        ch.vars.put("BRIDGEPEER", value);
        core.emit(core.events.varSet(ch, "BRIDGEPEER", value));
    }

    /**
     * ConfBridge({@code room}): the channel joins the room's conference, created with the first member. The dialplan
     * waits there until the channel is taken out (Redirect, Bridge) or hangs up.
     */
    void joinConference(Chan ch, String room) {
        BridgeState conf = core.bridges.values().stream().filter(b -> room.equals(b.conference)).findFirst().orElse(null);
        if (conf == null) {
            conf = new BridgeState(UUID.randomUUID().toString(), room);
            core.bridges.put(conf.id, conf);
            core.emit(core.events.bridgeCreate(conf));
            core.emit(core.events.confbridge("ConfbridgeStart", conf));
        }
        if (ch.state != ChannelState.UP) {
            answer(ch);
        }
        conf.members.add(ch);
        ch.bridge = conf;
        core.emit(core.events.bridgeEnter(conf, ch));
        core.emit(core.events.confbridgeMember("ConfbridgeJoin", conf, ch));
        core.record(SimRecord.Kind.BRIDGED, ch.name, "conference " + room);
    }

    /** {@code ch} leaves its bridge; a basic bridge left with one channel dissolves and that channel moves on. */
    void leaveBridge(Chan ch) {
        BridgeState bridge = ch.bridge;
        if (bridge.conference != null) {
            bridge.members.remove(ch);
            ch.bridge = null;
            core.emit(core.events.bridgeLeave(bridge, ch));
            core.emit(core.events.confbridgeMember("ConfbridgeLeave", bridge, ch));
            if (bridge.members.isEmpty()) {
                core.emit(core.events.confbridge("ConfbridgeEnd", bridge));
                destroy(bridge, ch, null);
            }
            return;
        }
        if (bridge.members.size() == 2) {
            for (Chan m : List.copyOf(bridge.members)) {
                setBridgePeer(m, "");
            }
        }
        bridge.members.remove(ch);
        ch.bridge = null;
        core.emit(core.events.bridgeLeave(bridge, ch));
        if (bridge.members.size() == 1) {
            Chan other = bridge.members.remove(0);
            other.bridge = null;
            core.emit(core.events.bridgeLeave(bridge, other));
            destroy(bridge, ch, other);
            afterBridge(other);
        } else if (bridge.members.isEmpty()) {
            destroy(bridge, ch, null);
        }
    }

    private void destroy(BridgeState bridge, Chan a, Chan b) {
        core.emit(core.events.bridgeDestroy(bridge));
        core.bridges.remove(bridge.id);
        core.record(SimRecord.Kind.UNBRIDGED, a.name, b == null ? "" : b.name);
    }

    /** A channel whose bridge dissolved continues its dialplan at the return priority, or hangs up. */
    private void afterBridge(Chan ch) {
        if (ch.dialplan) {
            core.runner.startLater(ch);
        } else {
            core.later(() -> {
                if (!ch.dying && ch.bridge == null) {
                    terminate(ch, 16, true);
                }
            });
        }
    }

    // ---- redirect --------------------------------------------------------------------------------

    /** AMI Redirect of one or two channels (targets already validated). */
    void redirect(List<Chan> chans, List<String[]> targets) {
        for (int i = 0; i < chans.size(); i++) {
            Chan ch = chans.get(i);
            String[] t = targets.get(i);
            core.runner.interrupt(ch);
            if (ch.agi != null) {
                ch.agi.detach();
                ch.agi = null;
            }
            ch.context = t[0];
            ch.exten = t[1];
            Integer p = core.runner.resolvePriority(t[0], t[1], t[2]);
            ch.priority = p == null ? 1 : p;
            ch.dialplan = true;
        }
        for (Chan ch : chans) {
            if (ch.bridge != null) {
                leaveBridge(ch);
            }
        }
        for (Chan ch : chans) {
            core.record(SimRecord.Kind.REDIRECTED, ch.name, ch.context + "," + ch.exten + "," + ch.priority);
            core.runner.startLater(ch);
        }
    }

    // ---- hangup ----------------------------------------------------------------------------------

    /** Hangup requested from outside (AMI Hangup, the simulated caller or agent). */
    void hangup(Chan ch, int cause) {
        if (ch.dying) {
            return;
        }
        if (ch.agi != null) {
            ch.softHangup = true;
            ch.hangupCause = cause;
            ch.agi.channelHungUp();
            return;
        }
        if (ch.dialplan && ch.bridge == null && !ch.application.isEmpty()) {
            core.runner.interrupt(ch);
            core.emit(core.events.softHangupRequest(ch, 16));
        }
        terminate(ch, cause, true);
    }

    /** The channel's dialplan ended (Hangup(), no next priority, AGI returned on a dead channel). */
    void dialplanEnded(Chan ch) {
        if (ch.dying) {
            return;
        }
        core.runner.interrupt(ch);
        core.emit(core.events.softHangupRequest(ch, 16));
        terminate(ch, ch.hangupCause >= 0 ? ch.hangupCause : 16, true);
    }

    /**
     * The channel goes: music stops, it leaves its bridge, a pending Originate fails, its Local peer is
     * asked to hang up ({@code notifyPeer}), {@code Hangup} is emitted and the channel forgotten.
     */
    void terminate(Chan ch, int cause, boolean notifyPeer) {
        if (ch.dying) {
            return;
        }
        core.spy.channelEnding(ch);
        ch.dying = true;
        core.runner.interrupt(ch);
        if (ch.agi != null) {
            ch.agi.detach();
            ch.agi = null;
        }
        if (ch.bridge != null) {
            leaveBridge(ch);
        }
        OriginateJob job = pendingJob(ch);
        if (job != null && notifyPeer && job.two == ch && job.one != null && !job.one.dying) {
            core.originator.calledSideGone(job, cause);
        } else if (job != null) {
            core.originator.failed(job, Originator.reasonFor(cause));
        }
        Chan peer = ch.livePeer();
        if (peer != null && notifyPeer) {
            core.emit(core.events.hangupRequest(peer, cause));
        }
        core.emit(core.events.hangup(ch, cause));
        core.remove(ch);
        core.emit(core.events.deviceState(ch.device, "NOT_INUSE"));
        core.record(SimRecord.Kind.HUNG_UP, ch.name, Integer.toString(cause));
        if (peer != null && notifyPeer) {
            peerLost(peer, cause);
        }
    }

    /** The other half of a Local pair went: this one follows (after its AGI, if it runs one). */
    private void peerLost(Chan peer, int cause) {
        peer.softHangup = true;
        peer.hangupCause = cause;
        if (peer.agi != null) {
            peer.agi.channelHungUp();
            return;
        }
        core.later(() -> {
            if (peer.dying) {
                return;
            }
            if (peer.dialplan && peer.bridge == null && !peer.application.isEmpty()) {
                core.runner.interrupt(peer);
                core.emit(core.events.softHangupRequest(peer, 16));
            }
            terminate(peer, cause, false);
        });
    }
}
