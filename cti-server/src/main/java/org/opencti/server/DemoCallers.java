package org.opencti.server;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.opencti.pbxsim.PbxSimulator;
import org.opencti.pbxsim.ScriptedCaller;
import org.opencti.pbxsim.SimCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated customers for the demo: one dials in every few seconds (known customers, a stranger, a withheld
 * number), picks a menu option, waits with limited patience, talks for a while once bridged, and hangs up. Agents' phones ring for a second
 * or two before answering, so the pop visibly comes first.
 */
final class DemoCallers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCallers.class);
    /** Sample customers' numbers as caller ID shows them (national format), a stranger, and a withheld number. */
    private static final List<String[]> CALLERS = List.of(
        new String[] {"2025550143", "MORENO ALICE"}, new String[] {"3125550122", "CHEN DAVID"},
        new String[] {"4155550199", "RAMAN PRIYA"}, new String[] {"4045550100", "WIRELESS CALLER"},
        new String[] {"6175550134", "OCONNOR GRACE"}, new String[] {"5125550175", "KIM HANNAH"},
        new String[] {"", ""}, new String[] {"7135550161", "JOHNSON MARCUS"});
    private static final int MAX_LIVE_CALLS = 3;
    private static final String DID = "5551000";

    private final PbxSimulator pbx;
    private final int everySeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-callers");
        t.setDaemon(true);
        return t;
    });
    private final Set<SimCall> live = ConcurrentHashMap.newKeySet();
    private int next;

    DemoCallers(PbxSimulator pbx, int everySeconds) {
        this.pbx = pbx;
        this.everySeconds = everySeconds;
    }

    DemoCallers start() {
        for (String agent : List.of("2001", "2002", "2003", "2004")) {
            pbx.phone(agent).answerAfter(Duration.ofMillis(1500));
        }
        timer.scheduleWithFixedDelay(this::tick, 2, everySeconds, TimeUnit.SECONDS);
        return this;
    }

    private void tick() {
        try {
            live.removeIf(call -> pbx.channel(call.channel()).isEmpty());
            if (live.size() >= MAX_LIVE_CALLS) {
                return;
            }
            String[] caller = CALLERS.get(next++ % CALLERS.size());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // Menu 1 is billing, 2 support; the patience is long enough that a ready agent usually gets there first.
            ScriptedCaller script = new ScriptedCaller(caller[0], caller[1], DID, random.nextBoolean() ? "1" : "2",
                Duration.ofSeconds(random.nextInt(60, 120)), Duration.ofSeconds(random.nextInt(20, 60)));
            live.add(pbx.dial(script));
            LOG.info("Simulated caller {} ({}) dials {}", caller[1].isEmpty() ? "withheld" : caller[1], caller[0], DID);
        } catch (RuntimeException e) {
            LOG.warn("Simulated caller could not dial: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
