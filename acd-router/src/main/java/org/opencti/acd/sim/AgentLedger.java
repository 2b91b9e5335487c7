package org.opencti.acd.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.opencti.acd.AcdService;
import org.opencti.core.agent.AgentState;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.core.time.ManualScheduler;

/**
 * The agents' side of the simulation, as their desktops see it: it times each agent's states for occupancy, logs agents
 * out when their shift is over, and puts an agent whose phone was not answered back to ready.
 *
 * <p>An agent whose shift ends during a call logs out the moment the ACD makes them ready or not ready again (so they
 * finish the call and its wrap-up but take no new one). That logout runs inside the ACD's own state change, which the
 * inline owner allows; should the ACD refuse it, the next idle moment tries again.
 */
final class AgentLedger implements DesktopNotifier {
    private static final class Agent {
        final String id;
        final int group;
        AgentState state = AgentState.LOGGED_OUT;
        long since;
        boolean leaving;

        Agent(String id, int group) {
            this.id = id;
            this.group = group;
        }
    }

    private final ManualScheduler time;
    private final LongSupplier now;
    private final long from;
    private final long to;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final List<String> groupNames = new ArrayList<>();
    private final List<double[]> groupSeconds = new ArrayList<>();
    private final List<Integer> groupSizes = new ArrayList<>();
    private AcdService acd;

    /**
     * @param now  virtual nanoseconds since the start
     * @param from count time from here (end of warm-up)
     * @param to   up to here (end of the period)
     */
    AgentLedger(ManualScheduler time, LongSupplier now, long from, long to) {
        this.time = time;
        this.now = now;
        this.from = from;
        this.to = to;
    }

    void attach(AcdService service) {
        this.acd = service;
    }

    void addAgent(String id, String group) {
        int index = groupNames.indexOf(group);
        if (index < 0) {
            index = groupNames.size();
            groupNames.add(group);
            groupSeconds.add(new double[3]);
            groupSizes.add(0);
        }
        groupSizes.set(index, groupSizes.get(index) + 1);
        agents.put(id, new Agent(id, index));
    }

    void shiftStarts(String id) {
        agents.get(id).leaving = false;
        acd.login(id);
        acd.ready(id);
    }

    void shiftEnds(String id) {
        Agent a = agents.get(id);
        if (a.state == AgentState.LOGGED_OUT) {
            return;
        }
        a.leaving = true;
        if (a.state == AgentState.READY || a.state == AgentState.NOT_READY) {
            acd.logout(id);
        }
    }

    @Override
    public void notify(DesktopEvent event) {
        if (!(event instanceof DesktopEvent.AgentStateChanged change)) {
            return;
        }
        Agent a = agents.get(change.agentId());
        account(a, now.getAsLong());
        a.state = change.state();
        if (a.state == AgentState.LOGGED_OUT) {
            a.leaving = false;
        } else if (a.leaving && (a.state == AgentState.READY || a.state == AgentState.NOT_READY)) {
            acd.logout(a.id);
        } else if (a.state == AgentState.NOT_READY && "ring no answer".equals(change.reason())) {
            // A missed call only happens when the answer delay is near the ring timeout; the agent tries again at once.
            time.schedule(Duration.ZERO, () -> {
                if (a.state == AgentState.NOT_READY && !a.leaving) {
                    acd.ready(a.id);
                }
            });
        }
    }

    private void account(Agent a, long at) {
        long start = Math.max(a.since, from);
        long end = Math.min(at, to);
        a.since = at;
        if (end <= start || a.state == AgentState.LOGGED_OUT) {
            return;
        }
        double seconds = (end - start) / 1e9;
        double[] sums = groupSeconds.get(a.group);
        sums[0] += seconds;
        switch (a.state) {
            case READY -> sums[2] += seconds;
            case RESERVED, RINGING, ON_CALL, ON_HOLD, WRAP_UP -> sums[1] += seconds;
            default -> { }
        }
    }

    /** Closes every agent's open interval at the end of the period and reports each group. */
    List<SimulationReport.GroupRow> groups() {
        for (Agent a : agents.values()) {
            AgentState state = a.state;
            account(a, to);
            a.state = state;
        }
        List<SimulationReport.GroupRow> rows = new ArrayList<>();
        for (int i = 0; i < groupNames.size(); i++) {
            double[] s = groupSeconds.get(i);
            rows.add(new SimulationReport.GroupRow(groupNames.get(i), groupSizes.get(i), s[0], s[1], s[2]));
        }
        return rows;
    }
}
