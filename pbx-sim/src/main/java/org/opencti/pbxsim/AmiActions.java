package org.opencti.pbxsim;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The call-level AMI actions (Originate, Redirect, Bridge, Hangup; variables, DTMF and UserEvent in
 * {@link AmiChannelActions}; server information in {@link AmiInfoActions}; phones' hints in {@link AmiPhoneActions}),
 * answered with the wording of the captures. Runs on the core thread; the response is always written before the events
 * the action causes.
 */
final class AmiActions {
    /** Lower-case names of every action handled here or in {@link AmiInfoActions}. */
    static final Set<String> NAMES = Set.of("originate", "redirect", "bridge", "hangup", "setvar", "getvar", "playdtmf",
        "userevent", "coreshowchannels", "status", "command", "coresettings", "corestatus", "extensionstate");

    private final PbxCore core;
    private final AmiChannelActions channel;
    private final AmiInfoActions info;
    private final AmiPhoneActions phones;

    AmiActions(PbxCore core, Runnable restart) {
        this.core = core;
        this.channel = new AmiChannelActions(core);
        this.info = new AmiInfoActions(core, restart);
        this.phones = new AmiPhoneActions(core);
    }

    void handle(AmiSession s, AmiMessage m) {
        String name = m.action().trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "originate" -> originate(s, m);
            case "redirect" -> redirect(s, m);
            case "bridge" -> bridge(s, m);
            case "hangup" -> hangup(s, m);
            case "setvar" -> channel.setvar(s, m);
            case "getvar" -> channel.getvar(s, m);
            case "playdtmf" -> channel.playDtmf(s, m);
            case "userevent" -> channel.userEvent(s, m);
            case "extensionstate" -> phones.extensionState(s, m);
            default -> info.handle(name, s, m);
        }
    }

    private void originate(AmiSession s, AmiMessage m) {
        String channel = m.get("Channel");
        if (channel == null || channel.isBlank()) {
            s.send(AmiReplies.error(m, "Channel not specified"));
            return;
        }
        if (!channel.contains("/")) {
            s.send(AmiReplies.error(m, "Invalid channel"));
            return;
        }
        OriginateJob job = new OriginateJob();
        job.actionId = m.actionId();
        job.dialString = channel.trim();
        String app = m.get("Application");
        if (app != null && !app.isBlank()) {
            job.application = app.trim();
            job.data = m.getOr("Data", "");
        } else {
            job.context = m.getOr("Context", "default");
            job.exten = m.getOr("Exten", "s");
            job.priority = m.getOr("Priority", "1").trim();
        }
        String timeout = m.get("Timeout");
        long defaultTimeout = core.settings.defaultOriginateTimeout().toMillis();
        try {
            long t = timeout == null || timeout.isBlank() ? defaultTimeout : Long.parseLong(timeout.trim());
            job.timeoutMs = t > 0 ? t : defaultTimeout;
        } catch (NumberFormatException e) {
            s.send(AmiReplies.error(m, "Invalid timeout"));
            return;
        }
        String callerId = m.get("CallerID");
        if (callerId != null && !callerId.isBlank()) {
            String[] cid = parseCallerId(callerId);
            job.cidName = cid[0];
            job.cidNum = cid[1];
            job.callerIdGiven = true;
        }
        for (String header : m.getAll("Variable")) {
            for (String pair : header.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    job.variables.add(new AbstractMap.SimpleEntry<>(pair.substring(0, eq).trim(), pair.substring(eq + 1)));
                }
            }
        }
        job.channelId = blankToNull(m.get("ChannelId"));
        job.otherChannelId = blankToNull(m.get("OtherChannelId"));
        if (isTrue(m.get("Async"))) {
            s.send(AmiReplies.success(m, "Originate successfully queued"));
        } else {
            job.onDone = ok -> s.send(ok ? AmiReplies.success(m, "Originate successfully queued")
                : AmiReplies.error(m, "Originate failed"));
        }
        core.originator.start(job);
    }

    /** {@code "Jane Doe" <+15551230001>} to {name, number}; a missing part is {@code <unknown>}. */
    static String[] parseCallerId(String value) {
        String v = value.trim();
        int lt = v.indexOf('<');
        if (lt >= 0) {
            int gt = v.indexOf('>', lt);
            String num = v.substring(lt + 1, gt < 0 ? v.length() : gt).trim();
            String name = v.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[] {name.isEmpty() ? Chan.UNKNOWN : name, num.isEmpty() ? Chan.UNKNOWN : num};
        }
        if (v.matches("[0-9+*#]+")) {
            return new String[] {Chan.UNKNOWN, v};
        }
        return new String[] {v.replace("\"", ""), Chan.UNKNOWN};
    }

    private void redirect(AmiSession s, AmiMessage m) {
        String name = m.get("Channel");
        if (name == null || name.isBlank()) {
            s.send(AmiReplies.error(m, "Channel not specified"));
            return;
        }
        String[] target = target(s, m, "");
        if (target == null) {
            return;
        }
        Chan ch = core.find(name);
        if (ch == null) {
            s.send(AmiReplies.error(m, "Channel does not exist: " + name.trim()));
            return;
        }
        List<Chan> chans = new ArrayList<>(List.of(ch));
        List<String[]> targets = new ArrayList<>();
        targets.add(target);
        String extra = m.get("ExtraChannel");
        if (extra != null && !extra.isBlank()) {
            Chan other = core.find(extra);
            if (other == null) {
                s.send(AmiReplies.error(m, "ExtraChannel does not exist: " + extra.trim()));
                return;
            }
            String[] extraTarget = new String[] {m.getOr("ExtraContext", target[0]), m.getOr("ExtraExten", target[1]),
                m.getOr("ExtraPriority", target[2])};
            if (other != ch) {
                chans.add(other);
                targets.add(extraTarget);
            }
        }
        s.send(AmiReplies.success(m, chans.size() == 2 ? "Dual Redirect successful" : "Redirect successful"));
        core.calls.redirect(chans, targets);
    }

    private String[] target(AmiSession s, AmiMessage m, String prefix) {
        String context = m.get(prefix + "Context");
        String exten = m.get(prefix + "Exten");
        String priority = m.get(prefix + "Priority");
        if (context == null || context.isBlank()) {
            s.send(AmiReplies.error(m, "Context not specified"));
            return null;
        }
        if (exten == null || exten.isBlank()) {
            s.send(AmiReplies.error(m, "Exten not specified"));
            return null;
        }
        if (priority == null || priority.isBlank()) {
            s.send(AmiReplies.error(m, "Priority not specified"));
            return null;
        }
        if (core.runner.resolvePriority(context.trim(), exten.trim(), priority.trim()) == null) {
            s.send(AmiReplies.error(m, "Priority is invalid"));
            return null;
        }
        return new String[] {context.trim(), exten.trim(), priority.trim()};
    }

    private void bridge(AmiSession s, AmiMessage m) {
        String n1 = m.get("Channel1");
        String n2 = m.get("Channel2");
        if (n1 == null || n1.isBlank() || n2 == null || n2.isBlank()) {
            s.send(AmiReplies.error(m, "Missing channel parameter in request"));
            return;
        }
        Chan a = core.find(n1);
        if (a == null) {
            s.send(AmiReplies.error(m, "Channel1 does not exist: " + n1.trim()));
            return;
        }
        Chan b = core.find(n2);
        if (b == null) {
            s.send(AmiReplies.error(m, "Channel2 does not exist: " + n2.trim()));
            return;
        }
        if (a == b) {
            s.send(AmiReplies.error(m, "Unable to bridge a channel to itself"));
            return;
        }
        s.send(AmiReplies.success(m, "Channels have been bridged"));
        core.calls.bridge(a, b);
    }

    private void hangup(AmiSession s, AmiMessage m) {
        String name = m.get("Channel");
        if (name == null || name.isBlank()) {
            s.send(AmiReplies.error(m, "No channel specified"));
            return;
        }
        String causeText = m.get("Cause");
        Integer cause = causeText != null && causeText.trim().matches("\\d+") ? Integer.valueOf(causeText.trim()) : null;
        String n = name.trim();
        if (n.length() > 2 && n.startsWith("/") && n.endsWith("/")) {
            hangupMatching(s, m, n.substring(1, n.length() - 1), cause);
            return;
        }
        Chan ch = core.find(n);
        if (ch == null) {
            s.send(AmiReplies.error(m, "No such channel"));
            return;
        }
        s.send(AmiReplies.success(m, "Channel Hungup"));
        core.calls.hangup(ch, cause != null ? cause : defaultCause(ch));
    }

    private void hangupMatching(AmiSession s, AmiMessage m, String regex, Integer cause) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            s.send(AmiReplies.error(m, "Invalid regex"));
            return;
        }
        List<Chan> matched = core.channels.values().stream().filter(c -> p.matcher(c.name).find()).toList();
        s.send(AmiReplies.response(m, "Success").add("Message", "Channels hung up will follow").build());
        for (Chan ch : matched) {
            s.send(AmiMessage.builder().add("Event", "ChannelHungup").add("Channel", ch.name)
                .addIfPresent("ActionID", m.actionId()).build());
        }
        s.send(AmiMessage.builder().add("Event", "ChannelsHungupListComplete").addIfPresent("ActionID", m.actionId())
            .add("EventList", "Complete").add("ListItems", matched.size()).build());
        for (Chan ch : matched) {
            core.calls.hangup(ch, cause != null ? cause : defaultCause(ch));
        }
    }

    /** AMI Hangup without Cause: 16 for a bridged channel, 0 otherwise (as in captures 02, 05, 07, 10). */
    private static int defaultCause(Chan ch) {
        return ch.bridge != null ? 16 : 0;
    }

    static boolean isTrue(String v) {
        if (v == null) {
            return false;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("yes") || t.equals("1") || t.equals("on") || t.equals("y") || t.equals("t");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
