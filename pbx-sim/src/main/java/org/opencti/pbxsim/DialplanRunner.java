package org.opencti.pbxsim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a channel's dialplan: one {@code Newexten} per priority, then the application. Applications that
 * take time (Wait, MusicOnHold, AGI, Answer's media wait, Playback) park the channel and resume it from a
 * timer or callback; anything that takes the channel away (bridge, redirect, hangup) calls
 * {@link #interrupt}, which makes the parked continuation stale.
 */
final class DialplanRunner {
    /** Label marking the "ring until released" Wait of a simulated phone. */
    static final String RELEASE_LABEL = "sim-release";

    private static final Logger LOG = LoggerFactory.getLogger(DialplanRunner.class);

    private enum Flow { NEXT, JUMP, PARKED, STOP }

    private final PbxCore core;

    DialplanRunner(PbxCore core) {
        this.core = core;
    }

    /** Runs {@code ch} from its current location in a later task (after the current burst of events). */
    void startLater(Chan ch) {
        ch.dialplan = true;
        long token = ++ch.runToken;
        core.later(() -> {
            if (token == ch.runToken && !ch.dying) {
                run(ch);
            }
        });
    }

    /** Runs {@code ch} from its current location now. */
    void startNow(Chan ch) {
        ch.dialplan = true;
        ch.runToken++;
        run(ch);
    }

    /** Stops what runs on {@code ch} (timer, music on hold, release wait); its continuation becomes stale. */
    void interrupt(Chan ch) {
        ch.runToken++;
        if (ch.timer != null) {
            ch.timer.cancel(false);
            ch.timer = null;
        }
        if (ch.moh) {
            ch.moh = false;
            core.emit(core.events.musicOnHoldStop(ch));
        }
        ch.awaitingRelease = false;
        ch.application = "";
        ch.appData = "";
    }

    /** The AGI application returned: continue at the next priority (or where SET CONTEXT/... pointed). */
    void agiReturned(Chan ch, String context, String exten, Integer priority) {
        if (ch.dying) {
            return;
        }
        if (ch.softHangup) {
            core.calls.dialplanEnded(ch);
            return;
        }
        if (context != null) {
            ch.context = context;
        }
        if (exten != null) {
            ch.exten = exten;
        }
        if (priority != null) {
            ch.priority = priority;
        } else {
            ch.priority++;
        }
        ch.runToken++;
        run(ch);
    }

    /** A "ring until released" Wait of a simulated phone ends: the phone answers. */
    void released(Chan ch) {
        ch.awaitingRelease = false;
        ch.runToken++;
        ch.priority++;
        run(ch);
    }

    private void run(Chan ch) {
        for (int guard = 0; guard < 500; guard++) {
            if (ch.dying || ch.bridge != null) {
                return;
            }
            Dialplan.Step step = stepAt(ch);
            if (step == null) {
                core.calls.dialplanEnded(ch);
                return;
            }
            String data = core.expand(ch, step.data());
            ch.application = step.app();
            ch.appData = data;
            core.emit(core.events.newexten(ch, step.app(), data));
            Flow flow = execute(ch, step, data);
            if (flow == Flow.NEXT) {
                ch.priority++;
            } else if (flow != Flow.JUMP) {
                return;
            }
        }
        LOG.warn("dialplan loop on {}: hanging up", ch);
        core.calls.dialplanEnded(ch);
    }

    private Dialplan.Step stepAt(Chan ch) {
        if (ch.phoneProgram != null && ch.phoneContext.equals(ch.context)) {
            List<Dialplan.Step> program = ch.phoneProgram;
            return ch.priority >= 1 && ch.priority <= program.size() ? program.get(ch.priority - 1) : null;
        }
        Dialplan.Extension ext = core.dialplan.find(ch.context, ch.exten);
        return ext == null ? null : ext.steps.get(ch.priority);
    }

    private Flow execute(Chan ch, Dialplan.Step step, String data) {
        switch (step.app().toLowerCase(Locale.ROOT)) {
            case "noop", "verbose", "progress" -> {
                return Flow.NEXT;
            }
            case "answer" -> {
                if (ch.state == ChannelState.UP) {
                    return Flow.NEXT;
                }
                core.calls.answer(ch);
                return ch.dying ? Flow.STOP : park(ch, core.settings.answerDelay(), null);
            }
            case "set" -> {
                int eq = data.indexOf('=');
                if (eq > 0) {
                    core.setVar(ch, data.substring(0, eq).trim(), data.substring(eq + 1));
                }
                return Flow.NEXT;
            }
            case "goto" -> {
                return jump(ch, data) ? Flow.JUMP : end(ch);
            }
            case "gotoif" -> {
                return gotoIf(ch, data);
            }
            case "hangup" -> {
                if (!data.isBlank() && data.trim().matches("\\d+")) {
                    ch.hangupCause = Integer.parseInt(data.trim());
                }
                return end(ch);
            }
            case "wait" -> {
                if (RELEASE_LABEL.equals(step.label())) {
                    ch.awaitingRelease = true;
                    core.originator.ringingUntilRelease(ch);
                    return Flow.PARKED;
                }
                return park(ch, seconds(data), null);
            }
            case "musiconhold" -> {
                ch.moh = true;
                core.emit(core.events.musicOnHoldStart(ch));
                core.record(SimRecord.Kind.ENTERED_HOLD, ch.name, ch.context);
                return Flow.PARKED;
            }
            case "agi" -> {
                new AgiSession(core, ch, data).start();
                return Flow.PARKED;
            }
            case "ringing" -> {
                core.originator.ringing(ch);
                return Flow.NEXT;
            }
            case "busy" -> {
                core.originator.busy(ch, 17);
                return Flow.STOP;
            }
            case "congestion" -> {
                core.originator.busy(ch, 34);
                return Flow.STOP;
            }
            case "amd" -> {
                // app_amd listens to the far end for a while, then sets AMDSTATUS and AMDCAUSE and the dialplan goes on.
                String[] verdict = core.customers.amdVerdict(ch);
                return park(ch, core.settings.amdDelay(), () -> {
                    core.setVar(ch, "AMDSTATUS", verdict[0]);
                    core.setVar(ch, "AMDCAUSE", verdict[1]);
                });
            }
            case "waitforsilence" -> {
                return park(ch, core.settings.promptDuration(), () -> core.setVar(ch, "WAITSTATUS", "SILENCE"));
            }
            case "playback" -> {
                if (data.isBlank()) {
                    // Asterisk: "Playback requires an argument (filename)", the application fails and the channel hangs up.
                    return end(ch);
                }
                return park(ch, core.settings.promptDuration(), () -> core.setVar(ch, "PLAYBACKSTATUS", "SUCCESS"));
            }
            case "confbridge" -> {
                String room = data.split(",", 2)[0].trim();
                if (room.isEmpty()) {
                    return end(ch);
                }
                core.calls.joinConference(ch, room);
                return Flow.PARKED;
            }
            case "userevent" -> {
                userEvent(ch, data);
                return Flow.NEXT;
            }
            case "mixmonitor" -> {
                // nothing is recorded; the event says it started, as Asterisk's does (no capture of it: layout per the docs)
                core.emit(core.events.channel("MixMonitorStart", Events.CALL, ch).build());
                core.record(SimRecord.Kind.RECORDING_STARTED, ch.name, data.split(",", 2)[0].trim());
                return Flow.NEXT;
            }
            default -> {
                LOG.debug("{}: application {} is not simulated, treated as NoOp", ch, step.app());
                return Flow.NEXT;
            }
        }
    }

    private Flow end(Chan ch) {
        core.calls.dialplanEnded(ch);
        return Flow.STOP;
    }

    /** Parks the channel for {@code delay}, then runs {@code before} and continues at the next priority. */
    private Flow park(Chan ch, Duration delay, Runnable before) {
        long token = ch.runToken;
        ch.timer = core.schedule(delay, () -> {
            if (token != ch.runToken || ch.dying || ch.bridge != null) {
                return;
            }
            ch.timer = null;
            if (before != null) {
                before.run();
            }
            ch.priority++;
            run(ch);
        });
        return Flow.PARKED;
    }

    private Flow gotoIf(Chan ch, String data) {
        int q = data.indexOf('?');
        String cond = q < 0 ? data : data.substring(0, q);
        String branches = q < 0 ? "" : data.substring(q + 1);
        int colon = branches.indexOf(':');
        String yes = colon < 0 ? branches : branches.substring(0, colon);
        String no = colon < 0 ? "" : branches.substring(colon + 1);
        String target = Dialplan.truthy(cond) ? yes : no;
        if (target.isBlank()) {
            return Flow.NEXT;
        }
        return jump(ch, target) ? Flow.JUMP : end(ch);
    }

    /** Goto: {@code [[context,]exten,]priority-or-label}. */
    boolean jump(Chan ch, String target) {
        String[] parts = target.split(",");
        String context = ch.context;
        String exten = ch.exten;
        String prio;
        if (parts.length >= 3) {
            context = parts[0].trim();
            exten = parts[1].trim();
            prio = parts[2].trim();
        } else if (parts.length == 2) {
            exten = parts[0].trim();
            prio = parts[1].trim();
        } else {
            prio = parts[0].trim();
        }
        Integer p = resolvePriority(context, exten, prio);
        if (p == null) {
            LOG.debug("{}: Goto {} has no destination", ch, target);
            return false;
        }
        ch.context = context;
        ch.exten = exten;
        ch.priority = p;
        return true;
    }

    /** A priority number, or a label of {@code context,exten}; {@code null} when neither. */
    Integer resolvePriority(String context, String exten, String prio) {
        if (prio.matches("\\d+")) {
            return Integer.parseInt(prio);
        }
        Dialplan.Extension ext = core.dialplan.find(context, exten);
        return ext == null ? null : ext.labels.get(prio);
    }

    private void userEvent(Chan ch, String data) {
        String[] parts = data.split(",");
        AmiMessage.Builder b = core.events.channel("UserEvent", Events.USER, ch).add("UserEvent", parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            if (colon > 0) {
                b.add(parts[i].substring(0, colon).trim(), parts[i].substring(colon + 1).trim());
            }
        }
        core.emit(b.build());
    }

    static Duration seconds(String data) {
        try {
            String s = data.split(",")[0].trim();
            return Duration.ofMillis(new BigDecimal(s.isEmpty() ? "0" : s).movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** {@code Wait()} argument for {@code d}: whole seconds, or decimals ({@code 1.5}). */
    static String secondsText(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
