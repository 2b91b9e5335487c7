package org.opencti.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.opencti.pbxsim.PbxSimulator;
import org.opencti.pbxsim.SimCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated customers for the demo: one dials in every few seconds (known customers and strangers), picks
 * a menu option, waits, talks for a while once bridged, and hangs up. Agents' phones ring for a second
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
    private final Map<SimCall, Long> live = new ConcurrentHashMap<>();
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
        timer.scheduleWithFixedDelay(this::hangUpFinishedCalls, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void tick() {
        try {
            live.keySet().removeIf(call -> pbx.channel(call.channel()).isEmpty());
            if (live.size() >= MAX_LIVE_CALLS) {
                return;
            }
            String[] caller = CALLERS.get(next++ % CALLERS.size());
            SimCall call = pbx.placeInboundCall(caller[0], caller[1], DID);
            // Talk time counts from now; the caller also hears the IVR and may wait in the queue.
            live.put(call, System.nanoTime() + TimeUnit.SECONDS.toNanos(ThreadLocalRandom.current().nextInt(40, 90)));
            String digit = ThreadLocalRandom.current().nextBoolean() ? "1" : "2";
            timer.schedule(() -> pressIfStillThere(call, digit), 2, TimeUnit.SECONDS);
            LOG.info("Simulated caller {} ({}) dials {}", caller[1], caller[0], DID);
        } catch (RuntimeException e) {
            LOG.warn("Simulated caller could not dial: {}", e.toString());
        }
    }

    private void pressIfStillThere(SimCall call, String digit) {
        try {
            pbx.press(call, digit);
        } catch (RuntimeException e) {
            LOG.debug("caller gone before pressing a key: {}", e.toString());
        }
    }

    private void hangUpFinishedCalls() {
        long now = System.nanoTime();
        live.forEach((call, hangUpAt) -> {
            if (now - hangUpAt >= 0) {
                live.remove(call);
                try {
                    pbx.hangup(call);
                } catch (RuntimeException e) {
                    LOG.debug("caller already gone: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
