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
        if (exten.isEmpty() || (dialplan && core.dialplan.find(context, exten) == null)) {
            failed(job, 0);
            return;
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
        core.emit(core.events.localBridge(one, two, context, exten));
        core.emit(core.events.dialBegin(one, exten + "@" + context));
        armTimeout(job);
        if (!dialplan) {
            two.phoneExt = exten;
            two.phoneContext = context;
            two.phoneProgram = core.phone(exten).program(context);
        }
        core.runner.startLater(two);
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
            core.setState(job.one, ChannelState.RINGING);
            core.emit(core.events.dialState(job.one, "RINGING"));
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
        Integer early = core.pendingReleases.get(ch.phoneExt);
        if (early != null && early > 0) {
            core.pendingReleases.put(ch.phoneExt, early - 1);
            core.later(() -> releaseOne(ch));
        }
    }

    /** {@link PhoneBehaviour#release()}: answers every phone of {@code ext} waiting for it. */
    void release(String ext) {
        boolean any = false;
        for (Chan ch : List.copyOf(core.channels.values())) {
            if (ext.equals(ch.phoneExt) && ch.awaitingRelease) {
                any = true;
                releaseOne(ch);
            }
        }
        if (!any) {
            core.pendingReleases.merge(ext, 1, Integer::sum);
        }
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

    /** {@code Busy()} (cause 17) or {@code Congestion()} (34) on the called side. */
    void busy(Chan ch, int cause) {
        if (ch.dying) {
            return;
        }
        OriginateJob job = CallControl.pendingJob(ch);
        if (cause == 17) {
            core.setState(ch, ChannelState.BUSY);
        }
        if (job != null) {
            job.done = true;
            cancel(job);
            core.emit(core.events.dialEnd(job.one, cause == 17 ? "BUSY" : "CONGESTION"));
        }
        core.emit(core.events.hangupRequest(ch, 0));
        if (ch.dialplan) {
            core.emit(core.events.softHangupRequest(ch, 16));
        }
        core.calls.terminate(ch, cause, false);
        if (ch.phoneExt != null) {
            core.record(SimRecord.Kind.AGENT_BUSY, ch.phoneExt, ch.name);
        }
        if (job != null) {
            respond(job, false, reasonFor(cause));
            if (job.one != ch) {
                core.calls.terminate(job.one, 0, false);
            }
        }
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
