package org.opencti.ivr.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reachability and strongly connected components (Tarjan, iterative so that a long chain cannot overflow the stack). */
final class Graphs {

    private Graphs() {
    }

    static Set<String> reachable(String start, Function<String, Collection<String>> edges) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        seen.add(start);
        todo.add(start);
        while (!todo.isEmpty()) {
            for (String next : edges.apply(todo.poll())) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    /** Components of more than one vertex or with a self-loop: the cycles. Edges to vertices outside are ignored. */
    static List<Set<String>> cycles(Collection<String> vertices, Function<String, Collection<String>> edges) {
        Set<String> all = new HashSet<>(vertices);
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String root : vertices) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
            open(root, index, low, stack, onStack, work, edges);
            while (!work.isEmpty()) {
                String v = work.peek().getKey();
                Iterator<String> it = work.peek().getValue();
                if (it.hasNext()) {
                    String w = it.next();
                    if (!all.contains(w)) {
                        continue;
                    }
                    if (!index.containsKey(w)) {
                        open(w, index, low, stack, onStack, work, edges);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (low.get(v).equals(index.get(v))) {
                    Set<String> component = new LinkedHashSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1 || edges.apply(v).contains(v)) {
                        out.add(component);
                    }
                }
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
            }
        }
        return out;
    }

    private static void open(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, Deque<Map.Entry<String, Iterator<String>>> work, Function<String, Collection<String>> edges) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        work.push(Map.entry(v, edges.apply(v).iterator()));
    }
}
