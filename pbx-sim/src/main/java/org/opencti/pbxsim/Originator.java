package org.opencti.pbxsim;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Originate: the Local channel pair (or a single phone channel for PJSIP/SIP/... dial strings), the event
 * burst of capture 02/06, the simulated phones, and the outcome (OriginateResponse Reason 4, 5, 3, 0).
 * Core thread only.
 */
final class Originator {
    private static final Set<String> PHONE_TECHS = Set.of("PJSIP", "SIP", "IAX2", "DAHDI", "SKINNY", "UNISTIM", "MOTIF");

    private final PbxCore core;

    Originator(PbxCore core) {
        this.core = core;
    }

    /** Starts {@code job}; the outcome is reported by {@link #answered} or {@link #failed}. */
    void start(OriginateJob job) {
        int slash = job.dialString.indexOf('/');
        String tech = slash <= 0 ? "" : job.dialString.substring(0, slash);
        String resource = slash <= 0 ? "" : job.dialString.substring(slash + 1);
        if ("Local".equalsIgnoreCase(tech) && !resource.isEmpty()) {
            startLocal(job, resource);
        } else if (PHONE_TECHS.contains(tech.toUpperCase(Locale.ROOT)) && !resource.isEmpty()) {
            startPhone(job, tech, resource);
        } else {
            failed(job, 0);
        }
    }

    private void startLocal(OriginateJob job, String resource) {
        String res = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        int at = res.indexOf('@');
        String exten = at < 0 ? res : res.substring(0, at);
        String context = at < 0 ? "default" : res.substring(at + 1);
        boolean dialplan = core.dialplan.hasContext(context);
        if (exten.isEmpty()) {
            failed(job, 0);
            return;
        }
        boolean noSuchExten = dialplan && core.dialplan.find(context, exten) == null;
        if (noSuchExten && job.onDone != null) {
            // Capture 06 F4: a synchronous Originate's Error comes before the events of the short-lived pair.
            failed(job, 0);
        }
        String base = "Local/" + exten + "@" + context + "-" + core.nextLocalSuffix();
        String device = "Local/" + exten + "@" + context;
        Chan one = core.newChannel(base + ";1", job.channelId, null, device, ChannelState.DOWN, context, exten);
        Chan two = core.newChannel(base + ";2", job.otherChannelId, one.linkedid, device, ChannelState.RING, context, exten);
        one.one = true;
        one.peer = two;
        two.peer = one;
        one.job = job;
        job.one = one;
        job.two = two;
        one.application = "AppDial2";
        one.appData = "(Outgoing Line)";
        core.emit(core.events.newexten(one, "AppDial2", "(Outgoing Line)"));
        for (int i = job.variables.size() - 1; i >= 0; i--) {
            core.setVar(one, job.variables.get(i).getKey(), job.variables.get(i).getValue());
        }
        if (job.callerIdGiven) {
            callerId(one, job);
        }
        for (Map.Entry<String, String> v : job.variables) {
            core.setVar(two, v.getKey(), v.getValue());
        }
        if (job.callerIdGiven) {
            callerId(two, job);
        }
        if (noSuchExten) {
            noSuchExtension(job, one, two);
            return;
        }
        core.emit(core.events.localBridge(one, two, context, exten));
        core.emit(core.events.dialBegin(one, exten + "@" + context));
        armTimeout(job);
        if (Customers.isTrunk(context)) {
            core.customers.attach(two, exten, context);
        } else if (!dialplan) {
            two.phoneExt = exten;
            two.phoneContext = context;
            two.phoneProgram = PhonePrograms.agent(core.phone(exten).reaction(), context);
        }
        core.runner.startLater(two);
    }

    /**
     * Capture 06 F1: the extension does not exist in the context. The pair is made, then both halves hang up with cause 0
     * (no LocalBridge, no Dial events, no HangupRequest), the Originate fails with Reason 0, and the device is INVALID.
     */
    private void noSuchExtension(OriginateJob job, Chan one, Chan two) {
        for (Chan ch : List.of(two, one)) {
            ch.dying = true;
            core.emit(core.events.hangup(ch, 0));
            core.remove(ch);
            core.record(SimRecord.Kind.HUNG_UP, ch.name, "0");
        }
        if (!job.done) {
            failed(job, 0);
        }
        core.emit(core.events.deviceState(one.device, "INVALID"));
        core.emit(core.events.deviceState(two.device, "INVALID"));
    }

    private void startPhone(OriginateJob job, String tech, String resource) {
        String ext = resource.split("[/@]", 2)[0];
        String name = tech + "/" + ext + "-" + core.nextTechSuffix(tech);
        Chan ch = core.newChannel(name, job.channelId, null, tech + "/" + ext, ChannelState.DOWN,
            job.context != null ? job.context : "default", job.context != null ? job.exten : "s");
        ch.job = job;
        ch.phoneExt = ext;
        job.one = ch;
        for (int i = job.variables.size() - 1; i >= 0; i--) {
            core.setVar(ch, job.variables.get(i).getKey(), job.variables.get(i).getValue());
        }
        if (job.callerIdGiven) {
            callerId(ch, job);
        }
        core.emit(core.events.dialBegin(ch, resource));
        armTimeout(job);
        PhoneBehaviour phone = core.phone(ext);
        switch (phone.mode()) {
            case ANSWER -> {
                if (phone.answerDelay().isZero()) {
                    core.later(() -> answerPhone(ch));
                } else {
                    ringPhone(ch);
                    ch.timer = core.schedule(phone.answerDelay(), () -> answerPhone(ch));
                }
            }
            case BUSY -> core.later(() -> busy(ch, 17));
            case CONGESTION -> core.later(() -> busy(ch, 34));
            case REJECT, INVALID -> {
                int cause = phone.mode() == PhoneBehaviour.Mode.REJECT ? 21 : 1;
                core.later(() -> core.calls.terminate(ch, cause, false));
            }
            case ON_RELEASE -> {
                ringPhone(ch);
                ch.awaitingRelease = true;
                ringingUntilRelease(ch);
            }
            default -> ringPhone(ch);
        }
    }

    private void callerId(Chan ch, OriginateJob job) {
        ch.cidNum = job.cidNum;
        ch.cidName = job.cidName;
        if (ch.one || ch.peer == null) {
            core.emit(core.events.newCallerid(ch));
            ch.connNum = job.cidNum;
            ch.connName = job.cidName;
        } else {
            ch.connNum = job.cidNum;
            ch.connName = job.cidName;
            core.emit(core.events.newCallerid(ch));
        }
        core.emit(core.events.newConnectedLine(ch));
    }

    private void armTimeout(OriginateJob job) {
        core.record(SimRecord.Kind.ORIGINATED, job.one.name, job.dialString);
        core.processedCalls++;
        job.timer = core.schedule(Duration.ofMillis(job.timeoutMs), () -> timeout(job));
    }

    // ---- phone reactions -------------------------------------------------------------------------

    /** {@code Ringing()} on a phone half: the originated {@code ;1} rings. */
    void ringing(Chan ch) {
        OriginateJob job = CallControl.pendingJob(ch);
        if (job == null) {
            return;
        }
        if (job.one.state != ChannelState.RINGING) {
            Chan one = job.one;
            core.setState(one, ChannelState.RINGING);
            // Asterisk's dialling side sees the ringing a moment later: DialState follows the phone's next Newexten
            // (capture 06 A and C: Ringing, Newstate Ringing, Newexten Wait, DialState).
            core.later(() -> {
                if (!one.dying && one.state == ChannelState.RINGING) {
                    core.emit(core.events.dialState(one, "RINGING"));
                }
            });
        }
        if (ch.phoneExt != null) {
            core.record(SimRecord.Kind.AGENT_RINGING, ch.phoneExt, ch.name);
        }
    }

    private void ringPhone(Chan ch) {
        core.setState(ch, ChannelState.RINGING);
        core.emit(core.events.dialState(ch, "RINGING"));
        core.record(SimRecord.Kind.AGENT_RINGING, ch.phoneExt, ch.name);
    }

    private void answerPhone(Chan ch) {
        if (!ch.dying && CallControl.pendingJob(ch) != null) {
            ch.awaitingRelease = false;
            core.calls.answer(ch);
        }
    }

    /** A phone in "ring until released" mode starts waiting; a release that came early answers it now. */
    void ringingUntilRelease(Chan ch) {
        String key = releaseKey(ch);
        Integer early = key == null ? null : core.pendingReleases.get(key);
        if (early != null && early > 0) {
            core.pendingReleases.put(key, early - 1);
            core.later(() -> releaseOne(ch));
        }
    }

    /** {@link PhoneBehaviour#release()}: answers every phone of {@code ext} waiting for it. */
    void release(String ext) {
        boolean any = false;
        for (Chan ch : List.copyOf(core.channels.values())) {
            if (ext.equals(releaseKey(ch)) && ch.awaitingRelease) {
                any = true;
                releaseOne(ch);
            }
        }
        if (!any) {
            core.pendingReleases.merge(ext, 1, Integer::sum);
        }
    }

    /** What {@link PhoneBehaviour#release()} names: an agent's extension, or a customer's number as dialled. */
    private static String releaseKey(Chan ch) {
        return ch.phoneExt != null ? ch.phoneExt : ch.number;
    }

    private void releaseOne(Chan ch) {
        if (ch.dying || !ch.awaitingRelease) {
            return;
        }
        if (ch.phoneProgram != null) {
            core.runner.released(ch);
        } else {
            answerPhone(ch);
        }
    }

    /**
     * {@code Busy()} (cause 17) or {@code Congestion()} (34) on the called side. Both put it in state Busy; the rest
     * comes in the orders of capture 06: busy (B) hangs up the called half, answers the Originate, then hangs up the
     * originated half; congestion (D) hangs up the originated half and answers the Originate first.
     */
    void busy(Chan ch, int cause) {
        if (ch.dying) {
            return;
        }
        OriginateJob job = CallControl.pendingJob(ch);
        core.setState(ch, ChannelState.BUSY);
        if (job != null) {
            job.done = true;
            cancel(job);
            core.emit(core.events.dialEnd(job.one, cause == 17 ? "BUSY" : "CONGESTION"));
        }
        core.emit(core.events.hangupRequest(ch, 0));
        if (cause != 17 && job != null) {
            if (job.one != ch) {
                core.calls.terminate(job.one, 0, false);
            }
            respond(job, false, reasonFor(cause));
        }
        if (ch.dialplan) {
            core.emit(core.events.softHangupRequest(ch, 16));
        }
        core.calls.terminate(ch, cause, false);
        if (ch.phoneExt != null) {
            core.record(SimRecord.Kind.AGENT_BUSY, ch.phoneExt, ch.name);
        }
        if (cause == 17 && job != null) {
            respond(job, false, reasonFor(cause));
            if (job.one != ch) {
                core.calls.terminate(job.one, 0, false);
            }
        }
    }

    /**
     * The called half of a Local pair hung up before answering (Hangup(21) rejects, Hangup(1) is a number that does not
     * exist, or it was hung up): capture 06 E. The originated half is asked to hang up with that cause, the dial ends
     * NOANSWER, the Originate fails (Reason 0 for 21 and 1), and the originated half goes before the called one.
     */
    void calledSideGone(OriginateJob job, int cause) {
        job.done = true;
        cancel(job);
        Chan one = job.one;
        core.emit(core.events.hangupRequest(one, cause));
        core.emit(core.events.dialEnd(one, "NOANSWER"));
        respond(job, false, reasonFor(cause));
        core.calls.terminate(one, cause, false);
    }

    private void timeout(OriginateJob job) {
        if (job.done) {
            return;
        }
        job.done = true;
        Chan one = job.one;
        Chan two = job.two;
        if (two != null && !two.dying) {
            core.emit(core.events.hangupRequest(two, 19));
        }
        respond(job, false, 3);
        String ext = two != null ? two.phoneExt : one.phoneExt;
        if (ext != null) {
            core.record(SimRecord.Kind.AGENT_NO_ANSWER, ext, one.name);
        }
        if (two != null && !two.dying) {
            if (two.dialplan && !two.application.isEmpty()) {
                core.runner.interrupt(two);
                core.emit(core.events.softHangupRequest(two, 16));
            }
            core.calls.terminate(two, 19, false);
        }
        core.calls.terminate(one, 19, false);
    }

    // ---- outcome ---------------------------------------------------------------------------------

    /** The called side answered: {@code ;1} goes Up, DialEnd, OriginateResponse, then {@code ;1} runs its target. */
    void answered(OriginateJob job) {
        if (job.done) {
            return;
        }
        job.done = true;
        cancel(job);
        Chan one = job.one;
        Chan two = job.two;
        core.setState(one, ChannelState.UP);
        core.emit(core.events.dialEnd(one, "ANSWER"));
        respond(job, true, 4);
        one.job = null;
        String ext = two != null ? two.phoneExt : one.phoneExt;
        if (ext != null) {
            core.agentAnswered(ext);
        }
        if (two != null && two.called != null) {
            core.record(SimRecord.Kind.CUSTOMER_ANSWERED, two.number, two.called.answerer().name());
        }
        if (job.context != null) {
            one.context = job.context;
            one.exten = job.exten;
            Integer p = core.runner.resolvePriority(job.context, job.exten, job.priority);
            one.priority = p == null ? 1 : p;
            one.application = "";
            one.appData = "";
            core.runner.startNow(one);
        } else {
            one.dialplan = false;
            one.application = job.application;
            one.appData = job.data;
            if (ChanSpy.isChanSpy(job.application)) {
                core.spy.start(one, job.data);
            }
        }
        core.emit(core.events.deviceState(one.device, "INUSE"));
        if (two != null) {
            core.emit(core.events.deviceState(two.device, "INUSE"));
        }
    }

    /** The Originate failed before any answer. */
    void failed(OriginateJob job, int reason) {
        job.done = true;
        cancel(job);
        respond(job, false, reason);
    }

    private void cancel(OriginateJob job) {
        if (job.timer != null) {
            job.timer.cancel(false);
            job.timer = null;
        }
    }

    private void respond(OriginateJob job, boolean success, int reason) {
        if (!success) {
            core.record(SimRecord.Kind.ORIGINATE_FAILED, job.dialString, "reason " + reason);
        }
        if (job.onDone != null) {
            job.onDone.accept(success);
        }
        if (job.silent || job.onDone != null) {
            return;
        }
        core.emit(core.events.originateResponse(job, success, reason));
    }

    /** OriginateResponse Reason for the Q.850 cause that ended an unanswered call. */
    static int reasonFor(int cause) {
        return switch (cause) {
            case 17 -> 5;
            case 19 -> 3;
            case 34 -> 8;
            default -> 0;
        };
    }
}
