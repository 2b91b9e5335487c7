package org.opencti.ivr.run;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Containment statistics over finished calls: how many callers each node saw, and how the calls through it ended.
 * {@link #record} is thread-safe; {@link #snapshot} is a consistent copy.
 */
public final class ContainmentStats {

    /**
     * One node's figures.
     *
     * @param visits      times the node was entered (a caller who retries a menu through another node counts again)
     * @param selfService calls through this node that ended in self-service
     * @param person      calls through this node that ended with a person (queue, voicemail, callback)
     * @param hungUp      calls whose caller hung up at this node (it was the last node)
     */
    public record NodeStats(long visits, long selfService, long person, long hungUp) {
    }

    /** Totals over all calls and the figures per node, in the order nodes were first seen. */
    public record Snapshot(long calls, long selfService, long person, long hungUp, Map<String, NodeStats> nodes) {

        public Snapshot {
            nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        }

        /** Share of calls finished without a person (0 with no calls). */
        public double containmentRate() {
            return calls == 0 ? 0 : (double) selfService / calls;
        }
    }

    private final Map<String, long[]> nodes = new LinkedHashMap<>();
    private final long[] totals = new long[4];

    public synchronized void record(RunOutcome outcome) {
        int column = switch (outcome.end()) {
            case SELF_SERVICE -> 1;
            case PERSON -> 2;
            case HUNG_UP -> 3;
            default -> throw new IllegalArgumentException("end " + outcome.end());
        };
        totals[0]++;
        totals[column]++;
        Set<String> seen = new HashSet<>();
        for (String node : outcome.path()) {
            long[] row = nodes.computeIfAbsent(node, n -> new long[4]);
            row[0]++;
            if (seen.add(node) && column != 3) {
                row[column]++;
            }
        }
        if (column == 3 && !outcome.lastNode().isEmpty()) {
            nodes.computeIfAbsent(outcome.lastNode(), n -> new long[4])[3]++;
        }
    }

    public synchronized Snapshot snapshot() {
        Map<String, NodeStats> copy = new LinkedHashMap<>();
        nodes.forEach((id, row) -> copy.put(id, new NodeStats(row[0], row[1], row[2], row[3])));
        return new Snapshot(totals[0], totals[1], totals[2], totals[3], copy);
    }
}
