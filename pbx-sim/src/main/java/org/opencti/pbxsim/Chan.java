package org.opencti.pbxsim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/** A live channel. Only touched on the simulator's core thread. */
final class Chan {
    static final String UNKNOWN = "<unknown>";

    final String name;
    final String uniqueid;
    final Instant created;
    /** For DeviceStateChange: {@code Local/5551000@inbound}. */
    final String device;
    String linkedid;
    ChannelState state;
    String cidNum = UNKNOWN;
    String cidName = UNKNOWN;
    String connNum = UNKNOWN;
    String connName = UNKNOWN;
    String context;
    String exten;
    int priority = 1;
    final Map<String, String> vars = new LinkedHashMap<>();

    /** The other half of a Local pair, or {@code null}. */
    Chan peer;
    /** The {@code ;1} half (the originated one). */
    boolean one;
    BridgeState bridge;
    String application = "";
    String appData = "";
    /** Runs dialplan (as opposed to an application given by Originate, or nothing). */
    boolean dialplan;
    /** Dialplan steps of a simulated phone, used instead of the dialplan for {@link #phoneContext}. */
    List<Dialplan.Step> phoneProgram;
    String phoneContext;
    /** The extension when this channel is a simulated phone. */
    String phoneExt;
    boolean awaitingRelease;
    /** The number dialled, when this channel is a customer reached through the trunk ({@code [cti-outbound]}). */
    String number;
    /** That customer's reaction, fixed when the call started (AMD verdict, talk time). */
    PhoneBehaviour.Reaction called;
    /** Set once the customer's talk time runs (from the first bridge). */
    ScheduledFuture<?> talkTimer;

    /** Bumped whenever what runs on the channel is interrupted; stale continuations compare it. */
    long runToken;
    ScheduledFuture<?> timer;
    boolean moh;
    boolean dying;
    /** A hangup was requested while the channel cannot go yet (it is in AGI). */
    boolean softHangup;
    int hangupCause = -1;
    AgiSession agi;
    /** ChanSpy on this channel: the channel name and options it was given, and the channel it hears once attached. */
    String spyTarget;
    String spyOptions = "";
    Chan spying;
    /** The Originate waiting for this channel to answer. */
    OriginateJob job;
    /** Keypad input waiting to be read (GET DATA, WAIT FOR DIGIT, STREAM FILE escape digits). */
    final Deque<Character> keypad = new ArrayDeque<>();

    Chan(String name, String uniqueid, Instant created, String device, ChannelState state) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = uniqueid;
        this.created = created;
        this.device = device;
        this.state = state;
    }

    Chan livePeer() {
        return peer != null && !peer.dying ? peer : null;
    }

    String callerIdAll() {
        boolean noName = UNKNOWN.equals(cidName) || cidName.isEmpty();
        boolean noNum = UNKNOWN.equals(cidNum) || cidNum.isEmpty();
        if (noName && noNum) {
            return "";
        }
        if (noName) {
            return "<" + cidNum + ">";
        }
        return "\"" + cidName + "\" <" + (noNum ? "" : cidNum) + ">";
    }

    SimChannel snapshot() {
        return new SimChannel(name, uniqueid, linkedid, state, cidNum, cidName, context, exten, priority, application,
            appData, bridge == null ? "" : bridge.id, vars, created);
    }

    @Override
    public String toString() {
        return name;
    }
}
