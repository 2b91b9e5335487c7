package org.opencti.pbxsim;

import java.time.Clock;

/**
 * AMI event layouts, in the header order of the Asterisk 22 captures: {@code Event}, {@code Privilege},
 * {@code Timestamp}, then (channel events) the snapshot block, then the event's own fields.
 */
final class Events {
    static final String CALL = "call,all";
    static final String DIALPLAN = "dialplan,all";
    static final String AGI = "agi,all";
    static final String DTMF = "dtmf,all";
    static final String USER = "user,all";
    static final String SYSTEM = "system,all";

    private final Clock clock;

    Events(Clock clock) {
        this.clock = clock;
    }

    /** {@code Event}, {@code Privilege}, {@code Timestamp}. */
    AmiMessage.Builder head(String event, String privilege) {
        return AmiMessage.builder().add("Event", event).add("Privilege", privilege)
            .add("Timestamp", AmiTime.timestamp(clock.instant()));
    }

    /** Head plus the channel snapshot. */
    AmiMessage.Builder channel(String event, String privilege, Chan ch) {
        return snapshot(head(event, privilege), "", ch);
    }

    /** The snapshot block, each name prefixed ({@code Dest}, {@code LocalOne}, ...). */
    static AmiMessage.Builder snapshot(AmiMessage.Builder b, String prefix, Chan ch) {
        return b.add(prefix + "Channel", ch.name)
            .add(prefix + "ChannelState", ch.state.code())
            .add(prefix + "ChannelStateDesc", ch.state.desc())
            .add(prefix + "CallerIDNum", ch.cidNum)
            .add(prefix + "CallerIDName", ch.cidName)
            .add(prefix + "ConnectedLineNum", ch.connNum)
            .add(prefix + "ConnectedLineName", ch.connName)
            .add(prefix + "Language", "en")
            .add(prefix + "AccountCode", "")
            .add(prefix + "Context", ch.context)
            .add(prefix + "Exten", ch.exten)
            .add(prefix + "Priority", ch.priority)
            .add(prefix + "Uniqueid", ch.uniqueid)
            .add(prefix + "Linkedid", ch.linkedid);
    }

    AmiMessage newchannel(Chan ch) {
        return channel("Newchannel", CALL, ch).build();
    }

    AmiMessage newstate(Chan ch) {
        return channel("Newstate", CALL, ch).build();
    }

    AmiMessage newCallerid(Chan ch) {
        return channel("NewCallerid", CALL, ch).add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)").build();
    }

    AmiMessage newConnectedLine(Chan ch) {
        return channel("NewConnectedLine", CALL, ch).build();
    }

    AmiMessage newexten(Chan ch, String app, String data) {
        return channel("Newexten", DIALPLAN, ch).add("Extension", ch.exten).add("Application", app)
            .add("AppData", data).build();
    }

    AmiMessage varSet(Chan ch, String name, String value) {
        return channel("VarSet", DIALPLAN, ch).add("Variable", name).add("Value", value).build();
    }

    AmiMessage globalVarSet(String name, String value) {
        return head("VarSet", DIALPLAN).add("Channel", "none").add("Uniqueid", "none").add("Variable", name)
            .add("Value", value).build();
    }

    AmiMessage localBridge(Chan one, Chan two, String context, String exten) {
        AmiMessage.Builder b = head("LocalBridge", CALL);
        snapshot(b, "LocalOne", one);
        snapshot(b, "LocalTwo", two);
        return b.add("Context", context).add("Exten", exten).add("LocalOptimization", "Yes").build();
    }

    AmiMessage dialBegin(Chan dest, String dialString) {
        return snapshot(head("DialBegin", CALL), "Dest", dest).add("DialString", dialString).build();
    }

    AmiMessage dialState(Chan dest, String status) {
        return snapshot(head("DialState", CALL), "Dest", dest).add("DialStatus", status).build();
    }

    AmiMessage dialEnd(Chan dest, String status) {
        return snapshot(head("DialEnd", CALL), "Dest", dest).add("DialStatus", status).build();
    }

    AmiMessage deviceState(String device, String state) {
        return head("DeviceStateChange", CALL).add("Device", device).add("State", state).build();
    }

    AmiMessage musicOnHoldStart(Chan ch) {
        return channel("MusicOnHoldStart", CALL, ch).add("Class", "default").build();
    }

    AmiMessage musicOnHoldStop(Chan ch) {
        return channel("MusicOnHoldStop", CALL, ch).build();
    }

    AmiMessage hangupRequest(Chan ch, int cause) {
        return channel("HangupRequest", CALL, ch).add("Cause", cause).build();
    }

    AmiMessage softHangupRequest(Chan ch, int cause) {
        return channel("SoftHangupRequest", CALL, ch).add("Cause", cause).build();
    }

    AmiMessage hangup(Chan ch, int cause) {
        return channel("Hangup", CALL, ch).add("Cause", cause).add("Cause-txt", causeText(cause)).build();
    }

    AmiMessage dtmfBegin(Chan ch, char digit, String direction) {
        return channel("DTMFBegin", DTMF, ch).add("Digit", String.valueOf(digit)).add("Direction", direction).build();
    }

    AmiMessage dtmfEnd(Chan ch, char digit, long durationMs, String direction) {
        return channel("DTMFEnd", DTMF, ch).add("Digit", String.valueOf(digit)).add("DurationMs", durationMs)
            .add("Direction", direction).build();
    }

    private static AmiMessage.Builder bridge(AmiMessage.Builder b, BridgeState bridge) {
        if (bridge.conference != null) {
            // Not from a capture (the lab did not run ConfBridge): the layout of Asterisk 22's bridge snapshot for a
            // ConfBridge bridge (base type, softmix, created by ConfBridge, named by the conference).
            return b.add("BridgeUniqueid", bridge.id).add("BridgeType", "base").add("BridgeTechnology", "softmix")
                .add("BridgeCreator", "ConfBridge").add("BridgeName", bridge.conference)
                .add("BridgeNumChannels", bridge.members.size()).add("BridgeVideoSourceMode", "none");
        }
        return b.add("BridgeUniqueid", bridge.id).add("BridgeType", "basic").add("BridgeTechnology", "simple_bridge")
            .add("BridgeCreator", Chan.UNKNOWN).add("BridgeName", Chan.UNKNOWN)
            .add("BridgeNumChannels", bridge.members.size()).add("BridgeVideoSourceMode", "none");
    }

    /** ConfbridgeStart / ConfbridgeEnd (app_confbridge's manager events; not from a capture). */
    AmiMessage confbridge(String event, BridgeState b) {
        return bridge(head(event, CALL).add("Conference", b.conference), b).build();
    }

    /** ConfbridgeJoin / ConfbridgeLeave for one channel (not from a capture). */
    AmiMessage confbridgeMember(String event, BridgeState b, Chan ch) {
        AmiMessage.Builder m = snapshot(bridge(head(event, CALL).add("Conference", b.conference), b), "", ch).add("Admin", "No");
        return ("ConfbridgeJoin".equals(event) ? m.add("Muted", "No") : m).build();
    }

    AmiMessage bridgeCreate(BridgeState b) {
        return bridge(head("BridgeCreate", CALL), b).build();
    }

    AmiMessage bridgeDestroy(BridgeState b) {
        return bridge(head("BridgeDestroy", CALL), b).build();
    }

    AmiMessage bridgeEnter(BridgeState b, Chan ch) {
        return snapshot(bridge(head("BridgeEnter", CALL), b), "", ch).build();
    }

    AmiMessage bridgeLeave(BridgeState b, Chan ch) {
        return snapshot(bridge(head("BridgeLeave", CALL), b), "", ch).build();
    }

    AmiMessage agiExecStart(Chan ch, long commandId, String command) {
        return channel("AGIExecStart", AGI, ch).add("CommandId", commandId).add("Command", command).build();
    }

    AmiMessage agiExecEnd(Chan ch, long commandId, String command, int resultCode, String result) {
        return channel("AGIExecEnd", AGI, ch).add("CommandId", commandId).add("Command", command)
            .add("ResultCode", resultCode).add("Result", result).build();
    }

    /** {@code OriginateResponse}: on failure Channel is the dial string and Uniqueid {@code <unknown>} (capture 06). */
    AmiMessage originateResponse(OriginateJob job, boolean success, int reason) {
        AmiMessage.Builder b = head("OriginateResponse", CALL).addIfPresent("ActionID", job.actionId)
            .add("Response", success ? "Success" : "Failure")
            .add("Channel", success ? job.one.name : job.dialString);
        if (job.context != null) {
            b.add("Context", job.context).add("Exten", job.exten);
        } else {
            b.add("Application", job.application).add("Data", job.data);
        }
        return b.add("Reason", reason).add("Uniqueid", success ? job.one.uniqueid : Chan.UNKNOWN)
            .add("CallerIDNum", job.cidNum).add("CallerIDName", job.cidName).build();
    }

    /** {@code ChanSpyStart} / {@code ChanSpyStop}: the Spyer snapshot, then the Spyee snapshot (capture 05). */
    AmiMessage chanSpy(String event, Chan spyer, Chan spyee) {
        AmiMessage.Builder b = head(event, CALL);
        snapshot(b, "Spyer", spyer);
        return snapshot(b, "Spyee", spyee).build();
    }

    AmiMessage shutdown() {
        return head("Shutdown", SYSTEM).add("Shutdown", "Cleanly").add("Restart", "True").build();
    }

    /** Q.850 cause text as Asterisk prints it in {@code Cause-txt}. */
    static String causeText(int cause) {
        return switch (cause) {
            case 1 -> "Unallocated (unassigned) number";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 18 -> "No user responding";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 34 -> "Circuit/channel congestion";
            default -> "Unknown";
        };
    }
}
