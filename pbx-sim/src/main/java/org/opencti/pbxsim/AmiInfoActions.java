package org.opencti.pbxsim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Read-only AMI actions (CoreShowChannels, Status, Command, CoreSettings, CoreStatus) with the layouts of
 * captures 01 and 07: list items and Complete events carry no Privilege/Timestamp; Status items have
 * {@code Privilege: Call} and their ActionID last.
 */
final class AmiInfoActions {
    private static final String VERSION = "22.10.1";

    private final PbxCore core;
    private final Runnable restart;

    AmiInfoActions(PbxCore core, Runnable restart) {
        this.core = core;
        this.restart = restart;
    }

    void handle(String name, AmiSession s, AmiMessage m) {
        switch (name) {
            case "coreshowchannels" -> coreShowChannels(s, m);
            case "status" -> status(s, m);
            case "command" -> command(s, m);
            case "coresettings" -> s.send(AmiReplies.response(m, "Success").add("AMIversion", "11.0.0")
                .add("AsteriskVersion", VERSION).add("SystemName", "").add("CoreMaxCalls", "0")
                .add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "").add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", "0").add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No").build());
            case "corestatus" -> {
                Instant boot = core.bootedAt;
                s.send(AmiReplies.response(m, "Success").add("CoreStartupDate", AmiTime.date(boot))
                    .add("CoreStartupTime", AmiTime.time(boot)).add("CoreReloadDate", AmiTime.date(boot))
                    .add("CoreReloadTime", AmiTime.time(boot)).add("CoreCurrentCalls", activeCalls())
                    .add("CoreProcessedCalls", core.processedCalls).build());
            }
            default -> s.send(AmiReplies.error(m, "Invalid/unknown command: " + m.action()
                + ". Use Action: ListCommands to show available commands."));
        }
    }

    private long activeCalls() {
        return core.channels.values().stream().filter(c -> c.peer == null || c.one).count();
    }

    private long seconds(Chan ch) {
        return Math.max(0, Duration.between(ch.created, core.clock.instant()).getSeconds());
    }

    private void coreShowChannels(AmiSession s, AmiMessage m) {
        String id = m.actionId();
        s.send(AmiReplies.response(m, "Success").add("EventList", "start").add("Message", "Channels will follow").build());
        List<Chan> chans = List.copyOf(core.channels.values());
        for (Chan ch : chans) {
            AmiMessage.Builder b = AmiMessage.builder().add("Event", "CoreShowChannel").addIfPresent("ActionID", id);
            Events.snapshot(b, "", ch).add("Application", ch.application).add("ApplicationData", ch.appData)
                .add("Duration", AmiTime.duration(seconds(ch))).add("BridgeId", ch.bridge == null ? "" : ch.bridge.id);
            s.send(b.build());
        }
        s.send(AmiMessage.builder().add("Event", "CoreShowChannelsComplete").addIfPresent("ActionID", id)
            .add("EventList", "Complete").add("ListItems", chans.size()).build());
    }

    private void status(AmiSession s, AmiMessage m) {
        String name = m.get("Channel");
        List<Chan> chans;
        if (name != null && !name.isBlank()) {
            Chan ch = core.find(name);
            if (ch == null) {
                s.send(AmiReplies.error(m, "No such channel"));
                return;
            }
            chans = List.of(ch);
        } else {
            chans = List.copyOf(core.channels.values());
        }
        String variables = m.getOr("Variables", "");
        s.send(AmiReplies.response(m, "Success").add("EventList", "start").add("Message", "Channel status will follow").build());
        for (Chan ch : chans) {
            AmiMessage.Builder b = AmiMessage.builder().add("Event", "Status").add("Privilege", "Call");
            boolean bridged = ch.bridge != null;
            Events.snapshot(b, "", ch).add("Type", ch.name.substring(0, Math.max(0, ch.name.indexOf('/')))).add("DNID", "")
                .add("EffectiveConnectedLineNum", ch.connNum).add("EffectiveConnectedLineName", ch.connName)
                .add("TimeToHangup", "0").add("BridgeID", bridged ? ch.bridge.id : "")
                .add("Application", bridged || ch.application.isEmpty() ? "(null)" : ch.application)
                .add("Data", bridged || ch.application.isEmpty() ? "(null)" : ch.appData)
                .add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", "0").add("Pickupgroup", "0")
                .add("Seconds", seconds(ch));
            for (String v : variables.split(",")) {
                if (!v.isBlank()) {
                    String value = core.getVar(ch, v.trim());
                    b.add("Variable", v.trim() + "=" + (value == null ? "" : value));
                }
            }
            s.send(b.addIfPresent("ActionID", m.actionId()).build());
        }
        s.send(AmiMessage.builder().add("Event", "StatusComplete").addIfPresent("ActionID", m.actionId())
            .add("EventList", "Complete").add("ListItems", chans.size()).add("Items", chans.size()).build());
    }

    private void command(AmiSession s, AmiMessage m) {
        String cmd = m.get("Command");
        if (cmd == null || cmd.isBlank()) {
            s.send(AmiReplies.error(m, "No command provided"));
            return;
        }
        String c = cmd.trim().replaceAll("\\s+", " ");
        String lower = c.toLowerCase(Locale.ROOT);
        AmiMessage.Builder ok = AmiReplies.response(m, "Success").add("Message", "Command output follows");
        switch (lower) {
            case "core show version" -> s.send(ok.add("Output", "Asterisk " + VERSION
                + " built by root @ pbx-sim on a x86_64 running Linux on " + AmiTime.date(core.bootedAt) + " "
                + AmiTime.time(core.bootedAt) + " UTC").build());
            case "core show channels" -> {
                ok.add("Output", String.format("%-64s %-32s %-7s %-30s", "Channel", "Location", "State", "Application(Data)"));
                for (Chan ch : core.channels.values()) {
                    String app = ch.application.isEmpty() ? "(None)" : ch.application + "(" + ch.appData + ")";
                    ok.add("Output", String.format("%-64s %-32s %-7s %-30s", ch.name,
                        ch.exten + "@" + ch.context + ":" + ch.priority, ch.state.desc(), app));
                }
                ok.add("Output", core.channels.size() + " active channels").add("Output", activeCalls() + " active calls")
                    .add("Output", core.processedCalls + " calls processed");
                s.send(ok.build());
            }
            case "core restart now", "core restart gracefully", "core restart when convenient" -> {
                s.send(ok.build());
                core.later(restart);
            }
            default -> {
                String[] words = c.split(" ");
                String hint = words.length > 2 ? String.join(" ", List.of(words).subList(0, words.length - 2)) : words[0];
                s.send(AmiReplies.response(m, "Error").add("Message", "Command output follows")
                    .add("Output", "No such command '" + c + "' (type 'core show help " + hint + "' for other possible commands)")
                    .build());
            }
        }
    }
}
