package org.opencti.ivr.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Problems with the paths they occur at ({@code trees.main.nodes.billing.next: ...}), so one run shows them all. */
final class TreeProblems {

    private final List<String> list = new ArrayList<>();

    static String child(String parent, String key) {
        String step = key.matches("[A-Za-z0-9_-]+") ? key : "[\"" + key + "\"]";
        if (parent.isEmpty()) {
            return step;
        }
        return step.startsWith("[") ? parent + step : parent + "." + step;
    }

    void add(String path, String message) {
        list.add(path.isEmpty() ? message : path + ": " + message);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<String> list() {
        return List.copyOf(list);
    }

    /** {@code unknown node "billingg" (did you mean "billing"?)}, the hint only when a name is close. */
    static String unknown(String what, String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        String message = "unknown " + what + " \"" + name + "\"";
        if (best != null && bestDistance <= Math.max(1, Math.min(name.length(), best.length()) / 3)) {
            message += " (did you mean \"" + best + "\"?)";
        }
        return message;
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
