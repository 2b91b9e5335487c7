package org.opencti.acd.overflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The queues as a graph of ToQueue edges, to find configuration mistakes before a caller does. */
final class OverflowGraph {
    private enum Mark { IN_PROGRESS, DONE }

    private final Map<String, Set<String>> edges = new TreeMap<>();
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<String> path = new ArrayList<>();
    private final Set<String> loops = new LinkedHashSet<>();

    private OverflowGraph() {
    }

    static List<String> problems(Map<String, OverflowRules> byQueue, Set<String> knownQueues) {
        List<String> problems = new ArrayList<>();
        OverflowGraph graph = new OverflowGraph();
        for (Map.Entry<String, OverflowRules> e : new TreeMap<>(byQueue).entrySet()) {
            String queue = e.getKey();
            if (!knownQueues.contains(queue)) {
                problems.add("overflow rules for unknown queue '" + queue + "'");
            }
            Set<String> targets = new TreeSet<>();
            for (String target : e.getValue().targetQueues()) {
                if (target.equals(queue)) {
                    problems.add("queue '" + queue + "' overflows to itself");
                } else if (!knownQueues.contains(target)) {
                    problems.add("queue '" + queue + "' overflows to unknown queue '" + target + "'");
                } else {
                    targets.add(target);
                }
            }
            graph.edges.put(queue, targets);
        }
        for (String queue : graph.edges.keySet()) {
            graph.visit(queue);
        }
        for (String loop : graph.loops) {
            problems.add("overflow loop: " + loop);
        }
        return problems;
    }

    /** Depth first; an edge back to a queue still on the path closes a loop. Graphs are a few dozen queues. */
    private void visit(String queue) {
        if (marks.containsKey(queue)) {
            return;
        }
        marks.put(queue, Mark.IN_PROGRESS);
        path.add(queue);
        for (String next : edges.getOrDefault(queue, Set.of())) {
            if (marks.get(next) == Mark.IN_PROGRESS) {
                loops.add(describe(path.subList(path.indexOf(next), path.size())));
            } else {
                visit(next);
            }
        }
        path.remove(path.size() - 1);
        marks.put(queue, Mark.DONE);
    }

    /** Starts the loop at its alphabetically first queue, so the same loop is reported once, the same way. */
    private static String describe(List<String> cycle) {
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).compareTo(cycle.get(first)) < 0) {
                first = i;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cycle.size(); i++) {
            text.append(cycle.get((first + i) % cycle.size())).append(" -> ");
        }
        return text.append(cycle.get(first)).toString();
    }
}
