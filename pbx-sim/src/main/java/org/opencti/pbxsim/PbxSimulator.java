package org.opencti.pbxsim;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A PBX for tests and the demo that behaves, on the wire, like Asterisk 22 running our
 * {@code extensions_cti.conf}: an AMI server (TCP, Asterisk's framing, events and responses) and a FastAGI
 * client (the IVR of {@code [cti-inbound]}). Calls are Local channel pairs as in the lab captures.
 *
 * <p>Threads: all call state lives on one core thread; every method here may be called from any thread
 * and waits for the core where it returns something. Hooks ({@link #onAgentAnswered}) run on the core
 * thread and must not block.
 */
public final class PbxSimulator implements AutoCloseable {

    /**
     * @param amiPort        0 picks a free port ({@link #amiPort()})
     * @param fastAgiHost    where the {@code [cti-inbound]} IVR connects; {@code null}: no IVR, inbound calls go
     *                       straight to {@code [cti-hold]}
     * @param clock          for Timestamp headers, Uniqueids, Uptime and the history
     * @param answerDelay    Answer() on a channel that was not up waits this long for media (Asterisk: ~500 ms)
     * @param promptDuration how long a played prompt (STREAM FILE, Playback, SAY ...) lasts
     * @param authFailureDelay a failed Login is answered after this (Asterisk: 1 s)
     * @param defaultOriginateTimeout Originate without Timeout waits this long for an answer (Asterisk: 30 s)
     * @param defaultQueue   CTI_QUEUE of inbound calls when there is no IVR
     * @param amdDelay       how long AMD() listens before its verdict (capture 06 H: about 2.6 s after the answer)
     */
    public record Settings(String amiHost, int amiPort, String amiUser, String amiSecret, String fastAgiHost,
                           int fastAgiPort, Clock clock, Duration answerDelay, Duration promptDuration,
                           Duration authFailureDelay, Duration defaultOriginateTimeout, String defaultQueue,
                           Duration amdDelay) {
        public Settings {
            Objects.requireNonNull(amiHost, "amiHost");
            Objects.requireNonNull(amiUser, "amiUser");
            Objects.requireNonNull(amiSecret, "amiSecret");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(answerDelay, "answerDelay");
            Objects.requireNonNull(promptDuration, "promptDuration");
            Objects.requireNonNull(authFailureDelay, "authFailureDelay");
            Objects.requireNonNull(defaultOriginateTimeout, "defaultOriginateTimeout");
            Objects.requireNonNull(defaultQueue, "defaultQueue");
            Objects.requireNonNull(amdDelay, "amdDelay");
            if (fastAgiHost != null && fastAgiHost.isBlank()) {
                fastAgiHost = null;
            }
        }

        /**
         * Asterisk's timings: Answer 500 ms, prompts 500 ms, failed login 1 s, Originate 30 s, AMD 2.6 s; queue
         * {@code support}.
         */
        public Settings(String amiHost, int amiPort, String amiUser, String amiSecret, String fastAgiHost, int fastAgiPort,
                        Clock clock) {
            this(amiHost, amiPort, amiUser, amiSecret, fastAgiHost, fastAgiPort, clock, Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30), "support", Duration.ofMillis(2600));
        }

        public Settings withAnswerDelay(Duration d) {
            return new Settings(amiHost, amiPort, amiUser, amiSecret, fastAgiHost, fastAgiPort, clock, d, promptDuration,
                authFailureDelay, defaultOriginateTimeout, defaultQueue, amdDelay);
        }

        public Settings withPromptDuration(Duration d) {
            return new Settings(amiHost, amiPort, amiUser, amiSecret, fastAgiHost, fastAgiPort, clock, answerDelay, d,
                authFailureDelay, defaultOriginateTimeout, defaultQueue, amdDelay);
        }

        public Settings withAuthFailureDelay(Duration d) {
            return new Settings(amiHost, amiPort, amiUser, amiSecret, fastAgiHost, fastAgiPort, clock, answerDelay,
                promptDuration, d, defaultOriginateTimeout, defaultQueue, amdDelay);
        }

        public Settings withDefaultOriginateTimeout(Duration d) {
            return new Settings(amiHost, amiPort, amiUser, amiSecret, fastAgiHost, fastAgiPort, clock, answerDelay,
                promptDuration, authFailureDelay, d, defaultQueue, amdDelay);
        }

        public Settings withDefaultQueue(String queue) {
            return new Settings(amiHost, amiPort, amiUser, amiSecret, fastAgiHost, fastAgiPort, clock, answerDelay,
                promptDuration, authFailureDelay, defaultOriginateTimeout, queue, amdDelay);
        }

        public Settings withAmdDelay(Duration d) {
            return new Settings(amiHost, amiPort, amiUser, amiSecret, fastAgiHost, fastAgiPort, clock, answerDelay,
                promptDuration, authFailureDelay, defaultOriginateTimeout, defaultQueue, d);
        }

        public Settings withFastAgi(String host, int port) {
            return new Settings(amiHost, amiPort, amiUser, amiSecret, host, port, clock, answerDelay, promptDuration,
                authFailureDelay, defaultOriginateTimeout, defaultQueue, amdDelay);
        }
    }

    private final Settings settings;
    private final DefaultEventLoopGroup coreGroup;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final PbxCore core;
    private final SimBackend backend;
    private final AmiServer ami = new AmiServer();
    private volatile int boundPort = -1;

    public PbxSimulator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.coreGroup = new DefaultEventLoopGroup(1, new DefaultThreadFactory("pbx-sim-core", true));
        this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory("pbx-sim-accept", true));
        this.workers = new NioEventLoopGroup(2, new DefaultThreadFactory("pbx-sim-io", true));
        this.core = new PbxCore(settings, coreGroup.next(), workers);
        this.backend = new SimBackend(core, this::restartOnCore);
    }

    /** Binds the AMI port; returns when it accepts connections. */
    public synchronized PbxSimulator start() {
        if (boundPort < 0) {
            boundPort = ami.start(settings.amiHost(), settings.amiPort(), boss, workers, backend);
        }
        return this;
    }

    /** The AMI port actually bound ({@code -1} before {@link #start()}). */
    public int amiPort() {
        return boundPort;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (boundPort >= 0) {
            ami.stop();
        }
        try {
            core.run(core::forgetEverything);
        } catch (RuntimeException e) {
            // the core may already be gone; nothing left to clean
        }
        coreGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    // ---- calls -------------------------------------------------------------------------------------

    /**
     * A customer calls {@code did}: the caller channel runs {@code [cti-inbound]} (Answer, then the FastAGI
     * IVR; if it cannot connect, the dialplan's fallback to {@code [cti-hold]}). Without a FastAGI host the
     * call goes straight to {@code [cti-hold]} with {@code CTI_QUEUE} = {@link Settings#defaultQueue()}.
     */
    public SimCall placeInboundCall(String callerNum, String callerName, String did) {
        return placeInboundCall(callerNum, callerName, did, settings.defaultQueue());
    }

    /** As {@link #placeInboundCall(String, String, String)}; {@code queue} is CTI_QUEUE when there is no IVR. */
    public SimCall placeInboundCall(String callerNum, String callerName, String did, String queue) {
        if (did == null || !Dialplan.matches("_X.", did)) {
            throw new IllegalArgumentException("DID must be digits (at least two), as [cti-inbound] matches _X.: " + did);
        }
        if (!core.call(core::hasIvr)) {
            return place(callerNum, callerName, did, "cti-hold", Map.of("CTI_QUEUE", queue));
        }
        return place(callerNum, callerName, did, "cti-inbound", Map.of());
    }

    /** A customer call that skips the IVR: {@code vars} are set (VarSet), then {@code [cti-hold]} (music on hold). */
    public SimCall placeCallToHold(String callerNum, String callerName, Map<String, String> vars) {
        String digits = callerNum == null ? "" : callerNum.replaceAll("[^0-9]", "");
        return place(callerNum, callerName, digits.length() >= 2 ? digits : "s", "cti-hold", vars);
    }

    private SimCall place(String callerNum, String callerName, String exten, String context, Map<String, String> vars) {
        OriginateJob job = new OriginateJob();
        job.dialString = "Local/" + exten + "@" + context;
        job.application = "Wait";
        job.data = "3600";
        job.cidNum = callerNum == null || callerNum.isBlank() ? Chan.UNKNOWN : callerNum;
        job.cidName = callerName == null || callerName.isBlank() ? Chan.UNKNOWN : callerName;
        job.callerIdGiven = true;
        job.silent = true;
        job.timeoutMs = settings.defaultOriginateTimeout().toMillis();
        new LinkedHashMap<>(vars).forEach((k, v) -> job.variables.add(Map.entry(k, v == null ? "" : v)));
        return core.call(() -> {
            core.originator.start(job);
            if (job.two == null) {
                throw new IllegalStateException("could not place the call to " + job.dialString);
            }
            core.record(SimRecord.Kind.CALL_PLACED, job.two.name, callerNum);
            return new SimCall(job.two.name, job.two.uniqueid, job.one.name, job.one.linkedid, callerNum, callerName, exten);
        });
    }

    /**
     * Send [cti-inbound]'s AGI() to this FastAGI server from now on, like editing CTI_AGI in the dialplan. For
     * a CTI server that binds its FastAGI port only after it learnt this PBX's AMI port.
     */
    public void routeIvrTo(String host, int port) {
        if (host == null || host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("FastAGI target must be a host and a port 1..65535: " + host + ":" + port);
        }
        core.run(() -> core.routeIvrTo(host + ":" + port));
    }

    /**
     * A caller who behaves on their own (see {@link ScriptedCaller}): dials {@code did} through the IVR, keys in
     * their digits, abandons after their patience unless bridged by then, and hangs up after the talk time.
     */
    public SimCall dial(ScriptedCaller caller) {
        SimCall call = placeInboundCall(caller.number(), caller.name(), caller.did());
        if (!caller.digits().isEmpty()) {
            press(call, caller.digits());
        }
        core.run(() -> {
            core.schedule(caller.patience(), () -> {
                Chan ch = core.find(call.channel());
                if (ch != null && ch.bridge == null) {
                    core.record(SimRecord.Kind.CALLER_GAVE_UP, call.channel(), caller.patience().toString());
                    hangup(call);
                }
            });
            core.recordHooks.add(new Consumer<>() {
                @Override
                public void accept(SimRecord r) {
                    if (r.kind() == SimRecord.Kind.BRIDGED && (call.channel().equals(r.subject()) || call.channel().equals(r.detail()))) {
                        core.recordHooks.remove(this);
                        core.schedule(caller.talkTime(), () -> hangup(call));
                    } else if (r.kind() == SimRecord.Kind.HUNG_UP && call.channel().equals(r.subject())) {
                        core.recordHooks.remove(this);
                    }
                }
            });
        });
        return call;
    }

    /** The caller presses keys: DTMFBegin/DTMFEnd on the caller channel, digits queued for the IVR. */
    public void press(SimCall call, String digits) {
        core.run(() -> {
            Chan ch = core.find(call.channel());
            if (ch == null) {
                throw new IllegalStateException("call is gone: " + call.channel());
            }
            core.record(SimRecord.Kind.KEYPAD, ch.name, digits);
            for (char d : digits.toCharArray()) {
                core.emit(core.events.dtmfBegin(ch, d, "Received"));
                core.emit(core.events.dtmfEnd(ch, d, 120, "Received"));
                core.keypad(ch, d);
            }
        });
    }

    /** The caller hangs up (the customer's phone half, cause 16); the caller channel follows. */
    public void hangup(SimCall call) {
        core.run(() -> {
            Chan phone = core.find(call.phoneChannel());
            Chan caller = core.find(call.channel());
            if (phone != null) {
                core.calls.hangup(phone, 16);
            } else if (caller != null) {
                core.calls.hangup(caller, 16);
            }
        });
    }

    /** The agent at {@code ext} hangs up (rejects, cause 21, when still ringing); no-op when that phone has no call. */
    public void agentHangsUp(String ext) {
        core.run(() -> {
            for (Chan ch : List.copyOf(core.channels.values())) {
                if (ext.equals(ch.phoneExt) && !ch.dying) {
                    core.calls.hangup(ch, CallControl.pendingJob(ch) != null ? 21 : 16);
                }
            }
        });
    }

    /**
     * The behaviour of the phone at {@code ext} (created with the default: answers at once). For a customer's number
     * ({@code Local/<number>@cti-outbound}) asking for it makes it explicit: it wins over the {@link #outboundPopulation}.
     */
    public PhoneBehaviour phone(String ext) {
        return core.phone(Objects.requireNonNull(ext, "ext"));
    }

    /**
     * Who answers numbers dialled out through {@code [cti-outbound]} that have no explicit {@link #phone} behaviour;
     * {@code null}: a person who answers at once. Applies to calls that start from now on.
     */
    public void outboundPopulation(OutboundPopulation population) {
        core.customers.population(population);
    }

    public OutboundPopulation outboundPopulation() {
        return core.customers.population();
    }

    /** The customer on a call with {@code number} (dialled out through {@code [cti-outbound]}) hangs up, cause 16. */
    public void customerHangsUp(String number) {
        Objects.requireNonNull(number, "number");
        core.run(() -> core.customers.hangUp(number));
    }

    // ---- observation -------------------------------------------------------------------------------

    /** Live channels, in creation order. */
    public List<SimChannel> channels() {
        return core.call(() -> {
            List<SimChannel> out = new ArrayList<>();
            core.channels.values().forEach(c -> out.add(c.snapshot()));
            return List.copyOf(out);
        });
    }

    public Optional<SimChannel> channel(String name) {
        return core.call(() -> Optional.ofNullable(core.find(name)).map(c -> c.snapshot()));
    }

    /** Whether the caller channel of {@code call} is in a bridge with another channel. */
    public boolean isBridged(SimCall call) {
        return core.call(() -> {
            Chan ch = core.find(call.channel());
            return ch != null && ch.bridge != null && ch.bridge.members.size() >= 2;
        });
    }

    /** The ChanSpy sessions attached now (supervisors listening, whispering or barging), in channel order. */
    public List<SimSpy> spies() {
        return core.call(() -> core.channels.values().stream().filter(c -> c.spying != null && !c.dying)
            .map(c -> new SimSpy(c.name, c.spying.name, c.spyOptions)).toList());
    }

    /** What happened so far, oldest first. */
    public List<SimRecord> history() {
        return List.copyOf(core.history);
    }

    /** Called (on the core thread) with the extension each time a simulated phone answers. */
    public void onAgentAnswered(Consumer<String> hook) {
        core.answeredHooks.add(Objects.requireNonNull(hook, "hook"));
    }

    /** Names of every AMI action received so far (Asterisk's spelling for known ones). */
    public Set<String> receivedActions() {
        return new TreeSet<>(backend.counts().keySet());
    }

    public int actionCount(String action) {
        return backend.count(action);
    }

    public Map<String, Integer> actionCounts() {
        return backend.counts();
    }

    /** Logged-in AMI sessions. */
    public int amiSessions() {
        return core.sessions.size();
    }

    // ---- faults ------------------------------------------------------------------------------------

    /** Cuts every AMI connection abruptly (RST); calls go on. */
    public void dropAmiConnections() {
        core.run(() -> {
            core.record(SimRecord.Kind.AMI_DROPPED, "ami", Integer.toString(ami.clientCount()));
            core.sessions.clear();
            ami.dropAll();
        });
    }

    /**
     * {@code core restart now}: {@code Shutdown} ({@code Restart: True}) to connected clients, connections
     * closed, every channel forgotten without Hangup events, Uptime from 0; new connections are accepted.
     */
    public void restart() {
        core.run(this::restartOnCore);
    }

    private void restartOnCore() {
        AmiMessage shutdown = core.events.shutdown();
        core.sessions.forEach(s -> s.sendEvent(shutdown));
        core.sessions.clear();
        ami.closeAll();
        core.forgetEverything();
        core.record(SimRecord.Kind.RESTARTED, "pbx", null);
    }

    /** Holds events back (they queue up) until {@link #resumeEvents()}. */
    public void pauseEvents() {
        core.run(() -> core.pause(true));
    }

    public void resumeEvents() {
        core.run(() -> core.pause(false));
    }
}
