package org.opencti.pbxsim;

import java.time.Duration;

/**
 * Setvar, Getvar (channel or global, dialplan functions such as {@code CALLERID(num)}), PlayDTMF and
 * UserEvent, as in captures 07 and 09: the response first, then the events it causes. Core thread only.
 */
final class AmiChannelActions {
    private final PbxCore core;

    AmiChannelActions(PbxCore core) {
        this.core = core;
    }

    void setvar(AmiSession s, AmiMessage m) {
        String variable = m.get("Variable");
        if (variable == null || variable.isBlank()) {
            s.send(AmiReplies.error(m, "No variable specified"));
            return;
        }
        String value = m.getOr("Value", "");
        String name = m.get("Channel");
        if (name == null || name.isBlank()) {
            s.send(AmiReplies.success(m, "Variable Set"));
            core.setGlobal(variable.trim(), value);
            return;
        }
        Chan ch = core.find(name);
        if (ch == null) {
            s.send(AmiReplies.error(m, "No such channel"));
            return;
        }
        s.send(AmiReplies.success(m, "Variable Set"));
        core.setVar(ch, variable.trim(), value);
    }

    void getvar(AmiSession s, AmiMessage m) {
        String variable = m.get("Variable");
        if (variable == null || variable.isBlank()) {
            s.send(AmiReplies.error(m, "No variable specified"));
            return;
        }
        String name = m.get("Channel");
        Chan ch = null;
        if (name != null && !name.isBlank()) {
            ch = core.find(name);
            if (ch == null) {
                s.send(AmiReplies.error(m, "No such channel"));
                return;
            }
        }
        String v = variable.trim();
        String value = v.startsWith("${") || v.startsWith("$[") ? core.expand(ch, v) : core.getVar(ch, v);
        s.send(AmiReplies.response(m, "Success").add("Variable", v).add("Value", value == null ? "" : value).build());
    }

    void playDtmf(AmiSession s, AmiMessage m) {
        String digit = m.get("Digit");
        if (digit == null || digit.isBlank()) {
            s.send(AmiReplies.error(m, "No digit specified"));
            return;
        }
        Chan ch = core.find(m.get("Channel"));
        if (ch == null) {
            s.send(AmiReplies.error(m, "Channel not found"));
            return;
        }
        long duration = m.getOr("Duration", "100").trim().matches("\\d+") ? Long.parseLong(m.getOr("Duration", "100").trim()) : 100;
        boolean receive = AmiActions.isTrue(m.get("Receive"));
        char d = digit.trim().charAt(0);
        core.schedule(Duration.ofMillis(duration), () -> {
            s.send(AmiReplies.success(m, "DTMF successfully queued"));
            Chan target = receive || ch.livePeer() == null ? ch : ch.livePeer();
            if (!target.dying) {
                if (!receive) {
                    core.emit(core.events.dtmfBegin(target, d, "Received"));
                }
                core.emit(core.events.dtmfEnd(target, d, duration, "Received"));
                core.keypad(target, d);
            }
        });
    }

    void userEvent(AmiSession s, AmiMessage m) {
        String name = m.get("UserEvent");
        if (name == null || name.isBlank()) {
            s.send(AmiReplies.error(m, "Missing UserEvent"));
            return;
        }
        s.send(AmiReplies.success(m, "Event Sent"));
        AmiMessage.Builder b = core.events.head("UserEvent", Events.USER).add("UserEvent", name);
        for (AmiMessage.Header h : m.headers()) {
            if (!h.name().equalsIgnoreCase("Action") && !h.name().equalsIgnoreCase("UserEvent")) {
                b.add(h.name(), h.value());
            }
        }
        core.emit(b.build());
    }
}
