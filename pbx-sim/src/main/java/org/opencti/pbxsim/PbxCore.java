package org.opencti.pbxsim;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's state: channels, bridges, counters, global variables, the AMI sessions that receive
 * events, and the observation log. Everything mutable here belongs to ONE thread, {@link #loop}; other
 * threads go through {@link #later}, {@link #schedule} or {@link #call}.
 */
final class PbxCore {
    private static final Logger LOG = LoggerFactory.getLogger(PbxCore.class);

    final PbxSimulator.Settings settings;
    final Clock clock;
    final EventLoop loop;
    final EventLoopGroup io;
    final Events events;
    final Dialplan dialplan;
    final DialplanRunner runner;
    final CallControl calls;
    final Originator originator;
    final ChanSpy spy;
    final Customers customers;

    final Map<String, String> globals = new LinkedHashMap<>();
    final Map<String, Chan> channels = new LinkedHashMap<>();
    final Map<String, BridgeState> bridges = new LinkedHashMap<>();
    final Map<String, PhoneBehaviour> phones = new ConcurrentHashMap<>();
    final Map<String, Integer> pendingReleases = new HashMap<>();
    final Set<AmiSession> sessions = new CopyOnWriteArraySet<>();
    final List<SimRecord> history = new CopyOnWriteArrayList<>();
    final List<Consumer<String>> answeredHooks = new CopyOnWriteArrayList<>();
    final List<Consumer<SimRecord>> recordHooks = new CopyOnWriteArrayList<>();
    private final List<AmiMessage> held = new ArrayList<>();
    private final Map<String, Integer> techCounters = new HashMap<>();
    private boolean paused;
    private long uniqueSeq;
    private long localSeq;
    /** host:port of the FastAGI IVR, null without one. Core thread only. */
    private String ivrTarget;
    long processedCalls;
    volatile Instant bootedAt;

    PbxCore(PbxSimulator.Settings settings, EventLoop loop, EventLoopGroup io) {
        this.settings = settings;
        this.clock = settings.clock();
        this.loop = loop;
        this.io = io;
        this.events = new Events(clock);
        this.dialplan = Dialplan.shipped();
        this.runner = new DialplanRunner(this);
        this.calls = new CallControl(this);
        this.originator = new Originator(this);
        this.spy = new ChanSpy(this);
        this.customers = new Customers(this);
        this.bootedAt = clock.instant();
        this.ivrTarget = settings.fastAgiHost() == null ? null : settings.fastAgiHost() + ":" + settings.fastAgiPort();
        resetGlobals();
    }

    private void resetGlobals() {
        globals.clear();
        globals.putAll(dialplan.globals());
        if (ivrTarget == null) {
            globals.remove("CTI_AGI");
        } else {
            globals.put("CTI_AGI", "agi://" + ivrTarget + "/ivr");
        }
    }

    /** Where [cti-inbound]'s AGI() connects from now on ({@code host:port}); kept across restarts, like the dialplan. */
    void routeIvrTo(String hostAndPort) {
        ivrTarget = hostAndPort;
        resetGlobals();
    }

    boolean hasIvr() {
        return ivrTarget != null;
    }

    // ---- threading -------------------------------------------------------------------------------

    void later(Runnable task) {
        loop.execute(guard(task));
    }

    ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return loop.schedule(guard(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the core thread and returns its result (directly when already there). */
    <T> T call(Callable<T> task) {
        if (loop.inEventLoop()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("simulator core did not answer in 10 s", e);
        }
    }

    void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    private Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("simulator task failed", e);
            }
        };
    }

    // ---- events ----------------------------------------------------------------------------------

    void emit(AmiMessage event) {
        if (paused) {
            held.add(event);
            return;
        }
        for (AmiSession s : sessions) {
            s.sendEvent(event);
        }
    }

    void pause(boolean pause) {
        paused = pause;
        if (!pause) {
            List<AmiMessage> out = new ArrayList<>(held);
            held.clear();
            out.forEach(this::emit);
        }
    }

    void record(SimRecord.Kind kind, String subject, String detail) {
        SimRecord r = new SimRecord(clock.instant(), kind, subject, detail == null ? "" : detail);
        history.add(r);
        for (Consumer<SimRecord> hook : recordHooks) {
            hook.accept(r);
        }
    }

    // ---- channels --------------------------------------------------------------------------------

    String nextUniqueid() {
        return clock.instant().getEpochSecond() + "." + uniqueSeq++;
    }

    String nextLocalSuffix() {
        return String.format("%08x", localSeq++);
    }

    String nextTechSuffix(String tech) {
        int n = techCounters.merge(tech, 1, Integer::sum) - 1;
        return String.format("%08x", n);
    }

    /** Creates and registers a channel, then emits its Newchannel. */
    Chan newChannel(String name, String uniqueid, String linkedid, String device, ChannelState state, String context,
                    String exten) {
        Chan ch = new Chan(name, uniqueid == null ? nextUniqueid() : uniqueid, clock.instant(), device, state);
        if (linkedid != null) {
            ch.linkedid = linkedid;
        }
        ch.context = context;
        ch.exten = exten;
        channels.put(name, ch);
        emit(events.newchannel(ch));
        return ch;
    }

    Chan find(String name) {
        return name == null ? null : channels.get(name.trim());
    }

    void remove(Chan ch) {
        channels.remove(ch.name, ch);
    }

    void setState(Chan ch, ChannelState state) {
        if (ch.state != state) {
            ch.state = state;
            emit(events.newstate(ch));
        }
    }

    /** Sets a channel variable like Set() does: a VarSet event; CALLERID() gives NewCallerid instead. */
    void setVar(Chan ch, String name, String value) {
        String v = value == null ? "" : value;
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CALLERID(")) {
            String what = upper.substring(9, upper.length() - 1);
            if ("NAME".equals(what)) {
                ch.cidName = v;
            } else if ("NUM".equals(what) || "NUMBER".equals(what)) {
                ch.cidNum = v;
            } else {
                return;
            }
            emit(events.newCallerid(ch));
            return;
        }
        if (name.contains("(")) {
            ch.vars.put(name, v);
            return;
        }
        ch.vars.put(name, v);
        emit(events.varSet(ch, name, v));
    }

    void setGlobal(String name, String value) {
        globals.put(name, value == null ? "" : value);
        emit(events.globalVarSet(name, value == null ? "" : value));
    }

    /** A variable or function as the dialplan sees it on {@code ch} (null channel: globals only). */
    String getVar(Chan ch, String name) {
        if (ch != null) {
            String value = switch (name.toUpperCase(Locale.ROOT)) {
                case "CHANNEL" -> ch.name;
                case "EXTEN" -> ch.exten;
                case "CONTEXT" -> ch.context;
                case "PRIORITY" -> Integer.toString(ch.priority);
                case "UNIQUEID" -> ch.uniqueid;
                case "CALLERID(NUM)", "CALLERID(NUMBER)" -> Chan.UNKNOWN.equals(ch.cidNum) ? "" : ch.cidNum;
                case "CALLERID(NAME)" -> Chan.UNKNOWN.equals(ch.cidName) ? "" : ch.cidName;
                case "CALLERID(ALL)" -> ch.callerIdAll();
                case "CHANNEL(STATE)" -> ch.state.desc();
                case "CHANNEL(LINKEDID)" -> ch.linkedid;
                default -> ch.vars.get(name);
            };
            if (value != null) {
                return value;
            }
        }
        return globals.get(name);
    }

    String expand(Chan ch, String template) {
        return Dialplan.expand(template, n -> getVar(ch, n));
    }

    /** A keypad digit reaches {@code ch}: queued for GET DATA / WAIT FOR DIGIT / STREAM FILE escape digits. */
    void keypad(Chan ch, char digit) {
        ch.keypad.add(digit);
        if (ch.agi != null) {
            ch.agi.digitArrived();
        }
    }

    // ---- phones ----------------------------------------------------------------------------------

    PhoneBehaviour phone(String ext) {
        return phones.computeIfAbsent(ext, e -> new PhoneBehaviour(e, x -> later(() -> originator.release(x))));
    }

    void agentAnswered(String ext) {
        record(SimRecord.Kind.AGENT_ANSWERED, ext, null);
        for (Consumer<String> hook : answeredHooks) {
            try {
                hook.accept(ext);
            } catch (RuntimeException e) {
                LOG.warn("onAgentAnswered hook failed", e);
            }
        }
    }

    // ---- restart ---------------------------------------------------------------------------------

    /** Forgets every channel and bridge without events, resets counters and the boot instant. */
    void forgetEverything() {
        for (Chan ch : List.copyOf(channels.values())) {
            ch.dying = true;
            ch.runToken++;
            if (ch.timer != null) {
                ch.timer.cancel(false);
            }
            if (ch.talkTimer != null) {
                ch.talkTimer.cancel(false);
            }
            if (ch.job != null && ch.job.timer != null) {
                ch.job.timer.cancel(false);
            }
            if (ch.agi != null) {
                ch.agi.detach();
                ch.agi = null;
            }
        }
        channels.clear();
        bridges.clear();
        pendingReleases.clear();
        techCounters.clear();
        held.clear();
        uniqueSeq = 0;
        localSeq = 0;
        processedCalls = 0;
        resetGlobals();
        bootedAt = clock.instant();
    }

    long uptimeSeconds() {
        return Math.max(0, Duration.between(bootedAt, clock.instant()).getSeconds());
    }
}
