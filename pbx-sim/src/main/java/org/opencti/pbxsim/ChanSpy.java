package org.opencti.pbxsim;

import java.time.Duration;
import java.util.List;

/**
 * The {@code ChanSpy} application on a channel originated with {@code Application: ChanSpy}, {@code Data:
 * <channel>,<options>}, as capture 05 shows it: about 100 ms after the OriginateResponse {@code ChanSpyStart}
 * (Spyer = the supervisor's {@code ;1}, Spyee = the spied-on channel), followed by the {@code BRIDGEPEER} VarSets
 * of the spied-on bridge; when the supervisor hangs up, {@code ChanSpyStop} (with the mode's VarSets around it)
 * before the supervisor's hangup events. Option {@code E}: when the spied-on channel hangs up, the spy stops and
 * the supervisor's channel ends (not captured: the ChanSpyStop, then the usual hangup, cause 16). A target that
 * does not exist is waited for, as ChanSpy scans, until the supervisor hangs up. Core thread only.
 */
final class ChanSpy {
    static final String APPLICATION = "ChanSpy";
    /** ChanSpyStart came 100-101 ms after the OriginateResponse in all three runs of capture 05. */
    static final Duration ATTACH_DELAY = Duration.ofMillis(100);

    private final PbxCore core;

    ChanSpy(PbxCore core) {
        this.core = core;
    }

    static boolean isChanSpy(String application) {
        return APPLICATION.equalsIgnoreCase(application);
    }

    /** The supervisor's channel answered: ChanSpy starts on it and attaches to its target shortly. */
    void start(Chan spyer, String data) {
        String d = data == null ? "" : data;
        int comma = d.indexOf(',');
        spyer.spyTarget = (comma < 0 ? d : d.substring(0, comma)).trim();
        spyer.spyOptions = comma < 0 ? "" : d.substring(comma + 1).trim();
        long token = spyer.runToken;
        spyer.timer = core.schedule(ATTACH_DELAY, () -> attach(spyer, token));
    }

    private void attach(Chan spyer, long token) {
        if (spyer.dying || spyer.runToken != token) {
            return;
        }
        spyer.timer = null;
        Chan spyee = core.find(spyer.spyTarget);
        if (spyee == null || spyee.dying || spyee == spyer) {
            core.record(SimRecord.Kind.SPY_WAITING, spyer.name, spyer.spyTarget);
            return;
        }
        spyer.spying = spyee;
        core.emit(core.events.chanSpy("ChanSpyStart", spyer, spyee));
        bridgePeers(spyee);
        core.record(SimRecord.Kind.SPY_STARTED, spyer.name, spyee.name + "," + spyer.spyOptions);
    }

    /**
     * {@code ch} is about to hang up: if it spies, the spy stops first (ChanSpyStop before its Hangup); if it is
     * spied on, every spy on it stops and, with option {@code E}, its supervisor's channel ends after it.
     */
    void channelEnding(Chan ch) {
        if (ch.spying != null) {
            stop(ch);
        }
        for (Chan spyer : List.copyOf(core.channels.values())) {
            if (spyer.spying == ch && !spyer.dying) {
                stop(spyer);
                if (spyer.spyOptions.contains("E")) {
                    core.later(() -> core.calls.terminate(spyer, 16, true));
                }
            }
        }
    }

    private void stop(Chan spyer) {
        Chan spyee = spyer.spying;
        spyer.spying = null;
        String options = spyer.spyOptions;
        // The spied-on bridge re-evaluates when the spy's audiohook goes: listen after ChanSpyStop, whisper around it,
        // barge twice before it (capture 05).
        if (options.contains("B")) {
            bridgePeers(spyee);
            bridgePeers(spyee);
        } else if (options.contains("w")) {
            bridgePeers(spyee);
        }
        core.emit(core.events.chanSpy("ChanSpyStop", spyer, spyee));
        if (!options.contains("B")) {
            bridgePeers(spyee);
        }
        core.record(SimRecord.Kind.SPY_STOPPED, spyer.name, spyee.name);
    }

    /** The two members of the spied-on channel's bridge set BRIDGEPEER again (same values), in bridge order. */
    private void bridgePeers(Chan spyee) {
        BridgeState bridge = spyee.bridge;
        if (spyee.dying || bridge == null || bridge.members.size() != 2) {
            return;
        }
        Chan a = bridge.members.get(0);
        Chan b = bridge.members.get(1);
        core.emit(core.events.varSet(a, "BRIDGEPEER", b.name));
        core.emit(core.events.varSet(b, "BRIDGEPEER", a.name));
    }
}
